import { RendererPool } from "./pool.js";
import type { Renderer } from "./renderer.js";

export interface LazyRenderer {
  get(): Promise<Renderer>;
  /** Starts launching now without waiting; a failure surfaces at the first get(). */
  prestart(): void;
  used(): boolean;
  close(): Promise<void>;
}

/**
 * The caller's renderer, or a pool launched on first use (a build served wholly from the cache
 * starts no browser). A launch that failed is tried again at the next get().
 */
export function lazyRenderer(opts: { renderer?: Renderer | undefined; chromium?: string | undefined; jobs?: number | undefined }): LazyRenderer {
  let own: Promise<Renderer> | undefined;
  let used = false;
  const launch = () => {
    own ??= RendererPool.launch({ ...(opts.chromium !== undefined && { chromium: opts.chromium }), ...(opts.jobs !== undefined && { jobs: opts.jobs }) }).then(
      async (pool) => {
        await pool.prewarm().catch(() => undefined);
        return pool;
      },
      (err: unknown) => {
        own = undefined;
        throw err;
      },
    );
    return own;
  };
  return {
    get() {
      used = true;
      return opts.renderer ? Promise.resolve(opts.renderer) : launch();
    },
    prestart() {
      if (!opts.renderer) launch().catch(() => undefined);
    },
    used: () => used,
    async close() {
      if (own) await (await own.catch(() => undefined))?.close();
    },
  };
}
