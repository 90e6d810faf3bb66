import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeOutput } from "./write.js";

/**
 * Rendered outputs stored by a hash of everything that shapes them, so a rebuild with
 * nothing changed needs no browser. Plain files under one folder: delete it to start over.
 */
export class OutputCache {
  constructor(readonly dir: string) {}

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(key));
    } catch {
      return undefined;
    }
  }

  async put(key: string, data: string | Buffer): Promise<void> {
    await writeOutput(this.path(key), data); // makes the folder too
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }
}

/** A stable hash of the parts, which must be plain JSON values. */
export function cacheKey(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
