import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, posix, resolve } from "node:path";
import { STDIN_NAME } from "../inputs.js";
import { absolutePath, isInside } from "../paths.js";

/** What an earlier manifest.json says of a diagram (what finding orphans and keeping entries needs). */
export interface ManifestEntry {
  id: string;
  source: string;
  outputs: Array<{ file: string }>;
  [key: string]: unknown;
}

/** A Markdown page an earlier run wrote: its source and where it went, both relative to the project folder. */
export interface PageEntry {
  source: string;
  file: string;
}

/** `<outDir>/manifest.json` as an earlier run wrote it; empty when there is none (or not one of ours). */
export async function previousManifest(outDir: string): Promise<{ diagrams: ManifestEntry[]; pages: PageEntry[] }> {
  let data: { diagrams?: unknown; pages?: unknown };
  try {
    data = JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as typeof data;
  } catch {
    return { diagrams: [], pages: [] };
  }
  const list = (value: unknown): Array<Record<string, unknown>> => (Array.isArray(value) ? value.filter((e) => e && typeof e === "object") : []);
  return {
    diagrams: list(data.diagrams).filter((e): e is ManifestEntry => typeof e.id === "string" && typeof e.source === "string" && Array.isArray(e.outputs)),
    pages: list(data.pages).filter((e): e is PageEntry & Record<string, unknown> => typeof e.source === "string" && typeof e.file === "string").map(({ source, file }) => ({ source, file })),
  };
}

/**
 * Files an earlier run listed for a source this run read that this run does not make: the
 * diagram's id was renamed, its fence removed, a format or theme dropped; or its source was
 * deleted from a folder this run read from. Diagrams of other sources are left alone, so
 * rendering one spec into a shared folder never touches the others' files. Only files that
 * exist are returned. `sourcesRead` are as the manifest names sources (relative to `cwd`).
 */
export function orphanedOutputs(entries: ManifestEntry[], outDir: string, cwd: string, sourcesRead: Set<string>, made: Set<string>, keep: (entry: ManifestEntry, file: string) => boolean = () => false): string[] {
  const gone = goneSources(sourcesRead, cwd);
  const files = entries.filter((e) => gone(e.source)).flatMap((e) => e.outputs.map((o) => o.file).filter((f) => !keep(e, f)));
  // Only plain names inside the folder: a manifest edited by hand cannot send a removal elsewhere.
  return [...new Set(files)].filter((f) => typeof f === "string" && /^[^/\\]+$/.test(f) && f !== ".." && !made.has(f) && existsSync(join(outDir, f)));
}

/**
 * Markdown pages an earlier run wrote whose source this run read and wrote no page for (its
 * fences all removed), or whose source was deleted. A source written to another place this
 * time (a page rendered on its own, without the config's folders) leaves its page alone. Only
 * pages under the Markdown output folder are ever named, whatever a hand-edited manifest says.
 * Absolute paths.
 */
export function orphanedPages(pages: PageEntry[], markdownOut: string, cwd: string, sourcesRead: Set<string>, writtenSources: Set<string>): string[] {
  const gone = goneSources(sourcesRead, cwd);
  return pages
    .filter((p) => gone(p.source) && !writtenSources.has(p.source))
    .map((p) => resolve(cwd, p.file))
    .filter((file) => file !== markdownOut && isInside(file, markdownOut) && /\.(md|markdown)$/i.test(file) && existsSync(file));
}

/** A source whose outputs this run answers for: one it read, or one deleted from a folder it read. */
function goneSources(sourcesRead: Set<string>, cwd: string): (source: string) => boolean {
  const foldersRead = new Set([...sourcesRead].map((s) => posix.dirname(s)));
  // Standard input is no file: what was drawn from it is never taken for gone.
  return (source) => sourcesRead.has(source) || (source !== STDIN_NAME && foldersRead.has(posix.dirname(source)) && !existsSync(absolutePath(source, cwd)));
}
