import { createHash } from "node:crypto";
import { mkdir, readFile, rm } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { build } from "../run/index.js";
import { writeOutput } from "../output/write.js";
import { FORMATS, type Format } from "../presets.js";
import { printProblems } from "./print.js";
import type { RenderFlags } from "./render-options.js";
import { resolveRenderFlags } from "./render-options.js";
import { UsageError } from "./usage-error.js";

/** `-o name.svg` (or .png, .pdf, .mmd): one file, as mermaid-cli's `-o` writes, rather than a folder. */
export function singleFileTarget(flags: RenderFlags): { file: string; format: Format } | undefined {
  const ext = flags.out ? extname(flags.out).slice(1).toLowerCase() : "";
  return (FORMATS as readonly string[]).includes(ext) ? { file: resolve(flags.out!), format: ext as Format } : undefined;
}

/**
 * Renders exactly one diagram into one file: the format is the file's extension, the theme the
 * one `-t` names (light by default). Drawn into a scratch folder, then written whole to the file.
 */
export async function renderOneFile(flags: RenderFlags & { quiet?: boolean; check?: boolean }, target: { file: string; format: Format }, stdin: string | undefined): Promise<number> {
  if (flags.check) throw new UsageError("--check compares an output folder; -o with a file name writes one file (drop one of them)");
  if (target.format === "pptx") throw new UsageError(`-o ${flags.out}: a deck holds every diagram of the run, written as deck.<theme>.pptx into the output folder; name a folder with -o`);
  if (flags.format && (flags.format.length > 1 || flags.format[0] !== target.format)) {
    throw new UsageError(`-o ${flags.out} writes a .${target.format} file, but --format says ${flags.format.join(",")}; drop --format, or name a folder with -o`);
  }
  if (flags.theme && flags.theme.length > 1) throw new UsageError(`-o ${flags.out} writes one file: name one theme (-t light or -t dark), or name a folder with -o`);
  const { options } = await resolveRenderFlags({ ...flags, out: undefined });
  const theme = flags.theme?.[0] ?? "light";
  if (theme === "auto" && target.format !== "svg") throw new UsageError(`-t auto makes one SVG for both colour schemes; a .${target.format} file has one theme: -t light or -t dark`);
  // A scratch folder of its own per target file: the run records it leaves in the cache stay
  // one per target, however often it is rendered.
  const scratch = join(resolve(options.cwd!, options.cacheDir!), "one-file", createHash("sha256").update(target.file).digest("hex").slice(0, 16));
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  try {
    const report = await build({ ...options, ...(stdin !== undefined && { stdin }), outDir: scratch, markdownOut: scratch, formats: [target.format], themes: [theme], gallery: false, manifest: false });
    printProblems(report);
    if (report.failed > 0) return 1;
    if (report.diagrams.length !== 1) {
      process.stderr.write(`vstack: -o ${flags.out} writes one file, but the inputs hold ${report.diagrams.length} diagrams; name one input, or a folder with -o\n`);
      return 1;
    }
    const made = report.diagrams[0]!;
    if (made.files.length === 0) {
      process.stderr.write(`vstack: ${made.diagram.id} has no ${target.format} drawing: txt and ansi are drawn from specs, and Mermaid text has no stack to draw\n`);
      return 1;
    }
    await writeOutput(target.file, await readFile(join(scratch, made.files[0]!)));
    if (!flags.quiet) process.stdout.write(`vstack: wrote ${flags.out} (${made.diagram.id}, ${theme})\n`);
    return 0;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
