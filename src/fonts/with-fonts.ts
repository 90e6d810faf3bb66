import type { FontMode } from "../presets.js";
import type { LabelLine } from "../render/renderer.js";
import { embedFonts } from "./embed-fonts.js";
import { FontSet } from "./font-set.js";
import { outlineText } from "./outline-text.js";

/** An SVG as drawn, with its fonts carried the way asked for (labels: the lines drawn as SVG text). */
export async function withFonts(svg: string, labels: LabelLine[], mode: FontMode): Promise<string> {
  if (mode === "system" || labels.length === 0) return svg;
  const fonts = await FontSet.load();
  fonts.prepare(labels.flatMap((line) => line.runs));
  return mode === "embed" ? embedFonts(svg, labels, fonts) : outlineText(svg, labels, fonts);
}
