import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { absolutePath } from "../paths.js";

/** What an earlier manifest.json says of a diagram (what finding orphans and keeping entries needs). */
export interface ManifestEntry {
  id: string;
  source: string;
  outputs: Array<{ file: string }>;
  [key: string]: unknown;
}

/** The diagrams of `<outDir>/manifest.json` as an earlier run wrote it; none when there is none (or not one of ours). */
export async function previousEntries(outDir: string): Promise<ManifestEntry[]> {
  try {
    const entries = (JSON.parse(await readFile(join(outDir, "manifest.json"), "utf8")) as { diagrams: unknown }).diagrams;
    return Array.isArray(entries) ? entries.filter((e): e is ManifestEntry => typeof e?.id === "string" && typeof e?.source === "string" && Array.isArray(e?.outputs)) : [];
  } catch {
    return [];
  }
}

/**
 * Files an earlier run listed for a source this run read that this run does not make: the
 * diagram's id was renamed, its fence removed, a format or theme dropped; or its source was
 * deleted from a folder this run read from. Diagrams of other sources are left alone, so
 * rendering one spec into a shared folder never touches the others' files. Only files that
 * exist are returned. `sourcesRead` are as the manifest names sources (relative to `cwd`).
 */
export function orphanedOutputs(entries: ManifestEntry[], outDir: string, cwd: string, sourcesRead: Set<string>, made: Set<string>): string[] {
  const foldersRead = new Set([...sourcesRead].map((s) => posix.dirname(s)));
  const deleted = (source: string) => foldersRead.has(posix.dirname(source)) && !existsSync(absolutePath(source, cwd));
  const files = entries.filter((e) => sourcesRead.has(e.source) || deleted(e.source)).flatMap((e) => e.outputs.map((o) => o.file));
  // Only plain names inside the folder: a manifest edited by hand cannot send a removal elsewhere.
  return [...new Set(files)].filter((f) => typeof f === "string" && /^[^/\\]+$/.test(f) && f !== ".." && !made.has(f) && existsSync(join(outDir, f)));
}
