import { join } from "node:path";
import type { Diagram } from "../diagrams/diagram.js";
import type { OutputFile } from "../output/embed.js";
import { autoThemeSvg } from "../output/auto-theme.js";
import type { DeckSlide } from "../output/deck.js";
import { THEMES, type Theme } from "../kinds/palette.js";
import { madeFile } from "./made-file.js";
import type { OutputContext } from "./output-context.js";
import { diagramType } from "./diagram-types.js";
import { themeOutputs } from "./theme-outputs.js";

export interface DiagramOutputs {
  files: OutputFile[];
  /** Per theme: the slides of this diagram for a deck (pptx), in order (one, or one per build step). */
  slides: Map<Theme, DeckSlide[]>;
  /** The files' contents, in the same order. */
  contents: Buffer[];
  /** How many files were rendered now rather than taken from the cache. */
  rendered: number;
  /** How many of those were made from the other theme's picture rather than drawn (derive-picture.ts). */
  derived: number;
  /** How many files changed (or, checking, would change) on disk. */
  written: number;
}

/** One diagram in every theme and format: from the cache where it can be, else rendered; then written. */
export async function diagramOutputs(diagram: Diagram, context: OutputContext): Promise<DiagramOutputs> {
  const { themes, formats } = context.opts;
  // `auto` is drawn from the light and dark SVGs, which are made (and cached) even when not asked for.
  const auto = themes.includes("auto") && formats.includes("svg");
  const drawn = THEMES.filter((t) => themes.includes(t) || auto);
  const formatsOf = (theme: Theme) => (themes.includes(theme) ? formats : (["svg"] as const));
  // The dark pictures of vstack's own diagrams are made from the light ones (recoloured, not drawn
  // again); other diagrams' themes go to the renderer together, so each is done early in a long run.
  const perTheme =
    drawn.length === 2 && diagramType(diagram.body).derivesTheme
      ? await themeOutputs(diagram, "light", formatsOf("light"), context).then(async (light) => [light, await themeOutputs(diagram, "dark", formatsOf("dark"), context, light.pictures)])
      : await Promise.all(drawn.map((theme) => themeOutputs(diagram, theme, formatsOf(theme), context)));
  const made = perTheme.filter((_, i) => themes.includes(drawn[i]!)).flatMap((t) => t.outputs);
  if (auto) {
    const svgOf = (i: number) => perTheme[i]!.svg!.toString("utf8");
    const data = Buffer.from(autoThemeSvg(svgOf(drawn.indexOf("light")), svgOf(drawn.indexOf("dark"))));
    made.push(madeFile(`${diagram.id}.auto.svg`, "svg", "auto", data));
  }
  made.sort((a, b) => a.file.file.localeCompare(b.file.file));
  // All of a diagram's files are made before any is written, so a failure leaves none half-done.
  let written = 0;
  for (const o of made) if (await context.sink.put(join(context.opts.outDir, o.file.file), o.data)) written++;
  const slides = new Map(perTheme.map((t, i) => [drawn[i]!, t.slides] as const).filter(([theme]) => themes.includes(theme)));
  return { files: made.map((o) => o.file), contents: made.map((o) => o.data), slides, rendered: perTheme.reduce((n, t) => n + t.rendered, 0), derived: perTheme.reduce((n, t) => n + t.derived, 0), written };
}
