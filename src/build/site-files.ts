import { dirname, join, relative, resolve, sep } from "node:path";
import { classifyInput } from "../inputs.js";
import type { Diagram } from "../diagrams/diagram.js";
import { embedSnippet } from "../output/embed.js";
import { galleryHtml, galleryMarkdown } from "../output/gallery.js";
import { manifestJson } from "../output/manifest.js";
import { rewrittenMarkdown } from "../output/markdown-out.js";
import { orphanedOutputs } from "../output/orphans.js";
import type { OutputSink } from "../output/sink.js";
import { VERSION } from "../version.js";
import type { ResolvedBuildOptions } from "./options.js";
import type { DiagramReport } from "./report.js";

/**
 * The files a run writes about its diagrams: the gallery (README.md, index.html), manifest.json,
 * and each Markdown input with its fences replaced by pictures; and the removal of outputs of
 * diagrams that are gone. Returns the paths written and the files removed.
 */
export async function writeSiteFiles(
  opts: ResolvedBuildOptions,
  sink: OutputSink,
  run: { done: DiagramReport[]; diagrams: Diagram[]; failedIds: Set<string>; clean: boolean },
): Promise<{ pages: string[]; removed: string[] }> {
  const { done, diagrams, failedIds } = run;
  // Before the manifest is rewritten: files it listed for diagrams that are gone. Only after a
  // clean run: a diagram missing from a run with failures may only be broken, not gone.
  const removed =
    opts.manifest && run.clean
      ? await orphanedOutputs(opts.outDir, new Set(diagrams.map((d) => d.file)), new Set(done.flatMap((d) => d.files)), new Set(done.map((d) => d.diagram.id)))
      : [];
  for (const file of removed) await sink.remove(join(opts.outDir, file));
  const files: Array<[string, string]> = [];
  if (opts.gallery) files.push([join(opts.outDir, "README.md"), galleryMarkdown(done)], [join(opts.outDir, "index.html"), galleryHtml(done)]);
  if (opts.manifest) files.push([join(opts.outDir, "manifest.json"), manifestJson(done, VERSION)]);
  files.push(...markdownFiles(opts, done, diagrams, failedIds));
  for (const [file, text] of files) await sink.put(file, text);
  return { pages: files.map(([file]) => file), removed: sink.checking ? [] : removed };
}

/**
 * Where a Markdown input is written out: under the Markdown output folder at its place below
 * the input it was found through (`docs-src/guide/intro.md` from input `docs-src` becomes
 * `<markdownOut>/guide/intro.md`), so a docs tree keeps its shape.
 */
export function markdownTargets(opts: ResolvedBuildOptions): (path: string) => string {
  // The folders inputs name, deepest first: a page belongs to the deepest that holds it.
  const roots = opts.inputs
    .map(classifyInput)
    .map((input) => (input.kind === "glob" ? input.base : input.kind === "dir" ? input.path : dirname(input.path)))
    .sort((a, b) => b.length - a.length);
  return (path) => resolve(opts.markdownOut, relative(roots.find((r) => path.startsWith(r + sep)) ?? dirname(path), path));
}

/** Each Markdown input whose fences all rendered, written to markdownOut with pictures in their place. */
function markdownFiles(opts: ResolvedBuildOptions, done: DiagramReport[], diagrams: Diagram[], failedIds: Set<string>): Array<[string, string]> {
  const byFile = new Map<string, Diagram[]>();
  for (const d of diagrams) if (d.fence) byFile.set(d.fence.path, [...(byFile.get(d.fence.path) ?? []), d]);
  const reports = new Map(done.map((r) => [r.diagram.id, r]));
  const out: Array<[string, string]> = [];
  const targetOf = markdownTargets(opts);
  for (const [path, fenced] of byFile) {
    if (fenced.some((d) => failedIds.has(d.id))) continue; // its errors are reported; a half-pictured page is not written
    const target = targetOf(path);
    // Image paths are relative to the page, wherever below markdownOut it lands.
    const base = relative(dirname(target), resolve(opts.outDir)).split(sep).join("/");
    const pictures = fenced.map((d) => {
      const report = reports.get(d.id);
      const snippet = (report && embedSnippet(report, base)) ?? `<!-- vstack: ${d.id} has no picture format in this run -->`;
      return { start: d.fence!.start, end: d.fence!.end, snippet };
    });
    out.push([target, rewrittenMarkdown(fenced[0]!.fence!.text, pictures)]);
  }
  return out;
}
