import type { DiagramBody, MermaidOrigin } from "../diagrams/diagram.js";
import type { Theme } from "../kinds/palette.js";
import type { SlideShapes } from "../output/deck-shapes.js";
import type { RenderRequest } from "../render/renderer.js";
import type { Drawing } from "../table/draw-table.js";
import type { ResolvedBuildOptions } from "./options.js";

/**
 * How one type of diagram is drawn, styled and written out: the one place a run asks, as
 * Mermaid's diagram definitions are for its types. A new type is a new case here and a loader
 * that reads it (src/diagrams/).
 */
export interface DiagramType {
  /** What the renderer draws for a theme: Mermaid text (also written as `.mmd`), or a picture vstack laid out itself. */
  source(theme: Theme): string | Drawing;
  /** The part of the render request that styles it (`mermaid`: the text it draws). */
  style(theme: Theme, opts: ResolvedBuildOptions, mermaid: string): Promise<Partial<RenderRequest>>;
  /** Whether its dark picture can be made from its light one by recolouring (run/derive-picture.ts). */
  derivesTheme: boolean;
  /** Its drawing in box characters for a terminal (txt, ansi), for types that have one. */
  text?(theme: Theme, width: number, color: boolean): Promise<string>;
  /** Its diagram as shapes for an editable deck, for types that are laid out by vstack (`--deck shapes`). */
  shapes?(theme: Theme, opts: ResolvedBuildOptions): Promise<SlideShapes>;
  /** The boxes that appear at each build step, bottom → top; none for types that do not build up. */
  steps(): string[][];
  /** Whether its picture shows its title (`caption`: the run's choice for specs). */
  captioned(caption: boolean): boolean;
  /** Where the Mermaid text was written by the user, so Mermaid's errors can point there. */
  origin?: MermaidOrigin;
  /** What Mermaid was given, in its error messages. */
  madeWith(template: string): string;
}

export function diagramType(body: DiagramBody): DiagramType {
  switch (body.type) {
    case "stack":
      return {
        source: body.mermaid,
        // Labels as SVG text; the legend, caption and (over a block diagram) the links drawn by the page.
        // The legend's colours need the colour maths, loaded with the first picture (an up-to-date run draws none).
        style: async (theme, opts, mermaid) => {
          const { decorationsOf } = await import("../layout/decorations.js");
          return { svgText: true, decorations: decorationsOf(body.spec, theme, { ...opts, arrows: /^\s*block(-beta)?\s*$/m.test(mermaid) }) };
        },
        derivesTheme: true,
        shapes: async (theme, opts) => {
          const { decorationsOf } = await import("../layout/decorations.js");
          const { ink, paper, legend } = decorationsOf(body.spec, theme, { legend: opts.legend, caption: false, arrows: false });
          return { scene: await body.scene(theme), legend: legend?.entries ?? [], ink, paper };
        },
        text: async (theme, width, color) => (await import("../text/draw-stack.js")).drawSpec(body.spec, theme, { width, color }),
        steps: body.steps,
        captioned: (caption) => caption,
        madeWith: (template) => `the text made with template "${template}"`,
      };
    case "mermaid":
      return {
        source: () => body.text,
        // The text sets no theme of vstack's: Mermaid is told the one the picture is for.
        style: async (theme) => ({ theme: theme === "dark" ? "dark" : "default" }),
        derivesTheme: false,
        steps: () => [],
        captioned: () => false,
        origin: body.origin,
        madeWith: () => "the text",
      };
    case "table":
      return {
        source: body.drawing,
        style: async () => ({ svgText: true }),
        derivesTheme: false,
        steps: () => [],
        captioned: () => true,
        madeWith: () => "the table's drawing",
      };
  }
}
