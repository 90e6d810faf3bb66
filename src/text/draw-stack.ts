import stringWidth from "string-width";
import { uiText } from "../i18n/ui-strings.js";
import type { Lang } from "../langs.js";
import { buildModel } from "../layout/diagram.js";
import { flowItems } from "../layout/flow-tree.js";
import type { ClassModel, DiagramModel } from "../layout/model.js";
import type { Rect } from "../layout/stack-layout.js";
import { BOUNDARY_NAMES, type Theme } from "../kinds/palette.js";
import { LINK_STYLE_NAMES } from "../spec-format/links.js";
import type { Spec } from "../spec-format/types.js";
import { Canvas, type Paint } from "./canvas.js";
import { fitCells, isBare } from "./fit-cells.js";

/**
 * A diagram drawn with Unicode box characters for a terminal, laid out as the picture is: the
 * same stack tree and the same stack layout (layoutStack), measured in terminal cells
 * (string-width: East Asian wide characters and emoji take two, so CJK labels line up). A unit
 * with a stack of its own is a frame round it, its own box the frame's header; each outline says
 * its boundary as the picture's does (heavy: VM, dashed: container, dotted: sandbox); compared
 * stacks stand side by side under their names; links are a numbered list under the drawing.
 */
export interface TextOptions {
  /** Terminal columns to fill. */
  width: number;
  /** ANSI 24-bit colours from the palette: fills, outlines, text. */
  color: boolean;
  /** The language of the outlines' key under the drawing (the labels come translated in the model). */
  lang?: Lang;
}

type Border = { h: string; v: string; tl: string; tr: string; bl: string; br: string; ml: string; mr: string };
type Boundary = "none" | "vm" | "container" | "sandbox";
/** `ml`, `mr`: where a frame's header band meets its sides. */
const BORDERS: Record<Boundary, Border> = {
  none: { h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘", ml: "├", mr: "┤" },
  vm: { h: "━", v: "┃", tl: "┏", tr: "┓", bl: "┗", br: "┛", ml: "┣", mr: "┫" },
  container: { h: "╌", v: "╎", tl: "┌", tr: "┐", bl: "└", br: "┘", ml: "├", mr: "┤" },
  sandbox: { h: "┈", v: "┊", tl: "┌", tr: "┐", bl: "└", br: "┘", ml: "├", mr: "┤" },
};

/** The boundary a class's outline draws, read back from its width and dash (palette.ts BOUNDARY_OUTLINES). */
function boundaryOf(cls: ClassModel | undefined): Boundary {
  if (!cls) return "none";
  if (cls.dash === "7 4") return "container";
  if (cls.dash === "2 3") return "sandbox";
  return cls.strokeWidth >= 3 ? "vm" : "none";
}

/** A spec drawn for a terminal, in one theme's colours when `color` is on. */
export function drawSpec(spec: Spec, theme: Theme, options: TextOptions): string {
  // Unwrapped labels: drawStack wraps them to terminal cells, not to pixels.
  return drawStack(buildModel(spec, theme, { maxWidth: 1_000_000, fontSize: 16 }), { ...options, ...(spec.lang && { lang: spec.lang }) });
}

export function drawStack(model: DiagramModel, { width, color, lang }: TextOptions): string {
  const classOf = new Map<string, ClassModel>();
  for (const cls of model.classes) for (const id of cls.nodeIds.split(",")) classOf.set(id, cls);
  const bare = new Set([...flowItems(model.flow).values()].filter(isBare).map((it) => it.nodeId));

  const placed = fitCells(model.flow, model.links, width);
  // Cut at the terminal's width where even the narrowest wrap does not fit (thousands of units
  // side by side): a line never runs past it, and the canvas stays as large as the lines (and the
  // blank margin of compared stacks, one cell, which the lines leave out).
  const canvas = new Canvas(Math.min(placed.width, width + 1), placed.height);
  const used = new Set<Boundary>();
  const look = (id: string) => {
    const cls = classOf.get(id);
    const boundary = boundaryOf(cls);
    if (boundary !== "none") used.add(boundary);
    return { border: BORDERS[boundary], cls };
  };
  // Frames first (outer before inner, as placed), then the boxes in them: a header over its frame's
  // top. A compared stack's frame and name have no outline: its name is text at the top.
  for (const [id, rect] of placed.frames) {
    if (bare.has(id)) continue;
    const { border, cls } = look(id);
    outline(canvas, rect, border, color && cls ? { fg: cls.stroke } : undefined);
  }
  for (const [id, box] of placed.boxes) {
    const lines = placed.texts.get(id) ?? [];
    if (bare.has(id)) {
      centred(canvas, box, lines, undefined);
      continue;
    }
    const { border, cls } = look(id);
    const paint = color && cls ? { text: { fg: cls.color, bg: cls.fill }, line: { fg: cls.stroke, bg: cls.fill } } : undefined;
    if (paint) canvas.paint(box.x, box.y, box.width, box.height, paint.text);
    // A header's bottom edge meets its frame's sides.
    outline(canvas, box, placed.frames.has(id) ? { ...border, bl: border.ml, br: border.mr } : border, paint?.line);
    centred(canvas, { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 }, lines, paint?.text);
  }

  const out = canvas.lines(color, width);
  // Each arrow with what kind of arrow it is, which the picture says by its line (dashed: creates).
  const keys = [...new Set(model.arrows.map((a) => `${a.ends}${a.label !== undefined ? `: ${a.label}` : ""} (${uiText(lang, LINK_STYLE_NAMES[a.style].legend)})`))];
  if (keys.length > 0) out.push("", ...keys.map((k, i) => `${i + 1}. ${k}`));
  const outlines = (["vm", "container", "sandbox"] as const).filter((b) => used.has(b));
  // The legend's wording in the spec's language, less its "outline:" lead (the sample line says it).
  const name = (b: keyof typeof BOUNDARY_NAMES) => uiText(lang, BOUNDARY_NAMES[b]).replace(/^[^:：]*\s?[:：]\s*/, "");
  if (outlines.length > 0) out.push("", outlines.map((b) => `${BORDERS[b].h.repeat(3)} ${name(b)}`).join("   "));
  return `${out.join("\n")}\n`;
}

/** Lines of text centred in a rectangle. */
function centred(canvas: Canvas, { x, y, width, height }: Rect, lines: string[], paint: Paint | undefined): void {
  const top = y + Math.floor((height - lines.length) / 2);
  lines.forEach((line, i) => canvas.put(x + Math.floor((width - stringWidth(line)) / 2), top + i, line, paint));
}

/** A rectangle's outline (its inside left as it is). */
function outline(canvas: Canvas, { x, y, width, height }: Rect, b: Border, paint: Paint | undefined): void {
  // No longer than the canvas: what runs past its edge is cut anyway.
  const across = b.h.repeat(Math.max(0, Math.min(width - 2, canvas.width)));
  canvas.put(x, y, `${b.tl}${across}${b.tr}`, paint);
  for (let r = y + 1; r < y + height - 1; r++) {
    canvas.put(x, r, b.v, paint);
    canvas.put(x + width - 1, r, b.v, paint);
  }
  if (height > 1) canvas.put(x, y + height - 1, `${b.bl}${across}${b.br}`, paint);
}
