import { watch, type FSWatcher } from "chokidar";
import { build } from "../run/index.js";
import { resolveBuildOptions, type BuildOptions } from "../run/options.js";
import type { BuildReport } from "../run/build-report.js";
import { watchRoots } from "../inputs.js";
import { lazyRenderer, type LazyRenderer } from "../render/lazy-renderer.js";
import type { Renderer } from "../render/renderer.js";
import { isInside } from "../paths.js";

export interface WatchHooks {
  /** Before each build: what changed (empty for the first). */
  onChange?(paths: string[]): void;
  /** After each build, good or bad: its failures are in the report. */
  onBuild(report: BuildReport): void;
  /** A build that could not run at all (a bad config, an unwritable folder). */
  onError(error: unknown): void;
}

export interface WatchLoop {
  /** Resolves after the first build. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** How long after the last change a build starts: an editor's save is often several writes. */
const DEBOUNCE_MS = 120;

/**
 * Builds, then rebuilds whenever an input changes (debounced), with one Chromium kept warm
 * between builds. A bad spec's errors are reported and the loop keeps watching; a change
 * during a build queues one more build after it. Paths vstack itself writes are ignored.
 * `options` is called before each build, so a changed config file takes effect.
 */
export function watchLoop(options: () => Promise<BuildOptions>, hooks: WatchHooks, extraPaths: string[] = []): WatchLoop {
  let watcher: FSWatcher | undefined;
  let browser: LazyRenderer | undefined;
  let browserShape = "";
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let pending: string[] | undefined;
  let closed = false;
  const own: string[] = [];

  const ignored = (path: string) => own.some((dir) => isInside(path, dir));

  const runBuild = async (changed: string[]) => {
    let opts: BuildOptions | undefined;
    try {
      opts = await options();
      const resolved = resolveBuildOptions(opts);
      own.splice(0, own.length, resolved.outDir, resolved.cacheDir, resolved.markdownOut);
      // Chromium starts at the first picture to draw (never, for Mermaid text alone) and stays
      // up across builds; a launch that failed is tried again at the next build. A config that
      // now names another browser or number of pages gets a new one.
      const shape = JSON.stringify([opts.chromium ?? null, opts.jobs ?? null]);
      if (browser && shape !== browserShape) {
        await browser.close();
        browser = undefined;
      }
      browserShape = shape;
      const pool = (browser ??= lazyRenderer(opts));
      const renderer: Renderer = { render: async (request) => (await pool.get()).render(request), close: async () => undefined };
      hooks.onChange?.(changed);
      const report = await build({ ...opts, renderer });
      const paths = [...watchedPaths(opts), ...report.read];
      if (!watcher) await startWatching(paths);
      else watcher.add(paths);
      hooks.onBuild(report);
    } catch (err) {
      hooks.onError(err);
      // Even a first build that fails watches what it was asked to (or, when the config itself is
      // broken, the config), to try again on a fix.
      if (!watcher) await startWatching(opts ? watchedPaths(opts) : extraPaths);
    }
  };

  /** The inputs as named (a folder, a glob's base, a file), the config and the templates. */
  const watchedPaths = (options: BuildOptions) => {
    const opts = resolveBuildOptions(options);
    return [...watchRoots(opts.inputs, opts.cwd), ...extraPaths, ...(opts.templatesDir ? [opts.templatesDir] : [])];
  };

  /** Resolves once chokidar has scanned the paths: a change from then on is seen. */
  const startWatching = async (paths: string[]) => {
    watcher = watch(paths, { ignoreInitial: true, ignored });
    watcher.on("all", (_event, path) => schedule(path));
    await new Promise<void>((done) => watcher!.once("ready", () => done()));
  };

  const drain = async (changed: string[]) => {
    running = runBuild(changed);
    await running;
    running = undefined;
    if (pending && !closed) {
      const next = pending;
      pending = undefined;
      await drain(next);
    }
  };

  const schedule = (path: string) => {
    if (closed) return;
    pending = [...new Set([...(pending ?? []), path])];
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running || !pending) return; // the running build picks it up when it ends
      const next = pending;
      pending = undefined;
      void drain(next);
    }, DEBOUNCE_MS);
  };

  const ready = drain([]);
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
      await watcher?.close();
      await browser?.close();
    },
  };
}
