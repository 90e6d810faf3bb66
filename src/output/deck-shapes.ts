import type pptxgenjs from "pptxgenjs";
import { colourValue } from "../colour.js";
import type { LegendEntry } from "../layout/decorations.js";
import type { Lang } from "../langs.js";
import type { Scene } from "../layout/scene.js";
import type { Rect } from "../layout/stack-layout.js";
import { textWidth } from "../layout/text-width.js";

// pptxgenjs's types describe its CommonJS build (see deck.ts).
type Pptx = InstanceType<typeof pptxgenjs.default>;
type Slide = pptxgenjs.default.Slide;
type Line = pptxgenjs.default.ShapeLineProps;

/** What an editable slide draws: the placed diagram, its legend, and the theme's ink and paper. */
export interface SlideShapes {
  scene: Scene;
  legend: LegendEntry[];
  ink: string;
  paper: string;
}

/**
 * The face and language tag a deck's text is set in: Noto Sans, whose Latin widths the layout
 * measured; for Chinese Noto Sans CJK SC (Noto Sans has no CJK glyphs, and the face an
 * application falls back to may be the Japanese one). The tag lets the application pick its own
 * face when it has neither. (Impress adds space between Chinese and Latin text, so a mixed line
 * may run a little past its box.)
 */
export function deckFont(lang: Lang = "en"): { fontFace: string; lang: string } {
  return lang === "zh" ? { fontFace: "Noto Sans CJK SC", lang: "zh-CN" } : { fontFace: "Noto Sans", lang: LANG_TAGS[lang] };
}
const LANG_TAGS: Record<Lang, string> = { en: "en-US", de: "de-DE", fr: "fr-FR", it: "it-IT", zh: "zh-CN" };

/** A shape drawn along points (pptxgenjs has it, its type list does not name it). */
const CUSTOM_GEOMETRY = "custGeom" as pptxgenjs.default.ShapeType;
/** Legend rows, in the scene's pixels: a swatch, its words, and room between entries and rows. */
const LEGEND = { swatch: { width: 22, height: 14 }, line: 44, gap: 8, spacing: 24, row: 24, top: 16 };
/** A numbered marker's diameter, as the picture draws it. */
const MARKER = 20;
/** The key's lines start at the drawing's margin. */
const MARGIN_X = 8;

/**
 * Draws a stack diagram on a slide as PowerPoint shapes, fitted into `area` (inches), centred:
 * each box a rectangle holding its text, each frame an outline round what it isolates, each
 * arrow a line with its head, its label a text box; under it the legend and the key of numbered
 * arrows. Every piece can be moved, restyled and retyped in PowerPoint, Keynote, LibreOffice or
 * Google Slides, which all draw these shapes (no SVG needed).
 */
export function drawShapes(pptx: Pptx, slide: Slide, { scene, legend, ink, paper }: SlideShapes, area: { x: number; y: number; w: number; h: number }, lang?: Lang): void {
  const { k, x0, y0, under } = fitShapes({ scene, legend }, area);
  const place = (r: Rect) => ({ x: x0 + r.x * k, y: y0 + r.y * k, w: r.width * k, h: r.height * k });
  /** Points from CSS pixels at this scale (1 in = 72 pt). */
  const pt = (px: number) => Math.round(px * k * 72 * 100) / 100;
  const outline = (stroke: string, width: number, dash?: string): Line => {
    const colour = paint(stroke);
    return colour ? { ...colour, width: pt(width), ...(dash && { dashType: dashOf(dash) }) } : { type: "none" };
  };
  const fill = (colour: string) => paint(colour) ?? { type: "none" as const };
  const inkPaint = paint(ink)!;
  // The lines come wrapped as the picture wraps them: the application only centres them.
  const text = { ...deckFont(lang), color: inkPaint.color, margin: 0, align: "center", valign: "middle", wrap: false } as const;

  // Each shape named for what it is (the selection pane lists them so): a box by its words.
  const names = new Map(scene.boxes.map((b) => [b.id, [...b.label, ...b.detail].join(" ")]));
  for (const f of scene.frames) {
    if (f.bare) continue;
    slide.addShape(pptx.ShapeType.rect, { objectName: `Frame: ${names.get(f.id)}`, ...place(f.rect), fill: { type: "none" }, line: outline(f.look.stroke, f.look.strokeWidth, f.look.dash) });
  }
  for (const a of scene.arrows) {
    const xs = a.points.map((p) => p[0]);
    const ys = a.points.map((p) => p[1]);
    const [left, top] = [Math.min(...xs), Math.min(...ys)];
    slide.addShape(CUSTOM_GEOMETRY, {
      objectName: `Arrow: ${names.get(a.from)} → ${names.get(a.to)}`,
      ...place({ x: left, y: top, width: Math.max(...xs) - left, height: Math.max(...ys) - top }),
      points: a.points.map(([x, y]) => ({ x: (x - left) * k, y: (y - top) * k })),
      line: { ...outline(ink, a.strokeWidth, a.dash), endArrowType: "triangle", ...(a.both && { beginArrowType: "triangle" }) },
    });
  }
  for (const b of scene.boxes) {
    const color = paint(b.look.color)?.color ?? text.color;
    const lines = [...b.label.map((line) => ({ line, bold: true, size: scene.fontSize })), ...b.detail.map((line) => ({ line, bold: false, size: scene.detailSize }))];
    const runs = lines.map(({ line, bold, size }, i) => ({ text: line, options: { bold, fontSize: pt(size), color, breakLine: i < lines.length - 1 } }));
    const look = b.bare ? { fill: { type: "none" as const }, line: { type: "none" as const } } : { fill: fill(b.look.fill), line: outline(b.look.stroke, b.look.strokeWidth, b.look.dash) };
    slide.addText(runs, { ...text, objectName: names.get(b.id)!, shape: pptx.ShapeType.rect, ...place(b.rect), ...look });
  }
  const paperFill = fill(paper);
  // A number where a label had no room: a disc in the ink, the number in the paper's colour, as the picture's.
  const marker = (n: number, x: number, y: number, name: string) =>
    slide.addText(String(n), { ...text, objectName: name, shape: pptx.ShapeType.ellipse, ...place({ x: x - MARKER / 2, y: y - MARKER / 2, width: MARKER, height: MARKER }), fontSize: pt(12), bold: true, color: paint(paper)?.color ?? "FFFFFF", fill: fill(ink), line: outline(paper, 1.5) });
  for (const a of scene.arrows) {
    const about = `${names.get(a.from)} → ${names.get(a.to)}`;
    if (a.label) slide.addText(a.label.lines.join("\n"), { ...text, objectName: `Label: ${about}`, ...place(a.label.rect), fontSize: pt(scene.fontSize), fill: paperFill });
    if (a.marker) marker(a.marker.n, a.marker.x, a.marker.y, `Number ${a.marker.n}: ${about}`);
  }
  // The key and legend, row by row under the drawing.
  const legendText = { ...text, align: "left", fontSize: pt(scene.detailSize) } as const;
  for (const e of under.entries) {
    const top = scene.height + e.y;
    const at = { x: e.x, y: top + (LEGEND.row - LEGEND.swatch.height) / 2, width: e.sample, height: LEGEND.swatch.height };
    if (e.key !== undefined) marker(e.key, e.x + MARKER / 2, top + LEGEND.row / 2, `Key ${e.key}`);
    else if (e.entry?.line) slide.addShape(pptx.ShapeType.line, { objectName: `Legend: ${e.words}`, ...place({ ...at, y: at.y + LEGEND.swatch.height / 2, height: 0 }), line: { ...outline(e.entry.stroke, e.entry.strokeWidth, e.entry.dash), endArrowType: "triangle" } });
    else if (e.entry) slide.addShape(pptx.ShapeType.rect, { objectName: `Legend: ${e.words}`, ...place(at), fill: fill(e.entry.fill), line: outline(e.entry.stroke, e.entry.strokeWidth, e.entry.dash) });
    slide.addText(e.words, { ...legendText, ...place({ x: e.x + e.sample + 6, y: top, width: e.width, height: LEGEND.row }) });
  }
}

/**
 * Where the scene goes in `area` (inches): `k` inches per pixel, its top-left at (x0, y0); centred,
 * with what goes under it (`under`: the key and legend, laid out once here).
 */
export function fitShapes({ scene, legend }: Pick<SlideShapes, "scene" | "legend">, area: { x: number; y: number; w: number; h: number }) {
  const under = legendRows(scene, legend);
  const height = scene.height + under.height;
  const k = Math.min(area.w / scene.width, area.h / height);
  return { k, x0: area.x + (area.w - scene.width * k) / 2, y0: area.y + (area.h - height * k) / 2, under };
}

/**
 * What goes under the drawing, as the picture has it: the key of numbered arrows (a disc with its
 * number, then the words), then the legend's entries centred in rows as wide as the scene; each
 * with its sample's width (a line style's is longer, so its dash shows) and y from the scene's bottom.
 */
function legendRows(scene: Scene, legend: LegendEntry[]) {
  const size = scene.detailSize;
  const entries: Array<{ x: number; y: number; width: number; words: string; sample: number; entry?: LegendEntry; key?: number }> = [];
  let y = LEGEND.top;
  for (const key of scene.keys) {
    entries.push({ x: MARGIN_X, y, width: Math.min(scene.width - 2 * MARGIN_X - MARKER - 6, textWidth(key.text, false, size) + 4), words: key.text, sample: MARKER, key: key.n });
    y += LEGEND.row;
  }
  const rows: Array<typeof entries> = [];
  let x = 0;
  for (const entry of legend) {
    const width = textWidth(entry.label, false, size) + 4;
    const sample = entry.line ? LEGEND.line : LEGEND.swatch.width;
    const whole = sample + 6 + width;
    if (rows.length === 0 || (x > 0 && x + whole > scene.width)) [rows[rows.length], x] = [[], 0];
    rows.at(-1)!.push({ x, y: y + (rows.length - 1) * LEGEND.row, width, words: entry.label, sample, entry });
    x += whole + LEGEND.spacing;
  }
  for (const row of rows) {
    const last = row.at(-1)!;
    const shift = (scene.width - (last.x + last.sample + 6 + last.width)) / 2;
    entries.push(...row.map((e) => ({ ...e, x: e.x + shift })));
  }
  y += rows.length * LEGEND.row;
  return { entries, height: entries.length > 0 ? y + LEGEND.gap : 0 };
}

/** A CSS colour as PowerPoint takes it (hex without `#`, transparency in percent); none when fully transparent. */
function paint(colour: string): { color: string; transparency: number } | undefined {
  const hex = colourValue(colour);
  if (!hex) return undefined;
  const alpha = parseInt(hex.slice(7, 9), 16) / 255;
  if (alpha === 0) return undefined;
  return { color: hex.slice(1, 7).toUpperCase(), transparency: Math.round((1 - alpha) * 100) };
}

/** An SVG dash pattern as one of PowerPoint's: short dots for a dotted outline, dashes otherwise. */
function dashOf(dash: string): "sysDot" | "dash" {
  const first = Number(dash.trim().split(/[\s,]+/)[0]);
  return first <= 2 ? "sysDot" : "dash";
}
