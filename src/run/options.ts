import type { KindDeclarations } from "../kinds/schema.js";
import type { Lang } from "../langs.js";
import { resolve } from "node:path";
import { THEMES } from "../kinds/palette.js";
import type { OutputTheme } from "../presets.js";
import type { Canvas, DeckStyle, FontMode, Format, PageStyle } from "../presets.js";
import type { Renderer } from "../render/renderer.js";
import { DEFAULT_LAYOUT, type LayoutOptions } from "../layout/fit-width.js";
import type { LegendPlace } from "../presets.js";
import type { Shard } from "../inputs.js";
import { DEFAULT_TEMPLATE } from "../emit/templates.js";
import type { DiagramReport } from "./build-report.js";


export interface BuildOptions {
  /**
   * The project folder (default: the working folder): relative paths of every option are
   * taken against it, and paths in outputs, reports and messages are shown relative to it, so
   * a run gives the same bytes from any folder of the project.
   */
  cwd?: string;
  /** Files, folders, globs or built-in ids, or `-` for `stdin`; none means the built-in specs. */
  inputs?: string[];
  /** The text the input `-` stands for: a spec, or else Mermaid text (the CLI reads it from standard input). */
  stdin?: string;
  outDir?: string;
  formats?: Format[];
  themes?: OutputTheme[];
  /** PNG device scale factor. */
  scale?: number;
  /** A CSS colour or `transparent`; default: the theme's own background. */
  background?: string;
  /** A fixed picture size the drawing is fitted into (the slide preset's 1920x1080). */
  canvas?: Canvas;
  /** Mermaid's base font size in CSS pixels. */
  fontSize?: number;
  /**
   * The widest a spec's picture may be, in CSS pixels: labels and details wrap at measured
   * widths to fit (default 880, so an 800 px docs column shows text at 12 px or more).
   */
  maxWidth?: number;
  /** Kinds of your own for every spec of the project (a spec's own declarations win). */
  kinds?: KindDeclarations;
  /** Where a spec's legend of kinds goes: bottom (default), right, or off. */
  legend?: LegendPlace;
  /** Draw the title above the diagram and its sources' hosts below (default: off; slide preset: on). */
  caption?: boolean;
  /**
   * Also a frame per build step (`<id>.step-01.<theme>.<fmt>`…): the stack appearing row by
   * row, bottom → top, for slides; `animate`: instead, one SVG that plays the build (`<id>.animated.<theme>.svg`).
   */
  steps?: boolean | "animate";
  /**
   * The languages specs are drawn in (default English), from the catalogs beside them
   * (`i18n/<lang>.po`); other languages' files are named `<id>.<lang>.<theme>.<fmt>`.
   */
  langs?: Lang[];
  /** How SVGs carry their fonts (default embed); PNG and PDF always hold what the browser drew. */
  fonts?: FontMode;
  /** How a deck holds a spec's diagram: its picture (default), or shapes to edit. */
  deck?: DeckStyle;
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
  /** Write `<outDir>/README.md` and `index.html` showing the diagrams of this run. */
  gallery?: boolean;
  /** Write `<outDir>/manifest.json` (default: yes, unless sharded). */
  manifest?: boolean;
  /** Where Markdown inputs with fences are written out, pictures in place (default: outDir). */
  markdownOut?: string;
  /**
   * Folders a page keeps its place below when written out, besides the inputs' own: the
   * config's inputs, so a page rendered on its own (`vstack render docs-src/guide/a.md`) lands
   * where the whole build puts it (`<markdownOut>/guide/a.md`).
   */
  pageRoots?: string[];
  /**
   * How a fence's picture is written into a page: `picture`, an HTML `<picture>` that follows
   * the reader's colour scheme; `markdown`, two Markdown images marked `#only-light` and
   * `#only-dark` (MkDocs Material's theme switch; MkDocs rewrites Markdown image paths, not HTML ones).
   */
  pageStyle?: PageStyle;
  /** Write nothing; report every output that is missing or differs (`render --check`). */
  check?: boolean;
  /** A renderer the caller owns and closes; else build() launches one if it needs one, and closes it. */
  renderer?: Renderer;
  /** Called for each diagram once its files are written, in input order. */
  onDiagram?: (diagram: DiagramReport) => void;
  /** Called once the inputs are loaded, with how many diagrams there are to make. */
  onStart?: (diagrams: number) => void;
}

type Optional = "kinds" | "stdin" | "background" | "canvas" | "fontSize" | "maxWidth" | "templatesDir" | "chromium" | "renderer" | "onDiagram" | "onStart" | "jobs" | "shard";
export type ResolvedBuildOptions = Required<Omit<BuildOptions, Optional>> & Pick<BuildOptions, Optional>;

/** Every default of a build, in one place; every path comes back absolute. */
export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildOptions {
  const cwd = resolve(options.cwd ?? process.cwd());
  const at = (path: string) => resolve(cwd, path);
  const outDir = at(options.outDir ?? "out");
  return {
    ...options,
    cwd,
    inputs: options.inputs ?? [],
    outDir,
    formats: options.formats ?? ["svg", "png", "mmd"],
    themes: options.themes ?? [...THEMES],
    scale: options.scale ?? 2,
    fonts: options.fonts ?? "embed",
    deck: options.deck ?? "picture",
    legend: options.legend ?? "bottom",
    caption: options.caption ?? false,
    steps: options.steps ?? false,
    langs: options.langs ?? ["en"],
    template: options.template ?? DEFAULT_TEMPLATE,
    cache: options.cache ?? true,
    cacheDir: at(options.cacheDir ?? ".vstack-cache"),
    gallery: options.gallery ?? false,
    manifest: options.manifest ?? !options.shard,
    markdownOut: options.markdownOut === undefined ? outDir : at(options.markdownOut),
    ...(options.templatesDir !== undefined && { templatesDir: at(options.templatesDir) }),
    // A bare name is left to the search for a browser; a path is the project's.
    ...(options.chromium !== undefined && { chromium: /[\\/]/.test(options.chromium) ? at(options.chromium) : options.chromium }),
    check: options.check ?? false,
    pageStyle: options.pageStyle ?? "picture",
    pageRoots: options.pageRoots ?? [],
  };
}

/** The width and type size specs are laid out for. */
export function layoutOf(opts: Pick<BuildOptions, "maxWidth" | "fontSize" | "canvas">): LayoutOptions {
  return { maxWidth: opts.maxWidth ?? DEFAULT_LAYOUT.maxWidth, fontSize: opts.fontSize ?? DEFAULT_LAYOUT.fontSize, ...(opts.canvas && { canvas: opts.canvas }) };
}
