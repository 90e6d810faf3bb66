import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";
import { displayPath } from "../paths.js";
import { VstackError } from "../errors.js";

/**
 * Writes a file whole or not at all: the bytes go to a temporary name beside it, are synced,
 * then renamed over the target (write-file-atomic, npm's own, also removes the temporary
 * file if the process is interrupted). A reader never sees half a diagram.
 */
export async function writeOutput(file: string, data: string | Buffer): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, data);
  } catch (err) {
    throw new OutputError(file, err as NodeJS.ErrnoException);
  }
}

const HINTS: Record<string, string> = {
  EACCES: "no permission to write there; fix the folder's permissions or choose another --out",
  EPERM: "not permitted to write there; fix the folder's permissions or choose another --out",
  EROFS: "the file system is read-only; choose another --out",
  ENOSPC: "the disk is full; free some space and run again",
  EDQUOT: "the disk quota is used up; free some space and run again",
  ENOTDIR: "a file stands where a folder is needed; choose another --out",
  EEXIST: "a file stands where a folder is needed; choose another --out",
};

/** A file could not be written. What was written before it is untouched (writes are atomic). */
export class OutputError extends VstackError {
  constructor(
    readonly file: string,
    cause: NodeJS.ErrnoException,
  ) {
    super("output-unwritable", `cannot write ${displayPath(file, process.cwd())}: ${HINTS[cause.code ?? ""] ?? cause.message}`);
  }
}

/** Writes only when the bytes differ, so an unchanged rebuild touches no file. Says whether it wrote. */
export async function writeIfChanged(file: string, data: string | Buffer): Promise<boolean> {
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  try {
    if ((await readFile(file)).equals(bytes)) return false;
  } catch {
    // not there yet
  }
  await writeOutput(file, bytes);
  return true;
}
