import type { Theme } from "../kinds/palette.js";
import type { Family } from "../spec-format/families.js";
import type { Scene } from "../layout/scene.js";
import type { Spec } from "../spec-format/types.js";
import type { Drawing } from "../table/draw-table.js";
import type { Lang } from "../langs.js";
import type { Fence } from "./fences.js";

/** What is said about a diagram in reports and the gallery (plain data, kept between runs). */
export interface DiagramInfo {
  /** Names the output files: `<id>.<theme>.<ext>`. */
  id: string;
  title: string;
  summary?: string;
  /** Plain-text reading for the SVG's `<desc>` and alt text. */
  description: string;
  notes: string[];
  sources: string[];
  /** The group the gallery shows it in (specs that name one). */
  family?: Family;
  tags: string[];
  /** The input file, as the user named it. */
  file: string;
  /** The language it is drawn in, when not English. */
  lang?: Lang;
}

/** Where raw Mermaid came from: the user's text, and the file text and place it starts at (to report Mermaid's errors there). */
export interface MermaidOrigin {
  text: string;
  source: string;
  line: number;
  indent: number;
}

/**
 * What a diagram is, by type: what it was read into and how it is laid out and printed. How
 * each type is drawn, styled and written out is said in one place (run/diagram-types.ts).
 * - `stack`: a vstack spec, laid out by vstack, printed as Mermaid by a template.
 * - `mermaid`: Mermaid text as the user wrote it (a `.mmd` file or a fence), drawn as it is.
 * - `table`: a fact table, laid out and drawn by vstack with no Mermaid.
 */
export type DiagramBody =
  | {
      type: "stack";
      spec: Spec;
      /** The Mermaid text for a theme. */
      mermaid(theme: Theme): string;
      /** The Mermaid node ids that appear at each build step, bottom → top (layout/steps.ts). */
      steps(): string[][];
      /** The diagram placed as its picture is, for printers that draw without Mermaid (layout/scene.ts). */
      scene(theme: Theme): Promise<Scene>;
    }
  | { type: "mermaid"; text: string; origin: MermaidOrigin }
  | { type: "table"; drawing(theme: Theme): Drawing };

/**
 * One diagram to render, whatever it came from: a vstack spec, a `.mmd` file, a table or a
 * Markdown fence. Everything build() needs to name, describe, emit and cache it.
 */
export interface Diagram extends DiagramInfo {
  /** Absolute paths of every file it was made from (its own, and the specs a comparison names). */
  inputs: string[];
  body: DiagramBody;
  /** For a Markdown fence: the file's text and where the fence is in it (to write it out with a picture in its place). */
  fence?: Fence & { path: string; text: string };
}
