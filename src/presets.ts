import { THEMES } from "./kinds/palette.js";

export const FORMATS = ["svg", "png", "mmd", "pdf", "txt", "ansi", "pptx"] as const;
export type Format = (typeof FORMATS)[number];

/** The palettes, and `auto`: one SVG that switches between them by the reader's colour scheme (output/auto-theme.ts). */
export const OUTPUT_THEMES = [...THEMES, "auto"] as const;
export type OutputTheme = (typeof OUTPUT_THEMES)[number];

/** Where the legend of kinds goes: under the drawing, beside it, or nowhere. */
export const LEGEND_PLACES = ["bottom", "right", "off"] as const;
export type LegendPlace = (typeof LEGEND_PLACES)[number];

/** A fixed picture size: the drawing is fitted inside it, centred, with a margin. */
export interface Canvas {
  width: number;
  height: number;
}

/** What a preset sets; the config file and flags override any of it. */
export interface Preset {
  describe: string;
  formats: Format[];
  themes: OutputTheme[];
  scale: number;
  background?: string;
  canvas?: Canvas;
  /** Mermaid's base font size in CSS pixels (its own default is 16). */
  fontSize?: number;
  /** The widest the drawing may be before it is fitted to the canvas; labels wrap to keep it. */
  maxWidth?: number;
  /** The title above the drawing and its sources below. */
  caption?: boolean;
}

export const PRESETS = {
  docs: { describe: "for pages: svg, png, mmd; light and dark, each on its theme's background; PNG at 2x", formats: ["svg", "png", "mmd"], themes: ["light", "dark"], scale: 2 },
  slide: {
    describe: "for slides: a 16:9 canvas of 1920x1080, larger type, transparent; svg, png, pdf; light and dark",
    formats: ["svg", "png", "pdf"],
    themes: ["light", "dark"],
    scale: 1,
    background: "transparent",
    canvas: { width: 1920, height: 1080 },
    fontSize: 22,
    // 22 px type, fitted into 1920 × 0.9: at most 1.2x wider than the canvas's drawing area.
    maxWidth: 2000,
    // A slide is pasted far from the page that named the diagram: it carries its own title.
    caption: true,
  },
} as const satisfies Record<string, Preset>;

export type PresetName = keyof typeof PRESETS;
export const PRESET_NAMES = Object.keys(PRESETS) as PresetName[];

/** What the command line and the config file accept: a PNG scale above 0 up to this, pages from 1 up to this. */
export const MAX_SCALE = 8;
export const MAX_JOBS = 64;
/** `--max-width` bounds: narrower cannot hold a label; wider is no longer a page. */
export const MAX_WIDTH_RANGE = [240, 20_000] as const;

export const PAGE_STYLES = ["picture", "markdown"] as const;
export type PageStyle = (typeof PAGE_STYLES)[number];

/**
 * How an SVG carries its fonts: `embed`, a subset of the faces drawn (only the glyphs used) as
 * TrueType data; `outline`, text turned into paths (an invisible text layer keeps the words);
 * `system`, a font list only, drawn with whatever the viewer has.
 */
export const FONT_MODES = ["embed", "outline", "system"] as const;
export type FontMode = (typeof FONT_MODES)[number];

/**
 * How a deck (pptx) holds a spec's diagram: `picture`, the SVG as rendered with its PNG;
 * `shapes`, PowerPoint shapes laid out as the picture is, to edit (tables and Mermaid stay pictures).
 */
export const DECK_STYLES = ["picture", "shapes"] as const;
export type DeckStyle = (typeof DECK_STYLES)[number];
