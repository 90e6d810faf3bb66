import { once } from "node:events";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "puppeteer-core";
import { ChromiumUnavailableError, chromiumArgs, findChromium, INSTALL_HINT, isBrowserEndpoint } from "./chromium.js";
import { MermaidSyntaxError, RenderFailedError, type RenderRequest, type RenderResult, type Renderer } from "./renderer.js";
import { PageAssets } from "./page-assets.js";
import { PAGE_HTML, WarmPage } from "./warm-page.js";

export interface PoolOptions {
  /** Path to a Chrome or Chromium binary; found by findChromium() when absent. */
  chromium?: string;
  /** Pages rendering at once; default one per core. */
  jobs?: number;
  /** A page is replaced by a fresh one after this many renders, which bounds memory. */
  maxRendersPerPage?: number;
  /** A render that takes longer is abandoned, its page closed, and tried once more on a fresh page. */
  timeoutMs?: number;
}

export const POOL_DEFAULTS = { maxRendersPerPage: 100, timeoutMs: 30_000 } as const;

/** What the pool has done, for tests and the benchmark. */
export interface PoolStats {
  renders: number;
  pagesOpened: number;
  retries: number;
  browserLaunches: number;
}

/**
 * One Chromium with a pool of warm pages. Renders are queued and each goes to the next free
 * page. A page is replaced after a bounded number of renders, after any error, and after a
 * render that hangs; a render that hangs or crashes is tried once more on a fresh page (and a
 * fresh browser, if the browser itself died) before it is reported as failed.
 */
export class RendererPool implements Renderer {
  readonly jobs: number;
  private readonly maxRenders: number;
  private readonly timeoutMs: number;
  private browser: Browser | undefined;
  private generation = 0;
  private idle: WarmPage[] = [];
  private open = 0;
  private waiting: Array<() => void> = [];
  private closed = false;
  private restarting: Promise<void> | undefined;
  /** The blank page a new browser opens with, until a WarmPage takes it. */
  private initialPage: Page | undefined;
  private readonly assets = new PageAssets(PAGE_HTML);
  private readonly counts: PoolStats = { renders: 0, pagesOpened: 0, retries: 0, browserLaunches: 0 };

  private constructor(
    private readonly executablePath: string,
    options: PoolOptions,
  ) {
    this.jobs = Math.max(1, options.jobs ?? availableParallelism());
    this.maxRenders = options.maxRendersPerPage ?? POOL_DEFAULTS.maxRendersPerPage;
    this.timeoutMs = options.timeoutMs ?? POOL_DEFAULTS.timeoutMs;
  }

  /** Finds and starts Chromium; a missing browser fails here, before any work is queued. */
  static async launch(options: PoolOptions = {}): Promise<RendererPool> {
    const pool = new RendererPool(findChromium(options.chromium), options);
    await pool.startBrowser();
    return pool;
  }

  async render(request: RenderRequest): Promise<RenderResult> {
    let last: unknown;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const generation = this.generation;
      let page: WarmPage | undefined;
      try {
        page = await this.acquire();
        const result = await withTimeout(page.render(request), this.timeoutMs);
        this.release(page, generation, page.renders >= this.maxRenders);
        this.counts.renders++;
        return result;
      } catch (err) {
        if (page) this.release(page, generation, true);
        if (err instanceof MermaidSyntaxError) throw err; // the input's fault: another try would fail the same way
        if (this.closed) throw new RenderFailedError("the renderer was closed");
        last = err;
        if (attempt === 1) this.counts.retries++;
        if (!this.browser?.connected) await this.restart(generation);
      }
    }
    throw new RenderFailedError(`rendering failed twice, on fresh pages: ${last instanceof Error ? last.message : String(last)}`);
  }

  /** Opens a page ahead of the first render, so that it is ready when the work arrives. */
  async prewarm(): Promise<void> {
    const generation = this.generation;
    this.release(await this.acquire(), generation, false);
  }

  stats(): PoolStats {
    return { ...this.counts };
  }

  async browserVersion(): Promise<string> {
    return (await this.browser?.version()) ?? "closed";
  }

  /** The browser's process id (for tests that stop it mid-batch). */
  browserPid(): number | undefined {
    return this.browser?.process()?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = undefined;
    await this.endBrowser(browser);
  }

  /** Ends the browser this pool launched, or leaves the one it connected to with its own windows closed. */
  private async endBrowser(browser: Browser | undefined): Promise<void> {
    if (!this.shared) return endBrowser(browser, this.profileDir);
    const idle = this.idle;
    this.idle = [];
    await Promise.all(idle.map((page) => page.close()));
    await browser?.disconnect().catch(() => undefined);
  }

  /** Whether the browser is one already running, named by its DevTools address. */
  private get shared(): boolean {
    return isBrowserEndpoint(this.executablePath);
  }

  /** Starts a new browser once for everyone who saw generation `seen` die. */
  private async restart(seen: number): Promise<void> {
    if (seen !== this.generation) return this.restarting;
    this.restarting ??= this.startBrowser().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async startBrowser(): Promise<void> {
    const old = this.browser;
    this.generation++;
    await this.endBrowser(old);
    this.idle = [];
    this.open = 0;
    // Loaded on first launch: a build served from the cache never pays for puppeteer.
    const { default: puppeteer } = await import("puppeteer-core");
    if (this.shared) {
      try {
        this.browser = await puppeteer.connect({ browserWSEndpoint: this.executablePath, defaultViewport: null });
      } catch (err) {
        throw new ChromiumUnavailableError(`no browser answers at ${this.executablePath} (${err instanceof Error ? err.message : String(err)}); start it with --remote-debugging-port, or point VSTACK_CHROMIUM at a Chrome or Chromium binary`);
      }
      this.counts.browserLaunches++;
      return;
    }
    this.profileDir = await newProfileDir();
    try {
      this.browser = await puppeteer.launch({ executablePath: this.executablePath, headless: true, args: chromiumArgs(), timeout: 60_000, userDataDir: this.profileDir });
    } catch (err) {
      const why = (err instanceof Error ? err.message : String(err)).split("\n").find((l) => l.trim() && !/^(Failed to launch|stderr:|TROUBLESHOOTING)/.test(l.trim()))?.trim() ?? "no reason given";
      throw new ChromiumUnavailableError(`Chromium at ${this.executablePath} did not start (${why.slice(0, 200)}); check that "${this.executablePath} --headless --version" runs, or ${INSTALL_HINT}`);
    }
    const pid = this.browser.process()?.pid;
    if (pid !== undefined) liveBrowsers.add(pid);
    this.initialPage = (await this.browser.pages())[0];
    this.counts.browserLaunches++;
  }

  /** Chromium's profile for this browser: a temporary folder of vstack's own, removed when it ends. */
  private profileDir: string | undefined;

  /** A free page: an idle one, a new one while under `jobs`, or the next one released. */
  private async acquire(): Promise<WarmPage> {
    await this.restarting;
    for (;;) {
      if (this.closed || !this.browser) throw new RenderFailedError("the renderer is closed");
      const page = this.idle.pop();
      if (page) return page;
      if (this.open < this.jobs) {
        this.open++;
        try {
          const initial = this.initialPage;
          this.initialPage = undefined;
          const page = await WarmPage.open(this.browser, this.assets, initial);
          this.counts.pagesOpened++;
          return page;
        } catch (err) {
          this.open--;
          this.wakeOne();
          throw err;
        }
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  /** Returns a page to the pool, or closes it so that a fresh one takes its place. */
  private release(page: WarmPage, generation: number, recycle: boolean): void {
    if (generation !== this.generation || this.closed) {
      void page.close(); // its browser was replaced (the count was reset with it), or the pool is closed
    } else if (recycle) {
      this.open = Math.max(0, this.open - 1);
      void page.close();
    } else {
      this.idle.push(page);
    }
    this.wakeOne();
  }

  private wakeOne(): void {
    this.waiting.shift()?.();
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`a render took longer than ${ms} ms and was stopped`)), ms);
  });
  work.catch(() => undefined); // a render abandoned at its timeout may still fail later; that is expected
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Browsers still running (their process groups) and profiles still on disk: at exit, when a
 * signal ends the process before close(), every browser process is killed at once, the group
 * with it (puppeteer's own exit hook kills only the main process, whose children can linger for
 * seconds on a busy machine), and then the profiles are removed.
 */
const liveBrowsers = new Set<number>();
const liveProfiles = new Set<string>();
const removeLiveProfiles = () => endBrowsersNow(liveChromium());

/** The browsers this thread has running and their profiles (a worker reports them to the thread that outlives it). */
export function liveChromium(): { pids: number[]; profiles: string[] } {
  return { pids: [...liveBrowsers], profiles: [...liveProfiles] };
}

/** Kills the browsers' process groups and removes their profiles, synchronously (for exit hooks). */
export function endBrowsersNow({ pids, profiles }: { pids: number[]; profiles: string[] }): void {
  for (const pid of pids) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
}

async function newProfileDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "vstack-chromium-"));
  // Hooked at the first browser, not on import: importing vstack changes nothing in the process.
  if (!process.listeners("exit").includes(removeLiveProfiles)) process.once("exit", removeLiveProfiles);
  liveProfiles.add(dir);
  return dir;
}

/**
 * Ends a browser: SIGKILL and wait for its exit, then remove its profile. Nothing of the
 * profile is worth saving, so this spares the graceful shutdown (about 0.1 s a run).
 */
async function endBrowser(browser: Browser | undefined, profileDir: string | undefined): Promise<void> {
  const child = browser?.process();
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, "exit");
    try {
      process.kill(-child.pid!, "SIGKILL"); // puppeteer starts Chromium in a process group of its own: all its processes
    } catch {
      child.kill("SIGKILL");
    }
    await exited;
    liveBrowsers.delete(child.pid!);
  } else await browser?.close().catch(() => undefined);
  if (profileDir) {
    await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    liveProfiles.delete(profileDir);
  }
}
