import type { Lang } from "../langs.js";
import type { Theme } from "../kinds/palette.js";

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
