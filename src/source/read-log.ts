import { createHash } from "node:crypto";
import { resolve } from "node:path";

/** The hash a run record keeps of a file's bytes. */
export function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Recorded for a file read twice with different bytes: no later state of it is what the run drew. */
const CHANGED = "changed-while-read";

/**
 * What a run read, by absolute path: the hash of each file's bytes at the moment they were
 * read. The run record keeps these, not hashes taken after the run, so a spec saved while a
 * build draws it (the normal case in watch and preview) does not pass for drawn.
 */
export class ReadLog {
  private readonly hashes = new Map<string, string>();

  note(file: string, bytes: Buffer): void {
    const path = resolve(file);
    const hash = sha256(bytes);
    const before = this.hashes.get(path);
    this.hashes.set(path, before === undefined || before === hash ? hash : CHANGED);
  }

  /** The hash of what was read of the file; undefined when the run did not read it. */
  hashOf(file: string): string | undefined {
    return this.hashes.get(resolve(file));
  }
}
