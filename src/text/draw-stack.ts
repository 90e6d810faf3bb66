import stringWidth from "string-width";
import { uiText } from "../i18n/ui-strings.js";
import type { Lang } from "../langs.js";
import { buildModel } from "../layout/diagram.js";
import type { ClassModel, DiagramModel, GridCell } from "../layout/model.js";
import { wrapBox } from "./wrap.js";
import { BOUNDARY_NAMES, type Theme } from "../kinds/palette.js";
import type { Spec } from "../spec-format/types.js";

/**
 * A diagram drawn with Unicode box characters for a terminal: the same grid the block template
 * prints (columns, spans, units, comparisons side by side), each box's outline saying its
 * boundary as the picture's does (heavy: VM, dashed: container, dotted: sandbox), links as a
 * numbered list under it. Widths are measured in terminal cells (string-width: East Asian wide
 * characters and emoji take two), so CJK labels line up.
 */
export interface TextOptions {
  /** Terminal columns to fill. */
  width: number;
  /** ANSI 24-bit colours from the palette: fills, outlines, text. */
  color: boolean;
  /** The language of the outlines' key under the drawing (the labels come translated in the model). */
  lang?: Lang;
}

type Border = { h: string; v: string; tl: string; tr: string; bl: string; br: string };
const BORDERS: Record<"none" | "vm" | "container" | "sandbox", Border> = {
  none: { h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘" },
  vm: { h: "━", v: "┃", tl: "┏", tr: "┓", bl: "┗", br: "┛" },
  container: { h: "╌", v: "╎", tl: "┌", tr: "┐", bl: "└", br: "┘" },
  sandbox: { h: "┈", v: "┊", tl: "┌", tr: "┐", bl: "└", br: "┘" },
};

/** The boundary a class's outline draws, read back from its width and dash (palette.ts BOUNDARY_OUTLINES). */
function boundaryOf(cls: ClassModel | undefined): keyof typeof BORDERS {
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
  // Column c starts at x[c]: the grid's columns spread over the width.
  const x = Array.from({ length: model.columns + 1 }, (_, c) => Math.round((c * width) / model.columns));
  const lines: string[] = [];
  const used = new Set<keyof typeof BORDERS>();
  for (const row of model.rows) {
    let col = 0;
    const boxes = row.cells.map((cell) => {
      const left = x[col]!;
      col += cell.span;
      return { cell, left, right: x[col]! };
    });
    const height = Math.max(1, ...boxes.map(({ cell, left, right }) => (cell.space ? 0 : textOf(cell, roomIn(right - left)).length)));
    const band = Array.from({ length: height + 2 }, () => "");
    for (const { cell, left, right } of boxes) {
      const w = right - left;
      if (cell.space) {
        band.forEach((_, i) => (band[i] += " ".repeat(w)));
        continue;
      }
      const cls = classOf.get(cell.nodeId);
      const text = textOf(cell, roomIn(w));
      const top = Math.floor((height - text.length) / 2);
      const body = Array.from({ length: height }, (_, i) => text[i - top] ?? "");
      if (cell.kind === "caption") {
        band[0] += " ".repeat(w);
        body.forEach((t, i) => (band[i + 1] += centre(t, w)));
        band[height + 1] += " ".repeat(w);
        continue;
      }
      const boundary = boundaryOf(cls);
      if (boundary !== "none") used.add(boundary);
      const b = BORDERS[boundary];
      const paint = (s: string, part: "line" | "text") => (color && cls ? ansi(s, part === "line" ? cls.stroke : cls.color, cls.fill) : s);
      band[0] += paint(`${b.tl}${b.h.repeat(Math.max(0, w - 2))}${b.tr}`, "line");
      body.forEach((t, i) => (band[i + 1] += `${paint(b.v, "line")}${paint(centre(t, w - 2), "text")}${paint(b.v, "line")}`));
      band[height + 1] += paint(`${b.bl}${b.h.repeat(Math.max(0, w - 2))}${b.br}`, "line");
    }
    lines.push(...band.map((l) => l.trimEnd()));
  }
  const keys = [...new Set(model.arrows.map((a) => `${a.ends}${a.label !== undefined ? `: ${a.label}` : ""}`))];
  if (keys.length > 0) lines.push("", ...keys.map((k, i) => `${i + 1}. ${k}`));
  const outlines = (["vm", "container", "sandbox"] as const).filter((b) => used.has(b));
  // The legend's wording in the spec's language, less its "outline:" lead (the sample line says it).
  const name = (b: keyof typeof BOUNDARY_NAMES) => uiText(lang, BOUNDARY_NAMES[b]).replace(/^[^:：]*\s?[:：]\s*/, "");
  if (outlines.length > 0) lines.push("", outlines.map((b) => `${BORDERS[b].h.repeat(3)} ${name(b)}`).join("   "));
  return `${lines.join("\n")}\n`;
}

/** A box's label and detail as lines of at most `room` cells. */
function textOf(cell: GridCell, room: number): string[] {
  return cell.space ? [] : wrapBox(cell, room);
}

/** The cells for text in a box `w` wide: inside its borders, with a space each side where it has room for one. */
function roomIn(w: number): number {
  return w - 2 - (w >= 12 ? 2 : 0);
}

function centre(text: string, w: number): string {
  const free = Math.max(0, w - stringWidth(text));
  return `${" ".repeat(Math.floor(free / 2))}${text}${" ".repeat(Math.ceil(free / 2))}`;
}

function ansi(text: string, fg: string, bg: string): string {
  const rgb = (hex: string) => (/^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(";") : undefined);
  const f = rgb(fg);
  const b = rgb(bg);
  return `${f ? `\x1b[38;2;${f}m` : ""}${b ? `\x1b[48;2;${b}m` : ""}${text}\x1b[0m`;
}
