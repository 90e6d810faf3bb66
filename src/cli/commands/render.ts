import type { Argv, ArgumentsCamelCase } from "yargs";
import { build, FORMATS, type Format } from "../../build.js";
import type { Shard } from "../../inputs.js";
import { THEMES, type Theme } from "../../palette.js";
import { plural, printDiagnostics, seconds } from "../report.js";

interface RenderArgs {
  inputs: string[];
  out: string;
  format: Format[];
  theme: Theme[];
  scale: number;
  background?: string;
  template: string;
  templates?: string;
  chromium?: string;
  gallery?: boolean;
  jobs?: number;
  cache: boolean;
  cacheDir: string;
  shard?: Shard;
}

export const command = "render [inputs..]";
export const describe = "Render specs, .mmd files and Markdown mermaid fences to SVG, PNG and Mermaid (default: the built-in specs)";

export function builder(y: Argv): Argv<RenderArgs> {
  return y
    .positional("inputs", { describe: "spec files (.yaml, .json), .mmd files, Markdown files, folders, globs or built-in ids", type: "string", array: true, default: [] as string[] })
    .option("out", { alias: "o", describe: "output folder", type: "string", default: "out" })
    .option("format", { alias: "f", describe: `comma-separated formats: ${FORMATS.join(", ")}`, type: "string", default: FORMATS.join(","), coerce: listOf(FORMATS, "format") })
    .option("theme", { alias: "t", describe: `comma-separated themes: ${THEMES.join(", ")}`, type: "string", default: THEMES.join(","), coerce: listOf(THEMES, "theme") })
    .option("scale", { describe: "PNG pixels per CSS pixel (2 is crisp on slides and retina screens)", type: "number", default: 2, coerce: scaleOf })
    .option("background", { describe: "background colour (CSS), or 'transparent'; default: the theme's own", type: "string" })
    .option("template", { describe: "template to print Mermaid with: block (block-beta) or flowchart", type: "string", default: "block" })
    .option("templates", { describe: "folder of your own templates (<name>.mmd.hbs, partials/*.hbs), laid over the built-in ones", type: "string" })
    .option("chromium", { describe: "Chrome/Chromium binary (else $VSTACK_CHROMIUM, $PUPPETEER_EXECUTABLE_PATH, system paths)", type: "string" })
    .option("jobs", { alias: "j", describe: "pages rendering at once (default: one per core)", type: "number", coerce: jobsOf })
    .option("cache", { describe: "reuse outputs whose inputs did not change (--no-cache renders everything)", type: "boolean", default: true })
    .option("cache-dir", { describe: "where cached outputs live (safe to delete)", type: "string", default: ".vstack-cache" })
    .option("shard", { describe: "render only share i of n of the inputs, e.g. 2/4 (for a CI matrix)", type: "string", coerce: shardOf })
    .option("gallery", { describe: "write <out>/README.md showing every diagram (default: on when rendering the built-in specs)", type: "boolean" })
    .example("$0 render", "render the built-in gallery into out/ (svg, png, mmd; light and dark)")
    .example("$0 render my-stack.yaml -f svg -t dark", "one spec, dark SVG only")
    .example("$0 render 'docs/**/*.yaml' -o docs/img --background transparent", "every spec under docs/, transparent background")
    .example("$0 render type-1-hypervisor --template flowchart -f mmd", "a built-in spec as a Mermaid flowchart")
    .example("$0 render docs/ --shard 1/4 -o site/img", "a quarter of every diagram under docs/, on one CI runner") as unknown as Argv<RenderArgs>;
}

export async function handler(args: ArgumentsCamelCase<RenderArgs>): Promise<number> {
  const report = await build({
    inputs: args.inputs,
    outDir: args.out,
    formats: args.format,
    themes: args.theme,
    scale: args.scale,
    template: args.template,
    gallery: args.gallery ?? (args.inputs.length === 0 && !args.shard),
    cache: args.cache,
    cacheDir: args.cacheDir,
    ...(args.jobs !== undefined && { jobs: args.jobs }),
    ...(args.shard !== undefined && { shard: args.shard }),
    ...(args.background !== undefined && { background: args.background }),
    ...(args.templates !== undefined && { templatesDir: args.templates }),
    ...(args.chromium !== undefined && { chromium: args.chromium }),
    onDiagram: (d) => process.stdout.write(`  ${d.diagram.id}: ${d.files.join(" ")}${d.rendered === 0 && d.files.some((f) => !f.endsWith(".mmd")) ? " (cached)" : ""}\n`),
  });
  printDiagnostics(report.failures);
  const { failed } = report;
  const files = report.diagrams.reduce((n, d) => n + d.files.length, 0);
  const written = report.diagrams.reduce((n, d) => n + d.written, 0);
  const cached = report.diagrams.filter((d) => d.rendered === 0).length;
  process.stdout.write(
    `vstack: rendered ${plural(report.diagrams.length, "diagram")} (${args.format.join(", ")} × ${args.theme.join(", ")}; ${plural(files, "file")}, ${written} changed; ${cached} from cache) into ${args.out}/ in ${seconds(report.elapsedMs)}; ${failed} failed\n`,
  );
  return failed > 0 ? 1 : 0;
}

/** Parses `a,b` against the allowed values; yargs turns the thrown error into a usage error (exit 2). */
function listOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string | string[]): T[] => {
    const items = [value].flat().flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter(Boolean);
    const bad = items.filter((v) => !allowed.includes(v as T));
    if (bad.length > 0 || items.length === 0) throw new Error(`unknown ${what} "${bad.join(",")}"; choose from ${allowed.join(", ")}`);
    return [...new Set(items)] as T[];
  };
}

function jobsOf(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`--jobs must be a whole number from 1 to 64, got ${value}`);
  return value;
}

function shardOf(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard takes i/n with 1 <= i <= n, e.g. 2/4; got "${value}"`);
  return { index, count };
}

function scaleOf(value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > 8) throw new Error(`--scale must be a number above 0 and at most 8, got ${value}`);
  return value;
}
