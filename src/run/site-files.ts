import { dirname, join, relative, resolve } from "node:path";
import { classifyInput } from "../inputs.js";
import type { Diagram } from "../diagrams/diagram.js";
import type { FenceTable } from "../diagrams/table-fence.js";
import { embedSnippet, markdownImages } from "../output/embed.js";
import { displayPath, isInside, toSlashes } from "../paths.js";
import { galleryHtml, galleryMarkdown } from "../output/gallery.js";
import { manifestJson } from "../output/manifest.js";
import { rewrittenMarkdown } from "../output/markdown-out.js";
import { withFolderLock } from "../output/folder-lock.js";
import { orphanedOutputs, orphanedPages, previousManifest, type ManifestEntry } from "../output/orphans.js";
import type { OutputSink } from "../output/sink.js";
import { VERSION } from "../version.js";
import type { ResolvedBuildOptions } from "./options.js";
import type { DiagramReport } from "./build-report.js";

/**
 * The files a run writes about its diagrams: the gallery (README.md, index.html), manifest.json,
 * and each Markdown input with its fences replaced by pictures; and the removal of outputs of
 * diagrams that are gone. Returns the paths written and the files removed.
 */
export async function writeSiteFiles(opts: ResolvedBuildOptions, sink: OutputSink, run: SiteRun): Promise<{ pages: string[]; pagesWritten: number; removed: string[] }> {
  // Runs into one folder take turns: each reads the manifest, merges its diagrams in and writes it whole.
  if (!opts.manifest || sink.checking) return siteFiles(opts, sink, run);
  return withFolderLock(join(opts.outDir, "manifest.json.lock"), () => siteFiles(opts, sink, run));
}

type SiteRun = { done: DiagramReport[]; diagrams: Diagram[]; tables: FenceTable[]; failedIds: Set<string>; brokenPages: Set<string>; sourcesRead: Set<string>; failedSources: Set<string> };

async function siteFiles(opts: ResolvedBuildOptions, sink: OutputSink, run: SiteRun): Promise<{ pages: string[]; pagesWritten: number; removed: string[] }> {
  const { done, diagrams, tables, failedIds, brokenPages } = run;
  const previous = opts.manifest ? await previousManifest(opts.outDir) : { diagrams: [], pages: [] };
  const pages = markdownFiles(opts, done, diagrams, tables, (path, fenced) => brokenPages.has(path) || fenced.some((d) => failedIds.has(d.id)));
  const pageEntries = pages.map((p) => ({ source: displayPath(p.source, opts.cwd), file: displayPath(p.file, opts.cwd) }));
  const writtenPages = new Set(pageEntries.map((p) => p.file));
  // Before the manifest is rewritten: files it listed that this run no longer makes. Only after
  // a clean run: a diagram missing from a run with failures may only be broken, not gone. Pages
  // only when this run writes pages at all (it draws pictures).
  const clean = run.failedSources.size === 0;
  // A run that writes no pages (-f mmd) keeps the pictures the pages it leaves alone still show.
  const pagesTouched = writesPages(opts);
  const pagePicture = (e: ManifestEntry, file: string) => !pagesTouched && /\.(md|markdown)$/i.test(e.source) && /\.(svg|png)$/.test(file);
  const removed = clean ? orphanedOutputs(previous.diagrams, opts.outDir, opts.cwd, run.sourcesRead, new Set(done.flatMap((d) => d.files)), pagePicture) : [];
  const writtenSources = new Set(pageEntries.map((p) => p.source));
  const removedPages = clean && pagesTouched ? orphanedPages(previous.pages, opts.markdownOut, opts.cwd, run.sourcesRead, writtenSources) : [];
  for (const file of removed) await sink.remove(join(opts.outDir, file));
  for (const file of removedPages) await sink.remove(file);
  // The manifest describes the folder: entries of sources this run did not read (one spec
  // rendered into a shared folder) and of sources that failed this time keep their last good
  // entries, since their files are still there. Entries of removed files go.
  const made = new Set(done.map((d) => d.diagram.id));
  const gone = new Set(removed);
  const untouched = (source: string) => run.failedSources.has(source) || !run.sourcesRead.has(source);
  const kept = previous.diagrams.filter((e) => !made.has(e.id) && untouched(e.source) && !e.outputs.some((o) => gone.has(o.file)));
  const keptPages = previous.pages.filter((p) => !writtenPages.has(p.file) && (!pagesTouched || untouched(p.source) || writtenSources.has(p.source)) && !removedPages.includes(resolve(opts.cwd, p.file)));
  const files: Array<[string, string]> = [];
  if (opts.gallery) files.push([join(opts.outDir, "README.md"), galleryMarkdown(done)], [join(opts.outDir, "index.html"), galleryHtml(done)]);
  if (opts.manifest) files.push([join(opts.outDir, "manifest.json"), manifestJson(done, VERSION, kept, [...pageEntries, ...keptPages])]);
  files.push(...pages.map((p): [string, string] => [p.file, p.text]));
  let pagesWritten = 0;
  for (const [file, text] of files) if (await sink.put(file, text)) pagesWritten++;
  const shownRemoved = [...removed, ...removedPages.map((p) => displayPath(p, opts.cwd))];
  return { pages: files.map(([file]) => file), pagesWritten, removed: sink.checking ? [] : shownRemoved };
}

/** Only a run that draws pictures (svg or png) writes pages: Mermaid text or PDFs alone have nothing to show in one. */
function writesPages(opts: ResolvedBuildOptions): boolean {
  return opts.formats.some((f) => f === "svg" || f === "png");
}

/**
 * Where a Markdown input is written out: under the Markdown output folder at its place below
 * the input it was found through (`docs-src/guide/intro.md` from input `docs-src` becomes
 * `<markdownOut>/guide/intro.md`), so a docs tree keeps its shape.
 */
export function markdownTargets(opts: ResolvedBuildOptions): (path: string) => string {
  // The folders inputs name (and the config's, for a page named on its own), deepest first: a
  // page belongs to the deepest that holds it; a page under none stays beside its own name.
  const roots = [...opts.inputs, ...opts.pageRoots]
    .map((input) => classifyInput(input, opts.cwd))
    .flatMap((input) => (input.kind === "glob" ? [input.base] : input.kind === "dir" ? [input.path] : []))
    .sort((a, b) => b.length - a.length);
  return (path) => resolve(opts.markdownOut, relative(roots.find((r) => r !== path && isInside(path, r)) ?? dirname(path), path));
}

/**
 * Each Markdown input whose fences all rendered, written to markdownOut with pictures (and
 * `table:` fences' tables) in their place (none from a run that draws no pictures: it must not
 * take the pictures out of a page).
 */
function markdownFiles(opts: ResolvedBuildOptions, done: DiagramReport[], diagrams: Diagram[], tables: FenceTable[], broken: (path: string, fenced: Diagram[]) => boolean): Array<{ source: string; file: string; text: string }> {
  if (!writesPages(opts)) return [];
  const byFile = new Map<string, Diagram[]>();
  for (const d of diagrams) if (d.fence) byFile.set(d.fence.path, [...(byFile.get(d.fence.path) ?? []), d]);
  // A page with tables and no pictures is written too.
  for (const t of tables) if (!byFile.has(t.fence.path)) byFile.set(t.fence.path, []);
  const reports = new Map(done.map((r) => [r.diagram.id, r]));
  const out: Array<{ source: string; file: string; text: string }> = [];
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
      return { start: d.fence!.start, end: d.fence!.end, snippet };
    });
    const own = tables.filter((t) => t.fence.path === path);
    pictures.push(...own.map((t) => ({ start: t.fence.start, end: t.fence.end, snippet: t.text })));
    const pageText = fenced[0]?.fence?.text ?? own[0]!.fence.text;
    out.push({ source: path, file: target, text: rewrittenMarkdown(pageText, pictures) });
  }
  return out;
}
