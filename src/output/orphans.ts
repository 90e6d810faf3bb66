import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

/** What an earlier manifest.json says of a diagram (only what finding orphans needs). */
interface ManifestEntry {
  id: string;
  source: string;
  outputs: Array<{ file: string }>;
}

/**
 * Files an earlier run listed in `<outDir>/manifest.json` for a diagram that is gone: this run
 * read its source and no longer makes it (an id renamed, a fence removed), or its source was
 * deleted from a folder this run read from. Diagrams of other sources are left alone, so
 * rendering one spec into a shared folder never touches the others' files. Only files that
 * exist and that this run does not make are returned.
 */
export async function orphanedOutputs(outDir: string, sourcesRead: Set<string>, made: Set<string>, idsMade: Set<string>): Promise<string[]> {
  let entries: ManifestEntry[];
  try {
    entries = (JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as { diagrams: ManifestEntry[] }).diagrams;
    if (!Array.isArray(entries)) return [];
  } catch {
    return []; // no earlier manifest, or not one of ours
  }
  const foldersRead = new Set([...sourcesRead].map((s) => dirname(resolve(s))));
  const deleted = (source: string) => !existsSync(resolve(source)) && foldersRead.has(dirname(resolve(source)));
  const gone = entries.filter((e) => typeof e.source === "string" && ((sourcesRead.has(e.source) && !idsMade.has(e.id)) || deleted(e.source)));
  const files = gone.flatMap((e) => (Array.isArray(e.outputs) ? e.outputs.map((o) => o.file) : []));
  // Only plain names inside the folder: a manifest edited by hand cannot send a removal elsewhere.
  return [...new Set(files)].filter((f) => typeof f === "string" && /^[^/\\]+$/.test(f) && f !== ".." && !made.has(f) && existsSync(join(outDir, f)));
}
