import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { diagramOutputs, type OutputContext } from "../run/diagram-outputs.js";
import { runIdentity } from "../run/run-identity.js";
import { layoutOf, resolveBuildOptions, type BuildOptions, type ResolvedBuildOptions } from "../run/options.js";
import { isRenderFailure, renderFailure } from "../run/render-failure.js";
import { resolveRenderFlags } from "../config/project-options.js";
import { markdownDiagrams } from "../diagrams/markdown.js";
import { LANGS, langOfLocale, type Lang } from "../langs.js";
import { idFrom } from "../diagrams/raw-mermaid.js";
import { TemplateSet, TemplateError } from "../emit/templates.js";
import { autoThemeSvg } from "../output/auto-theme.js";
import { scopeIds } from "../output/scope-ids.js";
import { OutputCache } from "../output/cache.js";
import { embedSnippet, type OutputFile } from "../output/embed.js";
import { escapeHtml } from "../escape-html.js";
import { discardingSink } from "../output/sink.js";
import { writeIfChanged } from "../output/write.js";
import { displayPath } from "../paths.js";
import type { Theme } from "../kinds/palette.js";
import { lazyRenderer, type LazyRenderer } from "../render/lazy-renderer.js";
import { defaultAssetsDir } from "./site-assets.js";

/**
 * How a site plugin puts a picture in the page, after rehype-mermaid's `strategy`:
 * - `inline`: the SVG itself, one for both themes (it follows `prefers-color-scheme` and the
 *   page's `.dark` / `[data-theme="dark"]`, or `darkSelector` alone); no files to serve.
 * - `picture`: light and dark SVG files in `assetsDir`, a `<picture>` that picks one by the
 *   reader's colour scheme.
 * - `img`: one SVG file that switches by itself (`--theme auto`), in an `<img>`.
 * - `classes`: the light and dark files as two `<img>`s with `lightClass` / `darkClass`, for a
 *   site whose theme switch shows one (MkDocs Material's `only-light`, a Tailwind `dark:hidden`).
 */
export const STRATEGIES = ["inline", "picture", "img", "classes"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface PluginOptions {
  /** The project folder: where `vstack.config.yaml` is looked for, and what paths are shown relative to. Default: the working folder. */
  cwd?: string;
  /** A config file other than the one found from `cwd`, or `false` for none. */
  config?: string | false;
  strategy?: Strategy;
  /** `inline` only: one theme instead of both. */
  theme?: Theme;
  /** The site's dark-mode selector (`.dark`, `[data-theme='dark']`): an inline picture then follows it alone, not the OS. */
  darkSelector?: string;
  /**
   * Where picture files are written (`picture`, `img`, `classes`), relative to `cwd`. Default: the
   * `vstack` folder in the folder the site tool serves as it is (Docusaurus and Hugo `static/`,
   * Astro `public/`, VitePress `<srcDir>/public/`), else `public/vstack`.
   */
  assetsDir?: string;
  /** The URL the site serves `assetsDir` at. Default `/vstack/`. */
  publicPath?: string;
  lightClass?: string;
  darkClass?: string;
  /**
   * The language the pages' `use:` and `table:` fences are drawn in unless a fence names one
   * (`lang:`): a multilingual site passes each locale's. Default: the config's one language, else English.
   */
  lang?: Lang | string;
  /** Also draw ```mermaid fences (off by default: a site may have its own Mermaid plugin). */
  mermaid?: boolean;
  /** The Chromium to use, and how many pages draw at once (as the CLI's --chromium and --jobs). */
  chromium?: string;
  jobs?: number;
  /**
   * The browser closes this long after the last page is done (ms, default 1000), so a site
   * build that has no end hook for plugins still exits; the next page starts it again.
   */
  idleClose?: number;
}

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
          pictures.push({ start: diagram.fence!.start, end: diagram.fence!.end, line: diagram.fence!.bodyLine - 1, html: await this.html(diagram.id, diagram.description, svg) });
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

  /** The HTML for a drawn diagram, from its SVG per theme; files written where the strategy serves them. */
  private async html(id: string, alt: string, svg: Map<string, string>): Promise<string> {
    const { strategy, darkSelector, theme } = this.options;
    if (strategy === "inline") {
      const one = theme ? svg.get(theme)! : autoThemeSvg(svg.get("light")!, svg.get("dark")!, { ...(darkSelector && { darkSelector }) });
      return `<figure class="vstack">${scopeIds(one, "vstack-diagram", `vstack-${id}`)}</figure>`;
    }
    const { assets } = await this.ready();
    const outputs: OutputFile[] = [];
    for (const [t, text] of svg) {
      // The content's hash in the name: a changed picture is a new URL, so no browser shows a stale one.
      const sha256 = createHash("sha256").update(text).digest("hex");
      const file = `${id}.${sha256.slice(0, 10)}.${t}.svg`;
      await writeIfChanged(join(assets, file), text);
      outputs.push({ file, format: "svg", theme: t as OutputFile["theme"], sha256 });
    }
    const base = this.options.publicPath!;
    if (strategy === "classes") {
      const src = (t: string) => escapeHtml(`${base.replace(/\/$/, "")}/${outputs.find((o) => o.theme === t)!.file}`);
      const alts = escapeHtml(alt);
      return `<img class="${escapeHtml(this.options.lightClass!)}" src="${src("light")}" alt="${alts}"><img class="${escapeHtml(this.options.darkClass!)}" src="${src("dark")}" alt="${alts}">`;
    }
    return embedSnippet({ diagram: { description: alt }, outputs }, base)!.replace(/\n\s*/g, "");
  }
}
