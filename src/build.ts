import { join, resolve } from "node:path";
import type { Diagnostic } from "./diagnostics.js";
import type { Diagram, DiagramInfo } from "./diagrams/diagram.js";
import { TemplateSet } from "./emit/templates.js";
import { resolveInputs, shardFiles, type Shard } from "./inputs.js";
import { cacheKey, OutputCache } from "./output/cache.js";
import { writeGallery } from "./output/gallery.js";
import { saveRun, upToDateRun } from "./output/run-record.js";
import { writeIfChanged } from "./output/write.js";
import { BACKGROUND, THEMES, type Theme } from "./palette.js";
import { MERMAID_CONFIG } from "./render/mermaid-config.js";
import { MERMAID_VERSION } from "./render/mermaid-version.js";
import { RendererPool } from "./render/pool.js";
import { RENDERER_FINGERPRINT } from "./render/warm-page.js";
import { MermaidSyntaxError, RenderFailedError, type Renderer } from "./render/renderer.js";
import { VERSION } from "./version.js";

export const FORMATS = ["svg", "png", "mmd"] as const;
export type Format = (typeof FORMATS)[number];

export interface BuildOptions {
  /** Files, folders, globs or built-in ids; none means the built-in specs. */
  inputs?: string[];
  outDir?: string;
  formats?: Format[];
  themes?: Theme[];
  /** PNG device scale factor. */
  scale?: number;
  /** A CSS colour or `transparent`; default: the theme's own background. */
  background?: string;
  /** Template name (a `<name>.mmd.hbs` file). */
  template?: string;
  /** A folder of templates laid over the built-in ones. */
  templatesDir?: string;
  /** Chromium binary; found automatically when absent. */
  chromium?: string;
  /** Pages rendering at once (default: one per core). */
  jobs?: number;
  /** Reuse rendered outputs from `cacheDir` when nothing that shapes them changed (default true). */
  cache?: boolean;
  cacheDir?: string;
  /** Render only this share of the inputs. */
  shard?: Shard;
  /** Write `<outDir>/README.md` listing the diagrams of this run. */
  gallery?: boolean;
  /** A renderer the caller owns and closes; else build() launches one if it needs one, and closes it. */
  renderer?: Renderer;
  /** Called for each diagram once its files are written, in input order. */
  onDiagram?: (diagram: DiagramReport) => void;
}

type Optional = "background" | "templatesDir" | "chromium" | "renderer" | "onDiagram" | "jobs" | "shard";
export type ResolvedBuildOptions = Required<Omit<BuildOptions, Optional>> & Pick<BuildOptions, Optional>;

/** Every default of a build, in one place. */
export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildOptions {
  return {
    ...options,
    inputs: options.inputs ?? [],
    outDir: options.outDir ?? "out",
    formats: options.formats ?? [...FORMATS],
    themes: options.themes ?? [...THEMES],
    scale: options.scale ?? 2,
    template: options.template ?? "block",
    cache: options.cache ?? true,
    cacheDir: options.cacheDir ?? ".vstack-cache",
    gallery: options.gallery ?? false,
  };
}

export interface DiagramReport {
  diagram: DiagramInfo;
  /** Output files, relative to the output folder, in a stable order. */
  files: string[];
  /** How many of those files were rendered now rather than taken from the cache. */
  rendered: number;
  /** How many files changed on disk. */
  written: number;
}

export interface BuildReport {
  diagrams: DiagramReport[];
  failures: Diagnostic[];
  /** Input files tried, and how many of them failed (invalid, or not rendered). */
  inputs: number;
  failed: number;
  /** Whether anything was drawn in a browser (a browser may be started early and closed unused). */
  browserUsed: boolean;
  elapsedMs: number;
}

/** Specs and Mermaid → SVG/PNG/MMD files. A bad input is reported and skipped; the good ones still render. */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const opts = resolveBuildOptions(options);
  const templates = new TemplateSet(opts.templatesDir);
  if (!templates.has(opts.template)) throw new Error(`no template "${opts.template}"; templates: ${templates.names.join(", ")}`);
  let files = await resolveInputs(opts.inputs, { exclude: [opts.outDir] });
  if (opts.shard) files = shardFiles(files, opts.shard);
  const identity = [VERSION, MERMAID_VERSION, MERMAID_CONFIG, RENDERER_FINGERPRINT, templates.fingerprint, opts.template];
  const runKey = cacheKey([...identity, files, resolve(opts.outDir), opts.formats, opts.themes, opts.scale, opts.background ?? null, opts.gallery]);
  const previous = opts.cache ? await upToDateRun(opts.cacheDir, runKey) : undefined;
  if (previous) {
    const diagrams = previous.diagrams.map(({ info, files }) => ({ diagram: info, files, rendered: 0, written: 0 }));
    for (const d of diagrams) opts.onDiagram?.(d);
    return { diagrams, failures: [], inputs: files.length, failed: 0, browserUsed: false, elapsedMs: performance.now() - started };
  }
  const renderer = lazyRenderer(opts);
  // Chromium and a warm page start while the specs load; a run that turns out to be wholly
  // cached closes them unused, which costs less than starting them late costs every cold run.
  if (opts.formats.some((f) => f !== "mmd")) renderer.prestart();
  const { diagrams, failures, invalid } = await (await loadModule()).loadDiagrams(files, templates, opts.template);

  const cache = opts.cache ? new OutputCache(opts.cacheDir) : undefined;
  const context = { opts, cache, renderer, identity };
  // undefined: still running; null: failed (reported in failures).
  const reports: Array<DiagramReport | null | undefined> = diagrams.map(() => undefined);
  let failed = invalid;
  let announced = 0;
  const announce = () => {
    while (announced < reports.length && reports[announced] !== undefined) {
      const report = reports[announced++];
      if (report) opts.onDiagram?.(report);
    }
  };
  try {
    // Every diagram is queued at once; the renderer's pool decides how many draw at a time.
    await Promise.all(
      diagrams.map(async (diagram, i) => {
        try {
          reports[i] = await buildDiagram(diagram, context);
        } catch (err) {
          if (!(err instanceof MermaidSyntaxError || err instanceof RenderFailedError)) throw err;
          failed++;
          const what = err instanceof MermaidSyntaxError ? `Mermaid rejected the text${diagram.raw ? "" : ` made with template "${opts.template}"`}` : "the renderer failed";
          failures.push({ code: err instanceof MermaidSyntaxError ? "mermaid-rejected" : "render-failed", file: diagram.file, message: `${diagram.id}: ${what}: ${firstAndLast(err.message)}` });
          reports[i] = null;
        }
        announce();
      }),
    );
  } finally {
    await renderer.close();
  }
  const done = reports.filter((r): r is DiagramReport => Boolean(r));
  if (opts.gallery) await writeGallery(opts.outDir, done);
  if (opts.cache && failures.length === 0) {
    const inputs = [...new Set([...files, ...diagrams.flatMap((d) => d.inputs)])];
    const outputs = [...done.flatMap((d) => d.files), ...(opts.gallery ? ["README.md"] : [])].map((f) => resolve(opts.outDir, f));
    await saveRun(opts.cacheDir, runKey, inputs, outputs, done.map((d) => ({ info: d.diagram, files: d.files })));
  }
  return { diagrams: done, failures, inputs: files.length, failed, browserUsed: renderer.used(), elapsedMs: performance.now() - started };
}

interface Context {
  opts: ResolvedBuildOptions;
  cache: OutputCache | undefined;
  renderer: LazyRenderer;
  identity: unknown[];
}

/** One diagram in every theme and format: from the cache where it can be, else rendered; then written. */
async function buildDiagram(diagram: Diagram, context: Context): Promise<DiagramReport> {
  // Its themes go to the renderer together, so the diagram is done (and written) early in a long run.
  const perTheme = await Promise.all(context.opts.themes.map((theme) => themeOutputs(diagram, theme, context)));
  const outputs = perTheme.flatMap((t) => t.outputs);
  // All of a diagram's files are made before any is written, so a failure leaves none half-done.
  let written = 0;
  for (const o of outputs) if (await writeIfChanged(join(context.opts.outDir, o.name), o.data)) written++;
  const rendered = perTheme.reduce((n, t) => n + t.rendered, 0);
  return { diagram: infoOf(diagram), files: outputs.map((o) => o.name).sort(), rendered, written };
}

async function themeOutputs(diagram: Diagram, theme: Theme, { opts, cache, renderer, identity }: Context) {
  const outputs: Array<{ name: string; data: string | Buffer }> = [];
  const mermaid = diagram.mermaid(theme);
  const base = `${diagram.id}.${theme}`;
  if (opts.formats.includes("mmd")) outputs.push({ name: `${base}.mmd`, data: mermaid });
  const wanted = opts.formats.filter((f): f is "svg" | "png" => f === "svg" || f === "png");
  if (wanted.length === 0) return { outputs, rendered: 0 };
  const background = opts.background ?? BACKGROUND[theme];
  const shape = [...identity, mermaid, diagram.title, diagram.description, background, diagram.raw ? theme : null];
  const keys = { svg: cacheKey([...shape, "svg"]), png: cacheKey([...shape, "png", opts.scale]) };
  const found = new Map<string, Buffer>();
  for (const f of wanted) {
    const hit = await cache?.get(keys[f]);
    if (hit) found.set(f, hit);
  }
  let rendered = 0;
  if (found.size < wanted.length) {
    const drawn = await (
      await renderer.get()
    ).render({
      mermaid,
      title: diagram.title,
      description: diagram.description,
      background,
      ...(wanted.includes("png") && { pngScale: opts.scale }),
      ...(diagram.raw && { theme: theme === "dark" ? "dark" : "default" }),
    });
    rendered = wanted.length;
    found.set("svg", Buffer.from(drawn.svg));
    if (drawn.png) found.set("png", drawn.png);
    for (const f of wanted) await cache?.put(keys[f], found.get(f)!);
  }
  for (const f of wanted) outputs.push({ name: `${base}.${f}`, data: found.get(f)! });
  return { outputs, rendered };
}

/** Mermaid's parse errors put the place first and what it expected last, with a code excerpt between. */
function firstAndLast(message: string): string {
  const lines = message.split("\n").filter((l) => l.trim());
  return lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : (lines[0] ?? message);
}

/** The plain-data part of a diagram, as reports and the run record keep it. */
function infoOf(d: Diagram): DiagramInfo {
  return { id: d.id, title: d.title, ...(d.summary !== undefined && { summary: d.summary }), description: d.description, notes: d.notes, sources: d.sources, file: d.file };
}

interface LazyRenderer {
  get(): Promise<Renderer>;
  /** Starts launching now without waiting; a failure surfaces at the first get(). */
  prestart(): void;
  used(): boolean;
  close(): Promise<void>;
}

/** The caller's renderer, or a pool launched on first use (a build served wholly from the cache starts no browser). */
function lazyRenderer(opts: ResolvedBuildOptions): LazyRenderer {
  let own: Promise<Renderer> | undefined;
  let used = false;
  const launch = () => {
    own ??= RendererPool.launch({ ...(opts.chromium !== undefined && { chromium: opts.chromium }), ...(opts.jobs !== undefined && { jobs: opts.jobs }) }).then(async (pool) => {
      await pool.prewarm().catch(() => undefined);
      return pool;
    });
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

/** Resolves and loads inputs without rendering (for `vstack validate` and `vstack list`). */
export async function loadInputs(inputs: string[]) {
  const files = await resolveInputs(inputs);
  const templates = new TemplateSet();
  return { files, ...(await (await loadModule()).loadDiagrams(files, templates, "block")) };
}

/** The spec loader (zod, yaml) is loaded on first need: an up-to-date rebuild never needs it. */
const loadModule = () => import("./diagrams/load.js");
