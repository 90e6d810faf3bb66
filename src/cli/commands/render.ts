import { resolve } from "node:path";
import type { Argv, ArgumentsCamelCase } from "yargs";
import { build } from "../../run/index.js";
import { fromCache, type BuildReport } from "../../run/build-report.js";
import { STDIN } from "../../inputs.js";
import { displayPath, isInside } from "../../paths.js";
import { plural, seconds } from "../print.js";
import { reportFlags, RunReporter, type ReportFlags } from "../run-reporter.js";
import { renderFlags, resolveRenderFlags, type RenderFlags } from "../render-options.js";
import { renderOneFile, singleFileTarget } from "../single-file.js";
import { readStdin } from "../stdin.js";
import { UsageError } from "../usage-error.js";

interface RenderArgs extends RenderFlags, ReportFlags {
  check?: boolean;
}

export const command = "render [inputs..]";
export const describe = "Render specs, .mmd files and Markdown fences to SVG, PNG, PDF and Mermaid (default: the config's inputs, else the built-in specs)";

export function builder(y: Argv): Argv<RenderArgs> {
  return reportFlags(renderFlags(y))
    .option("check", { describe: "write nothing; exit 1 listing every output that is missing, out of date or left from a removed diagram (for CI)", type: "boolean" })
    .example("$0 render", "render vstack.config.yaml's diagrams, or the built-in gallery into out/")
    .example("$0 render my-stack.yaml -f svg -t dark", "one spec, dark SVG only")
    .example("$0 render xen -o xen.png", "one file: the format from its name, the light theme unless -t says otherwise")
    .example("cat stack.yaml | $0 render - -o stack.svg", "a spec (or Mermaid text) from standard input")
    .example("$0 render my-stack.yaml --preset slide", "16:9 slide assets (svg, png, pdf; light and dark) into out/slides/")
    .example("$0 render --check", "in CI: fail when the committed diagrams are out of date")
    .example("$0 render 'docs/**/*.md' -o docs/img --markdown-out site/", "render docs' ```vstack fences; write the pages with pictures in place")
    .example("$0 render docs/ --shard 1/4 -o site/img", "a quarter of every diagram under docs/, on one CI runner") as unknown as Argv<RenderArgs>;
}

export async function handler(args: ArgumentsCamelCase<RenderArgs>): Promise<number> {
  const stdin = args.inputs.includes(STDIN) ? await readStdin() : undefined;
  const single = singleFileTarget(args);
  if (single) return renderOneFile(args, single, stdin);
  const { options, config, formats, themes } = await resolveRenderFlags(args);
  if (themes.includes("auto") && !formats.includes("svg")) throw new UsageError(`theme auto is one SVG for both colour schemes, but the formats are ${formats.join(", ")}: add svg, or pick light or dark`);
  const check = args.check ?? false;
  const reporter = new RunReporter(args, !check);
  const report = await build({ ...options, ...(stdin !== undefined && { stdin }), check, onStart: reporter.onStart, onDiagram: reporter.onDiagram });
  const outDir = resolve(report.cwd, options.outDir!);
  const out = `${displayPath(outDir, report.cwd)}/`;
  const problems = report.failed > 0 || report.stale.length > 0;
  reporter.endProgress();
  if (check) {
    const why = { missing: "missing", stale: "out of date", orphaned: "made for a diagram that is gone; delete it" } as const;
    for (const s of report.stale) process.stderr.write(`${s.file}: ${why[s.reason]}\n`);
    const outputs = report.stale.length === 0 ? "all outputs are up to date" : `${plural(report.stale.length, "output")} missing or out of date; run \`vstack render\` and commit the result`;
    const verdict = report.failed > 0 ? `${report.failed} failed (above); ${outputs}` : outputs;
    reporter.finish(report, `vstack: checked ${plural(report.diagrams.length + report.failed, "diagram")} in ${out} in ${seconds(report.elapsedMs)}: ${verdict}`, { check: true });
    return problems ? 1 : 0;
  }
  if (report.removed.length > 0 && !args.quiet && args.reporter !== "json") {
    process.stdout.write(`vstack: removed ${plural(report.removed.length, "file")} that nothing makes any more: ${report.removed.join(" ")}\n`);
  }
  const from = config ? ` (config: ${config.file})` : "";
  // `auto` is one SVG for both schemes: the run's other formats are made in light and dark only.
  const plain = themes.filter((t) => t !== "auto");
  const made = [...(plain.length > 0 ? [`${formats.join(", ")} × ${plain.join(", ")}`] : []), ...(themes.includes("auto") ? ["svg × auto"] : [])];
  reporter.finish(report, `${runSummary(report, outDir, made.join("; "))}${from}`);
  return problems ? 1 : 0;
}

/**
 * One line: diagrams drawn, taken from the cache and failed; then files written, unchanged and
 * removed (the diagrams' own and the pages about them).
 */
export function runSummary(report: BuildReport, outDir: string, look: string): string {
  const cached = report.diagrams.filter(fromCache).length;
  const drawn = report.diagrams.length - cached;
  // Markdown pages written elsewhere (markdownOut) are counted apart from the output folder's files.
  const pages = report.pages.filter((p) => !isInside(p, outDir)).length;
  const files = report.diagrams.reduce((n, d) => n + d.files.length, 0) + report.pages.length;
  const written = report.diagrams.reduce((n, d) => n + d.written, 0) + report.pagesWritten;
  const where = `${plural(files - pages, "file")} in ${displayPath(outDir, report.cwd)}/${pages > 0 ? ` and ${plural(pages, "page")}` : ""}`;
  const skipped = report.skipped.length > 0 ? `; skipped ${report.skipped.join(", ")} (not specs)` : "";
  return `vstack: ${plural(report.diagrams.length + report.failed, "diagram")} (${look}): ${drawn} drawn, ${cached} from cache, ${report.failed} failed; ${where}: ${written} written, ${files - written} unchanged, ${report.removed.length} removed; ${seconds(report.elapsedMs)}${skipped}`;
}
