import { readFile, rm } from "node:fs/promises";
import { displayPath } from "../paths.js";
import { writeIfChanged } from "./write.js";

/** An output that `--check` found out of date. */
export interface StaleOutput {
  file: string;
  /** `orphaned`: made by vstack for a diagram that no longer exists, and still there. */
  reason: "missing" | "stale" | "orphaned";
}

/**
 * Where a build's files go. Writing, it writes only what changed; checking (`--check`), it
 * writes nothing and notes each file that is missing or differs from what would be written.
 */
export interface OutputSink {
  readonly checking: boolean;
  /** Writes or checks one file; true when the file on disk was (or would be) changed. */
  put(file: string, data: string | Buffer): Promise<boolean>;
  /** Removes a file vstack made that nothing makes any more (checking: notes it as orphaned). */
  remove(file: string): Promise<void>;
  /** What checking found, in the order found; always empty when writing. */
  readonly stale: StaleOutput[];
}

export function writingSink(): OutputSink {
  return { checking: false, put: writeIfChanged, remove: (file) => rm(file, { force: true }), stale: [] };
}

/** `cwd`: the project folder, which the stale files are named relative to. */
export function checkingSink(cwd: string): OutputSink {
  const stale: StaleOutput[] = [];
  return {
    checking: true,
    stale,
    async put(file, data) {
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      const now = await readFile(file).catch(() => undefined);
      if (now?.equals(bytes)) return false;
      stale.push({ file: displayPath(file, cwd), reason: now === undefined ? "missing" : "stale" });
      return true;
    },
    async remove(file) {
      stale.push({ file: displayPath(file, cwd), reason: "orphaned" });
    },
  };
}

/** Writes nothing: for callers that take the files' contents and place them themselves (site plugins). */
export function discardingSink(): OutputSink {
  return { checking: false, put: async () => false, remove: async () => undefined, stale: [] };
}
