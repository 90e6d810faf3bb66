import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, posix, resolve } from "node:path";
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
export function orphanedOutputs(entries: ManifestEntry[], outDir: string, cwd: string, sourcesRead: Set<string>, made: Set<string>): string[] {
  const gone = goneSources(sourcesRead, cwd);
  const files = entries.filter((e) => gone(e.source)).flatMap((e) => e.outputs.map((o) => o.file));
  // Only plain names inside the folder: a manifest edited by hand cannot send a removal elsewhere.
  return [...new Set(files)].filter((f) => typeof f === "string" && /^[^/\\]+$/.test(f) && f !== ".." && !made.has(f) && existsSync(join(outDir, f)));
}

/**
 * Markdown pages an earlier run wrote that this one no longer writes though it read their
 * source (its fences all removed), or whose source was deleted. Only pages under the Markdown
 * output folder are ever named, whatever a hand-edited manifest says. Absolute paths.
 */
export function orphanedPages(pages: PageEntry[], markdownOut: string, cwd: string, sourcesRead: Set<string>, written: Set<string>): string[] {
  const gone = goneSources(sourcesRead, cwd);
  return pages
    .filter((p) => gone(p.source) && !written.has(p.file))
    .map((p) => resolve(cwd, p.file))
    .filter((file) => file !== markdownOut && isInside(file, markdownOut) && /\.(md|markdown)$/i.test(file) && existsSync(file));
}

/** A source whose outputs this run answers for: one it read, or one deleted from a folder it read. */
function goneSources(sourcesRead: Set<string>, cwd: string): (source: string) => boolean {
  const foldersRead = new Set([...sourcesRead].map((s) => posix.dirname(s)));
  return (source) => sourcesRead.has(source) || (foldersRead.has(posix.dirname(source)) && !existsSync(absolutePath(source, cwd)));
}
