import { VstackError } from "../errors.js";
import type { Decorations } from "../layout/decorations.js";
/** What to draw and how: Mermaid text plus what the picture carries beyond it. */
export interface RenderRequest {
  /** The Mermaid text (ignored when `drawing` is given). */
  mermaid: string;
  /**
   * A picture vstack laid out itself (a fact table): its SVG is taken as Mermaid's would be
   * (title, background, canvas, PNG, PDF), its text lines as they are.
   */
  drawing?: { svg: string; labels: LabelLine[] };
  /**
   * A finished SVG of this size (another theme's picture, recoloured): nothing is drawn, the
   * page only shows it to make the PNG and PDF. The other fields then only name it.
   */
  shown?: { svg: string; width: number; height: number };
  /** Goes into the SVG as `<title>` and `<desc>` (accessibility). */
  title: string;
  description: string;
  /** A CSS colour, or `transparent`. */
  background: string;
  /** When set, a PNG at this device scale factor is made as well. */
  pngScale?: number;
  /** Mermaid's theme when the text does not set one (raw Mermaid inputs); vstack's own text sets it. */
  theme?: "default" | "dark";
  /** Make a one-page PDF as well, the page fitted to the picture. */
  pdf?: boolean;
  /** A fixed picture size (CSS pixels): the drawing is fitted inside, centred, with a margin. */
  canvas?: { width: number; height: number };
  /**
   * Labels as SVG text instead of Mermaid's HTML in `<foreignObject>`, so renderers other than
   * browsers draw them (vstack's own diagrams; raw Mermaid keeps what Mermaid draws).
   */
  svgText?: boolean;
  /** A legend and caption drawn around the diagram (with svgText only). */
  decorations?: Decorations;
  /** Mermaid's base font size in CSS pixels. */
  fontSize?: number;
  /**
   * Node ids of boxes drawn invisible (build steps: not yet shown, but kept in place so nothing
   * moves between frames); arrows to or from them too.
   */
  hide?: string[];
}

/**
 * One line of a label as written into the SVG (`<text id>`), with the runs of text it holds:
 * what font embedding and outlining work from.
 */
export interface LabelLine {
  id: string;
  runs: Array<{ text: string; size: number; bold: boolean; italic: boolean; fill: string }>;
}

export interface RenderResult {
  svg: string;
  /** The label lines written as SVG text (empty when labels stay Mermaid's HTML). */
  labels: LabelLine[];
  png?: Buffer;
  pdf?: Buffer;
  /** The picture's size in CSS pixels (the canvas, when one was asked for). */
  width: number;
  height: number;
}

/** Turns Mermaid text into pictures. The caller owns its life: `close()` it in `finally`. */
export interface Renderer {
  render(request: RenderRequest): Promise<RenderResult>;
  close(): Promise<void>;
  /** The browser's product and version (part of every picture's cache key); a renderer without it is keyed as "the caller's renderer". */
  browserVersion?(): Promise<string>;
}

/** Mermaid rejected the text: a problem of the input, not of the renderer. */
export class MermaidSyntaxError extends VstackError {
  constructor(message: string) {
    super("mermaid-rejected", message);
  }
}

/** The renderer gave up on a diagram: it hung or crashed twice, on two fresh pages. */
export class RenderFailedError extends VstackError {
  constructor(message: string) {
    super("render-failed", message);
  }
}
