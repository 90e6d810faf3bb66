import type { Theme } from "../kinds/palette.js";
import type { Family } from "../spec-format/families.js";
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

/**
 * One diagram to render, whatever it came from: a vstack spec, a `.mmd` file or a Markdown
 * fence. Everything build() needs to name, describe, emit and cache it.
 */
export interface Diagram extends DiagramInfo {
  /** Absolute paths of every file it was made from (its own, and the specs a comparison names). */
  inputs: string[];
  /** The spec, for diagrams drawn from one. */
  spec?: Spec;
  /** The Mermaid text for a theme (every diagram but a drawn table). */
  mermaid?(theme: Theme): string;
  /** A picture vstack lays out itself, without Mermaid (a fact table). */
  drawing?(theme: Theme): Drawing;
  /** For specs: the Mermaid node ids that appear at each build step, bottom → top (layout/steps.ts). */
  steps?(): string[][];
  /** Raw Mermaid: the text does not set a theme, so the renderer must. */
  raw: boolean;
  /** For raw Mermaid: the user's text, and the file text and place it starts at (to report Mermaid's errors there). */
  origin?: { text: string; source: string; line: number; indent: number };
  /** For a Markdown fence: the file's text and where the fence is in it (to write it out with a picture in its place). */
  fence?: Fence & { path: string; text: string };
}
