import type { KindDeclarations } from "../kinds/schema.js";
import type { Lang } from "../langs.js";
import { resolve } from "node:path";
import type { DiagramOutputs } from "./diagram-outputs.js";
import type { OutputContext } from "./output-context.js";
import { runIdentity } from "./run-identity.js";
import { isRenderFailure, renderFailure } from "./render-failure.js";
import { layoutOf, resolveBuildOptions, type BuildOptions } from "./options.js";
import type { BuildReport, DiagramReport } from "./build-report.js";
import { markdownTargets, writeSiteFiles } from "./site-files.js";
import type { Diagram, DiagramInfo } from "../diagrams/diagram.js";
import { DEFAULT_TEMPLATE, TemplateError, TemplateSet } from "../emit/templates.js";
import { resolveInputs, shardFiles, STDIN } from "../inputs.js";
import { displayPath } from "../paths.js";
import { cacheKey, OutputCache } from "../output/cache.js";
import { saveRun, upToDateRun } from "../output/run-record.js";
import { ReadLog } from "../source/read-log.js";
import { checkingSink, writingSink } from "../output/sink.js";
import { lazyRenderer } from "../render/lazy-renderer.js";
import { metaOf } from "../spec-format/types.js";

export { FORMATS, type Format } from "../presets.js";
export { resolveBuildOptions, type BuildOptions, type ResolvedBuildOptions } from "./options.js";
export type { BuildReport, DiagramReport } from "./build-report.js";

/** Bumped when the run record changes shape, so an older record is never read as a newer one. */
const RUN_RECORD_FORMAT = 4;

/** Specs and Mermaid → SVG/PNG/PDF/MMD files. A bad input is reported and skipped; the good ones still render. */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const opts = resolveBuildOptions(options);
  const templates = new TemplateSet(opts.templatesDir);
  const resolved = await resolveInputs(opts.inputs, { exclude: [opts.outDir, opts.markdownOut], cwd: opts.cwd });
  const files = opts.shard ? shardFiles(resolved.files, opts.shard, opts.cwd) : resolved.files;
  const identity = await runIdentity(templates, opts);
  const look = [opts.formats, opts.themes, opts.langs, opts.scale, opts.fonts, opts.deck, opts.legend, opts.caption, opts.steps, opts.kinds ?? null, opts.background ?? null, opts.canvas ?? null, opts.fontSize ?? null, opts.maxWidth ?? null];
  const runKey = cacheKey([RUN_RECORD_FORMAT, ...identity, opts.cwd, files, opts.outDir, opts.markdownOut, opts.pageStyle, ...look, opts.gallery, opts.manifest]);
  const sink = opts.check ? checkingSink(opts.cwd) : writingSink();
  const finish = (partial: Omit<BuildReport, "elapsedMs" | "stale" | "cwd">): BuildReport => ({ ...partial, cwd: opts.cwd, stale: sink.stale, elapsedMs: performance.now() - started });

  // A run with standard input has no file to compare next time: it is never recorded as up to date.
  const recorded = opts.cache && !files.includes(STDIN);
  const previous = recorded && resolved.missing.length === 0 ? await upToDateRun(opts.cacheDir, runKey) : undefined;
  if (previous) {
    // Nothing read or written has changed since a run with these options: its outputs stand.
    const diagrams = previous.diagrams.map(({ info, outputs }) => ({ diagram: info, files: outputs.map((o) => o.file), outputs, rendered: 0, derived: 0, written: 0 }));
    opts.onStart?.(diagrams.length);
    for (const d of diagrams) opts.onDiagram?.(d);
    return finish({ diagrams, failures: [], warnings: [], inputs: files.length, failed: 0, pages: previous.pages, pagesWritten: 0, removed: [], read: Object.keys(previous.inputs), skipped: previous.skipped, browserUsed: false });
  }
  // A run recorded as up to date had a sound template (its text is in the run's key), so it is checked only now.
  const templateProblems = templates.problems(opts.template, opts.cwd);
  if (templateProblems.length > 0) throw new TemplateError(templateProblems);
  const renderer = lazyRenderer(opts);
  // Chromium and a warm page start while the specs load; a run that turns out to be wholly
  // cached closes them unused, which costs less than starting them late costs every cold run.
  if (files.length > 0 && opts.formats.some((f) => f === "svg" || f === "png" || f === "pdf")) renderer.prestart();
  // Every file is hashed as it is read: a file saved mid-run is recorded as the run saw it.
  const reads = new ReadLog();
  const loaded = await (await loadModule()).loadDiagrams(files, { templates, template: opts.template, layout: layoutOf(opts), cwd: opts.cwd, searched: resolved.searched, langs: opts.langs, reads, ...(opts.kinds && { kinds: opts.kinds }), ...(opts.stdin !== undefined && { stdin: opts.stdin }) });
  const failures = [...resolved.missing, ...loaded.failures];
  let invalid = resolved.missing.length + loaded.invalid;
  // A page written out in place of its own source would lose its fences: refused before any work.
  const targetOf = markdownTargets(opts);
  const fencePages = [...loaded.diagrams.flatMap((d) => (d.fence ? [d.fence.path] : [])), ...loaded.tables.map((t) => t.fence.path)];
  const overwriting = new Set(fencePages.filter((path) => targetOf(path) === path));
  for (const path of overwriting) {
    failures.push({ code: "markdown-overwrite", file: displayPath(path, opts.cwd), message: "writing this page with pictures in place of its fences would overwrite it; set --markdown-out (or markdownOut) to another folder" });
    invalid++;
  }
  const diagrams = loaded.diagrams.filter((d) => !(d.fence && overwriting.has(d.fence.path)));
  opts.onStart?.(diagrams.length);

  const cache = opts.cache ? new OutputCache(opts.cacheDir) : undefined;
  const context: OutputContext = { opts, cache, renderer, sink, identity };
  // undefined: still running; null: failed (reported in failures).
  const reports: Array<DiagramReport | null | undefined> = diagrams.map(() => undefined);
  const slides: Array<DiagramOutputs["slides"] | undefined> = diagrams.map(() => undefined);
  const failedIds = new Set<string>();
  let announced = 0;
  const announce = () => {
    while (announced < reports.length && reports[announced] !== undefined) {
      const report = reports[announced++];
      if (report) opts.onDiagram?.(report);
    }
  };
  // Loaded when there is something to make: an up-to-date run reads no SVG and no CSS (parse5, css-tree).
  const { diagramOutputs } = await import("./diagram-outputs.js");
  try {
    // Every diagram is queued at once; the renderer's pool decides how many draw at a time.
    await Promise.all(
      diagrams.map(async (diagram, i) => {
        try {
          const made = await diagramOutputs(diagram, context);
          slides[i] = made.slides;
          reports[i] = { diagram: infoOf(diagram), files: made.files.map((f) => f.file), outputs: made.files, rendered: made.rendered, derived: made.derived, written: made.written };
        } catch (err) {
          if (!isRenderFailure(err)) throw err;
          failedIds.add(diagram.id);
          failures.push(renderFailure(diagram, err, opts.template));
          reports[i] = null;
        }
        announce();
      }),
    );
  } finally {
    await renderer.close();
  }
  // Within its bounds again, if this run added to it: the least recently used entries go.
  await cache?.prune();
  const done = reports.filter((r): r is DiagramReport => Boolean(r));
  // One deck per theme and language for the whole run, the diagrams' slides in the order of the inputs.
  const decks = opts.formats.includes("pptx") && done.length > 0 ? await (await import("./decks.js")).writeDecks(opts, sink, slides, diagrams.map((d) => d.lang ?? "en")) : [];
  // A run that made nothing and failed writes nothing: no empty manifest or gallery over good ones.
  const nothing = done.length === 0 && failures.length > 0;
  const site = nothing ? { pages: [], pagesWritten: 0, removed: [] } : await writeSiteFiles(opts, sink, {
        done,
        diagrams,
        tables: loaded.tables,
        failedIds,
        brokenPages: loaded.brokenPages,
        sourcesRead: new Set(files.filter((f) => f !== STDIN).map((f) => displayPath(f, opts.cwd))),
        failedSources: new Set(failures.map((f) => f.file)),
      });
  const pages = [...decks.map((d) => d.file), ...site.pages];
  const pagesWritten = site.pagesWritten + decks.filter((d) => d.written).length;
  const { removed } = site;
  const read = [...new Set([...files, ...diagrams.flatMap((d) => d.inputs), ...loaded.tables.flatMap((t) => t.inputs)])].filter((f) => f !== STDIN);
  if (recorded && !opts.check && failures.length === 0) {
    const outputs = [...done.flatMap((d) => d.files.map((f) => resolve(opts.outDir, f))), ...pages.map((p) => resolve(p))];
    await saveRun(opts.cacheDir, runKey, read, reads, outputs, { diagrams: done.map((d) => ({ info: d.diagram, outputs: d.outputs })), pages, skipped: loaded.skipped });
  }
  return finish({ diagrams: done, failures, warnings: loaded.warnings, inputs: files.length, failed: invalid + failedIds.size, pages, pagesWritten, removed, read, skipped: loaded.skipped, browserUsed: renderer.used() });
}

/** The plain-data part of a diagram, as reports and the run record keep it. */
function infoOf(d: Diagram): DiagramInfo {
  return { ...metaOf(d), description: d.description, ...(d.lang && { lang: d.lang }) };
}

/** Resolves and loads inputs without rendering (for `vstack validate` and `vstack list`). */
export async function loadInputs(inputs: string[], options: { cwd?: string; stdin?: string; kinds?: KindDeclarations; langs?: Lang[] } = {}) {
  const cwd = resolve(options.cwd ?? process.cwd());
  const { files, searched, missing } = await resolveInputs(inputs, { cwd });
  const loaded = await (await loadModule()).loadDiagrams(files, { templates: new TemplateSet(), template: DEFAULT_TEMPLATE, cwd, searched, ...(options.stdin !== undefined && { stdin: options.stdin }), ...(options.kinds && { kinds: options.kinds }), ...(options.langs && { langs: options.langs }) });
  return { ...loaded, files, failures: [...missing, ...loaded.failures], invalid: missing.length + loaded.invalid };
}

/** The spec loader (zod, yaml) is loaded on first need: an up-to-date rebuild never needs it. */
const loadModule = () => import("../diagrams/load-diagrams.js");
