import { mkdir, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import writeFileAtomic from "write-file-atomic";

/**
 * Writes a file whole or not at all: the bytes go to a temporary name beside it, are synced,
 * then renamed over the target (write-file-atomic, npm's own, also removes the temporary
 * file if the process is interrupted). A reader never sees half a diagram.
 */
export async function writeOutput(file: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, data);
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
