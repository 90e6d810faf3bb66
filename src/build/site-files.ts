import { dirname, join, relative, resolve } from "node:path";
import { classifyInput } from "../inputs.js";
import type { Diagram } from "../diagrams/diagram.js";
import { embedSnippet, markdownImages } from "../output/embed.js";
import { isInside, toSlashes } from "../paths.js";
import { galleryHtml, galleryMarkdown } from "../output/gallery.js";
import { manifestJson } from "../output/manifest.js";
import { rewrittenMarkdown } from "../output/markdown-out.js";
import { orphanedOutputs, previousEntries } from "../output/orphans.js";
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
  run: { done: DiagramReport[]; diagrams: Diagram[]; failedIds: Set<string>; brokenPages: Set<string>; sourcesRead: Set<string>; failedSources: Set<string> },
): Promise<{ pages: string[]; pagesWritten: number; removed: string[] }> {
  const { done, diagrams, failedIds, brokenPages } = run;
  const previous = opts.manifest ? await previousEntries(opts.outDir) : [];
  // Before the manifest is rewritten: files it listed that this run no longer makes. Only after
  // a clean run: a diagram missing from a run with failures may only be broken, not gone.
  const clean = run.failedSources.size === 0;
  const removed = clean ? orphanedOutputs(previous, opts.outDir, opts.cwd, run.sourcesRead, new Set(done.flatMap((d) => d.files))) : [];
  for (const file of removed) await sink.remove(join(opts.outDir, file));
  // A source that failed this time keeps its last good entries: its files are still there.
  const made = new Set(done.map((d) => d.diagram.id));
  const kept = previous.filter((e) => run.failedSources.has(e.source) && !made.has(e.id));
  const files: Array<[string, string]> = [];
  if (opts.gallery) files.push([join(opts.outDir, "README.md"), galleryMarkdown(done)], [join(opts.outDir, "index.html"), galleryHtml(done)]);
  if (opts.manifest) files.push([join(opts.outDir, "manifest.json"), manifestJson(done, VERSION, kept)]);
  files.push(...markdownFiles(opts, done, diagrams, (path, fenced) => brokenPages.has(path) || fenced.some((d) => failedIds.has(d.id))));
  let pagesWritten = 0;
  for (const [file, text] of files) if (await sink.put(file, text)) pagesWritten++;
  return { pages: files.map(([file]) => file), pagesWritten, removed: sink.checking ? [] : removed };
}

/**
 * Where a Markdown input is written out: under the Markdown output folder at its place below
 * the input it was found through (`docs-src/guide/intro.md` from input `docs-src` becomes
 * `<markdownOut>/guide/intro.md`), so a docs tree keeps its shape.
 */
export function markdownTargets(opts: ResolvedBuildOptions): (path: string) => string {
  // The folders inputs name, deepest first: a page belongs to the deepest that holds it.
  const roots = opts.inputs
    .map((input) => classifyInput(input, opts.cwd))
    .flatMap((input) => (input.kind === "glob" ? [input.base] : input.kind === "dir" ? [input.path] : input.kind === "file" ? [dirname(input.path)] : []))
    .sort((a, b) => b.length - a.length);
  return (path) => resolve(opts.markdownOut, relative(roots.find((r) => r !== path && isInside(path, r)) ?? dirname(path), path));
}

/** Each Markdown input whose fences all rendered, written to markdownOut with pictures in their place. */
function markdownFiles(opts: ResolvedBuildOptions, done: DiagramReport[], diagrams: Diagram[], broken: (path: string, fenced: Diagram[]) => boolean): Array<[string, string]> {
  const byFile = new Map<string, Diagram[]>();
  for (const d of diagrams) if (d.fence) byFile.set(d.fence.path, [...(byFile.get(d.fence.path) ?? []), d]);
  const reports = new Map(done.map((r) => [r.diagram.id, r]));
  const out: Array<[string, string]> = [];
  const targetOf = markdownTargets(opts);
  for (const [path, fenced] of byFile) {
    if (broken(path, fenced)) continue; // its errors are reported; a half-pictured page is not written
    const target = targetOf(path);
    // Image paths are relative to the page, wherever below markdownOut it lands.
    const base = toSlashes(relative(dirname(target), opts.outDir));
    const picture = opts.pageStyle === "markdown" ? markdownImages : embedSnippet;
    const pictures = fenced.map((d) => {
      const report = reports.get(d.id);
      const snippet = (report && picture(report, base)) ?? `<!-- vstack: ${d.id} has no picture format in this run -->`;
      return { start: d.fence!.start, end: d.fence!.end, indent: d.fence!.indent, snippet };
    });
    out.push([target, rewrittenMarkdown(fenced[0]!.fence!.text, pictures)]);
  }
  return out;
}
