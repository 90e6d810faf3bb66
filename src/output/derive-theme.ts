/**
 * One theme's picture made from another's without drawing it again. vstack lays out light and
 * dark from the same model with the same fonts, and the two requests differ only in colours
 * (and Mermaid's theme name), so the dark SVG is the light one with each colour swapped for
 * its counterpart and Mermaid's theme stylesheet swapped for the dark one. Where that cannot
 * be shown safe (a colour of one theme has two counterparts, or the picture holds a colour the
 * requests do not explain) nothing is derived and the caller draws the theme for real.
 */
import { colourAs, colourValue } from "../colour.js";
import type { LabelLine, RenderRequest, RenderResult } from "../render/renderer.js";
import { colourContext, withColours } from "./css-colours.js";
import { applyEdits, readSvg, rewrite, type Edit } from "./svg-source.js";

/**
 * A colour in a request's text (Mermaid's classDefs and front matter, and the request's own
 * fields): hex, rgb(a), hsl(a), or a common keyword where a value starts. Only used to compare
 * two requests; a split it gets wrong means the picture is drawn rather than derived.
 */
const REQUEST_COLOUR = /#[0-9a-fA-F]{3,8}\b|(?:rgb|hsl)a?\([^)]*\)|(?<=[:="]\s*)(?:white|black|gr[ae]y|silver|red|green|blue|yellow|orange|purple|transparent)(?=\s*[;"}!,)])/g;

/** Each colour of one theme (by value) and what it is in the other (as written there). */
export type ColourMap = ReadonlyMap<string, string>;

/**
 * The colour map between two requests for the same picture, or undefined when they differ in
 * more than colours (Mermaid's `theme:` line aside: its stylesheet is swapped whole) or a colour
 * of the first has two different counterparts.
 */
export function colourPairs(from: RenderRequest, to: RenderRequest): ColourMap | undefined {
  const [a, b] = [inputsOf(from), inputsOf(to)];
  const [aParts, bParts] = [a.split(REQUEST_COLOUR), b.split(REQUEST_COLOUR)];
  if (aParts.length !== bParts.length || aParts.some((part, i) => part !== bParts[i])) return undefined;
  const [aColours, bColours] = [a.match(REQUEST_COLOUR) ?? [], b.match(REQUEST_COLOUR) ?? []];
  const map = new Map<string, string>();
  for (const [i, colour] of aColours.entries()) {
    const key = colourValue(colour);
    const counterpart = bColours[i]!;
    const known = map.get(key ?? "");
    if (key === undefined || colourValue(counterpart) === undefined || (known !== undefined && colourValue(known) !== colourValue(counterpart))) return undefined;
    map.set(key, counterpart);
  }
  return map;
}

/**
 * The other theme's SVG and label lines from this theme's render: every colour mapped (in the
 * presentation attributes, style attributes and stylesheets, as the SVG's tree has them), and
 * each stylesheet's leading theme rules (`styles.from`, as Mermaid writes them for a diagram
 * with no classes) replaced by the other theme's (`styles.to`). Undefined when a colour is not
 * in the map or a stylesheet does not start with its theme rules.
 */
export function deriveTheme(drawn: Pick<RenderResult, "svg" | "labels">, colours: ColourMap, styles: { from: string[]; to: string[] }): { svg: string; labels: LabelLine[] } | undefined {
  let unknown = false;
  const swap = (colour: string) => {
    const counterpart = colours.get(colourValue(colour) ?? "");
    if (counterpart === undefined) unknown = true;
    return counterpart === undefined ? colour : inNotationOf(colour, counterpart);
  };
  const edits: Edit[] = [];
  let index = 0;
  for (const element of readSvg(drawn.svg)) {
    if (element.text) {
      const [from, to] = [styles.from[index], styles.to[index]];
      index++;
      const css = element.text.value;
      if (from === undefined || to === undefined || !css.startsWith(from)) return undefined;
      edits.push(...rewrite(element.text, `${to}${withColours(css.slice(from.length), "stylesheet", swap)}`, "text"));
    }
    for (const [name, field] of element.attributes) {
      const context = colourContext(name);
      if (context) edits.push(...rewrite(field, withColours(field.value, context, swap), "attribute"));
    }
  }
  if (index !== styles.from.length) return undefined;
  const labels = drawn.labels.map((line) => ({ ...line, runs: line.runs.map((run) => ({ ...run, fill: withColours(run.fill, { property: "fill" }, swap) })) }));
  return unknown ? undefined : { svg: applyEdits(drawn.svg, edits), labels };
}

/** The text of each stylesheet of an SVG, in order. */
export function stylesheetsOf(svg: string): string[] {
  return readSvg(svg).flatMap((element) => (element.text ? [element.text.value] : []));
}

/**
 * A diagram with one box and no classes in the same Mermaid dialect and configuration as
 * `mermaid` (its front matter, comments and header line kept): the stylesheet Mermaid writes
 * for it is the theme's part of every diagram's stylesheet.
 */
export function probeText(mermaid: string): string | undefined {
  const lines = mermaid.split("\n");
  let at = 0;
  if (lines[0]?.trim() === "---") {
    at = lines.findIndex((line, i) => i > 0 && line.trim() === "---") + 1;
    if (at === 0) return undefined;
  }
  while (at < lines.length && (lines[at]!.trim() === "" || lines[at]!.trim().startsWith("%%"))) at++;
  if (!/^(block(-beta)?|flowchart|graph)\b/.test(lines[at]?.trim() ?? "")) return undefined;
  return [...lines.slice(0, at + 1), "  vstackprobe"].join("\n");
}

/** What of a request shapes the picture, with Mermaid's theme name left out. */
function inputsOf(request: RenderRequest): string {
  const { mermaid, pngScale: _png, pdf: _pdf, ...rest } = request;
  return JSON.stringify([mermaid.replace(/^(\s*theme:).*$/m, "$1"), rest]);
}

/**
 * The counterpart written the way the colour it replaces was: a browser writes colours it
 * computed as `rgb(r, g, b)`, and a colour copied from the request as the request has it.
 */
function inNotationOf(colour: string, counterpart: string): string {
  if (/^rgba?\(/i.test(colour)) return colourAs(counterpart, "rgb");
  if (colour.startsWith("#") && !counterpart.startsWith("#")) return colourAs(counterpart, "hex");
  return counterpart;
}
