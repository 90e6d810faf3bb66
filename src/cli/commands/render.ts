import type { Argv, ArgumentsCamelCase } from "yargs";
import { build } from "../../build.js";
import { displayPath } from "../../spec/builtins.js";
import { plural, seconds } from "../report.js";
import { reportFlags, RunReporter, type ReportFlags } from "../reporter.js";
import { renderFlags, resolveRenderFlags, type RenderFlags } from "../render-options.js";

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
    .example("$0 render my-stack.yaml --preset slide", "16:9 slide assets (svg, png, pdf; light and dark) into out/slides/")
    .example("$0 render --check", "in CI: fail when the committed diagrams are out of date")
    .example("$0 render 'docs/**/*.md' -o docs/img --markdown-out site/", "render docs' ```vstack fences; write the pages with pictures in place")
    .example("$0 render docs/ --shard 1/4 -o site/img", "a quarter of every diagram under docs/, on one CI runner") as unknown as Argv<RenderArgs>;
}

export async function handler(args: ArgumentsCamelCase<RenderArgs>): Promise<number> {
  const { options, formats, themes, config } = await resolveRenderFlags(args);
  const check = args.check ?? false;
  const reporter = new RunReporter(args, !check);
  const report = await build({ ...options, check, onStart: reporter.onStart, onDiagram: reporter.onDiagram });
  const out = displayPath(options.outDir!);
  const problems = report.failed > 0 || report.stale.length > 0;
  if (args.check) {
    reporter.endProgress();
    const why = { missing: "missing", stale: "out of date", orphaned: "made for a diagram that is gone; delete it" } as const;
    for (const s of report.stale) process.stderr.write(`${s.file}: ${why[s.reason]}\n`);
    const verdict = report.stale.length === 0 ? "all outputs are up to date" : `${plural(report.stale.length, "output")} missing or out of date; run \`vstack render\` and commit the result`;
    reporter.finish(report, `vstack: checked ${plural(report.diagrams.length, "diagram")} in ${out}/ in ${seconds(report.elapsedMs)}: ${verdict}; ${report.failed} failed`, { check: true });
    return problems ? 1 : 0;
  }
  reporter.endProgress();
  if (report.removed.length > 0 && !args.quiet && args.reporter !== "json") {
    process.stdout.write(`vstack: removed ${plural(report.removed.length, "file")} of diagrams that are gone: ${report.removed.join(" ")}\n`);
  }
  const files = report.diagrams.reduce((n, d) => n + d.files.length, 0);
  const written = report.diagrams.reduce((n, d) => n + d.written, 0);
  const cached = report.diagrams.filter((d) => d.rendered === 0).length;
  const from = config ? ` (config: ${config.file})` : "";
  reporter.finish(
    report,
    `vstack: rendered ${plural(report.diagrams.length, "diagram")} (${formats.join(", ")} × ${themes.join(", ")}; ${plural(files, "file")}, ${written} changed; ${cached} from cache) into ${out}/ in ${seconds(report.elapsedMs)}; ${report.failed} failed${from}`,
  );
  return problems ? 1 : 0;
}
