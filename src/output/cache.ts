import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import { writeOutput } from "./write.js";

/**
 * How big and how old the cache may grow: after a run that added to it, entries unused for
 * `days` go, then the least recently used until it is within `bytes`. The gallery in both
 * themes and three formats is about 10 MB.
 */
export const CACHE_BOUNDS = { bytes: 256 * 1024 * 1024, days: 30 };

/** Entries (`<2 hex>/<64 hex>`) and run records (`runs/<64 hex>.json`): what the cache holds of its own; nothing else in the folder is touched. */
const ENTRY_DIR = /^(?:[0-9a-f]{2}|runs)$/;
const ENTRY = /^[0-9a-f]{64}(?:\.json)?$/;

/**
 * Rendered outputs stored by a hash of everything that shapes them, so a rebuild with
 * nothing changed needs no browser. Plain files under one folder: delete it to start over.
 * A hit marks its entry as used (its time), so the cache is pruned least recently used first.
 */
export class OutputCache {
  private added = false;

  constructor(
    readonly dir: string,
    private readonly bounds = CACHE_BOUNDS,
  ) {}

  async get(key: string): Promise<Buffer | undefined> {
    try {
      const data = await readFile(this.path(key));
      const now = new Date();
      await utimes(this.path(key), now, now).catch(() => undefined);
      return data;
    } catch {
      return undefined;
    }
  }

  async put(key: string, data: string | Buffer): Promise<void> {
    await writeOutput(this.path(key), data); // makes the folder too
    this.added = true;
  }

  /**
   * Keeps the cache within its bounds once a run is done, if the run added to it (a run that
   * only read it made it no bigger): entries unused for longer than the age bound, then the
   * least recently used, go. Says how many went and how many bytes they held.
   */
  async prune(): Promise<{ removed: number; bytes: number }> {
    const gone = { removed: 0, bytes: 0 };
    if (!this.added) return gone;
    const entries = await this.entries();
    const oldest = Date.now() - this.bounds.days * 24 * 60 * 60 * 1000;
    let total = entries.reduce((n, e) => n + e.size, 0);
    for (const entry of entries.sort((a, b) => a.used - b.used)) {
      if (entry.used >= oldest && total <= this.bounds.bytes) break;
      await rm(entry.file, { force: true });
      total -= entry.size;
      gone.removed++;
      gone.bytes += entry.size;
    }
    return gone;
  }

  /** Every entry and run record, with its size and when it was last used. */
  private async entries(): Promise<Array<{ file: string; size: number; used: number }>> {
    const dirs = (await readdir(this.dir, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && ENTRY_DIR.test(d.name));
    const lists = await Promise.all(
      dirs.map(async (d) => {
        const names = (await readdir(join(this.dir, d.name)).catch(() => [])).filter((n) => ENTRY.test(n));
        const found = await Promise.all(names.map((n) => stat(join(this.dir, d.name, n)).then((s) => ({ file: join(this.dir, d.name, n), size: s.size, used: s.mtimeMs }), () => undefined)));
        return found.filter((e) => e !== undefined);
      }),
    );
    return lists.flat();
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }
}

/** A stable hash of the parts, which must be plain JSON values. */
export function cacheKey(parts: unknown[]): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
