import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { diagramOutputs } from "../run/diagram-outputs.js";
import type { OutputContext } from "../run/output-context.js";
import { runIdentity } from "../run/run-identity.js";
import { layoutOf, resolveBuildOptions, type BuildOptions, type ResolvedBuildOptions } from "../run/options.js";
import { isRenderFailure, renderFailure } from "../run/render-failure.js";
import { resolveRenderFlags } from "../config/project-options.js";
import { markdownDiagrams } from "../diagrams/markdown.js";
import { LANGS, langOfLocale } from "../langs.js";
import { idFrom } from "../diagrams/raw-mermaid.js";
import { TemplateSet, TemplateError } from "../emit/templates.js";
import { OutputCache } from "../output/cache.js";
import { discardingSink } from "../output/sink.js";
import { displayPath } from "../paths.js";
import type { Theme } from "../kinds/palette.js";
import { lazyRenderer, type LazyRenderer } from "../render/lazy-renderer.js";
import { pictureHtml } from "./picture-html.js";
import { STRATEGIES, type PluginOptions } from "./plugin-options.js";
import { defaultAssetsDir } from "./site-assets.js";

/** A fence of a page and the HTML that stands in its place. `start`/`end`: offsets of the whole fence in the page. */
export interface FencePicture {
  start: number;
  end: number;
  /** The fence's first line, 1-based. */
  line: number;
  html: string;
}

export interface PagePicturesResult {
  pictures: FencePicture[];
  /** Problems that fail the page, at their place in it. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/**
 * The pictures of a site's pages, for the remark and markdown-it plugins: one warm renderer and
 * one content cache for the whole site build, closed by `close()`. A page's ```vstack and
 * ```mermaid fences are read exactly as `vstack render` reads them (the project's config,
 * kinds, `use:` and `table:`), so a page renders the same through a plugin as through the CLI.
 */
export class PagePictures {
  /** `assets`: the folder picture files are written to (`assetsDir`, resolved once). */
  private setup: Promise<{ opts: ResolvedBuildOptions; templates: TemplateSet; context: OutputContext; assets: string }> | undefined;
  private renderer: LazyRenderer | undefined;
  private readonly options: PluginOptions;
  private busy = 0;
  private idle: NodeJS.Timeout | undefined;

  constructor(options: PluginOptions = {}) {
    this.options = { strategy: "inline", publicPath: "/vstack/", lightClass: "only-light", darkClass: "only-dark", ...options };
    if (this.options.lang !== undefined && !langOfLocale(this.options.lang)) throw new TypeError(`vstack: lang is a locale of ${LANGS.join(", ")} (de-CH and zh-Hans are taken as de and zh); got "${this.options.lang}"`);
    if (!STRATEGIES.includes(this.options.strategy!)) throw new TypeError(`vstack: strategy is one of ${STRATEGIES.join(", ")}; got "${this.options.strategy}"`);
  }

  /** Every fence of the page `file` (its text: `text`) and what replaces it; nothing is drawn for a page with errors. */
  async page(file: string, text: string): Promise<PagePicturesResult> {
    clearTimeout(this.idle);
    this.busy++;
    try {
      return await this.draw(file, text);
    } finally {
      if (--this.busy === 0) this.idle = setTimeout(() => void this.close(), this.options.idleClose ?? 1000).unref();
    }
  }

  private async draw(file: string, text: string): Promise<PagePicturesResult> {
    const { opts, templates, context } = await this.ready();
    const path = resolve(opts.cwd, file);
    const shown = displayPath(path, opts.cwd);
    // Named after the page's path, so two pages called index.md keep their pictures apart.
    const pageId = idFrom(shown.replace(/\.(md|markdown|mdx)$/i, ""));
    const lang = this.options.lang !== undefined ? langOfLocale(this.options.lang) : opts.langs.length === 1 ? opts.langs[0] : undefined;
    const project = { cwd: opts.cwd, ...(opts.kinds && { kinds: opts.kinds }), ...(lang && lang !== "en" && { lang }) };
    const loaded = await markdownDiagrams(path, shown, text, templates, opts.template, project, layoutOf(opts), pageId);
    if (loaded.diagnostics.length > 0) return { pictures: [], errors: loaded.diagnostics, warnings: loaded.warnings };
    // Mermaid fences are only read as they are; Mermaid finds their mistakes when they are drawn.
    const diagrams = loaded.diagrams.filter((d) => this.options.mermaid || d.fence?.lang !== "mermaid");
    const errors: Diagnostic[] = [];
    const pictures: FencePicture[] = loaded.tables.map((t) => ({ start: t.fence.start, end: t.fence.end, line: t.fence.bodyLine - 1, html: t.html }));
    await Promise.all(
      diagrams.map(async (diagram) => {
        try {
          const made = await diagramOutputs(diagram, context);
          const svg = new Map(made.files.map((f, i) => [f.theme, made.contents[i]!.toString("utf8")]));
          pictures.push({ start: diagram.fence!.start, end: diagram.fence!.end, line: diagram.fence!.bodyLine - 1, html: await pictureHtml(diagram.id, diagram.description, svg, this.options, (await this.ready()).assets) });
        } catch (err) {
          if (!isRenderFailure(err)) throw err;
          errors.push(renderFailure(diagram, err, opts.template));
        }
      }),
    );
    pictures.sort((a, b) => a.start - b.start);
    return errors.length > 0 ? { pictures: [], errors, warnings: loaded.warnings } : { pictures, errors, warnings: loaded.warnings };
  }

  /** Closes the browser, if one was started, and prunes the cache if pictures were added to it. The next page starts another. */
  async close(): Promise<void> {
    clearTimeout(this.idle);
    const { renderer, setup } = this;
    this.setup = undefined;
    this.renderer = undefined;
    await renderer?.close();
    await (await setup?.catch(() => undefined))?.context.cache?.prune();
  }

  /** Whether a browser was started (a site served wholly from the cache starts none). */
  browserUsed(): boolean {
    return this.renderer?.used() ?? false;
  }

  private ready() {
    this.setup ??= (async () => {
      const { cwd = process.cwd(), config } = this.options;
      // The project's config, as the CLI reads it: kinds, preset, templates, fonts, legend.
      const { options } = config === false ? { options: {} as BuildOptions } : await resolveRenderFlags({ inputs: [], ...(typeof config === "string" && { config }) }, resolve(cwd));
      // The config's folder is the project's (its paths are relative to it), else the given one.
      const opts = resolveBuildOptions({ ...options, cwd: options.cwd ?? resolve(cwd), formats: ["svg"], themes: this.themes(), steps: false, ...(this.options.chromium && { chromium: this.options.chromium }), ...(this.options.jobs && { jobs: this.options.jobs }) });
      const templates = new TemplateSet(opts.templatesDir);
      const problems = templates.problems(opts.template, opts.cwd);
      if (problems.length > 0) throw new TemplateError(problems);
      this.renderer = lazyRenderer(opts);
      const context: OutputContext = { opts, cache: opts.cache ? new OutputCache(opts.cacheDir) : undefined, renderer: this.renderer, sink: discardingSink(), identity: await runIdentity(templates, opts) };
      return { opts, templates, context, assets: resolve(opts.cwd, this.options.assetsDir ?? defaultAssetsDir(opts.cwd)) };
    })();
    return this.setup;
  }

  private themes(): Array<Theme | "auto"> {
    const { strategy, theme } = this.options;
    if (strategy === "img") return ["auto"];
    return strategy === "inline" && theme ? [theme] : ["light", "dark"];
  }
}
