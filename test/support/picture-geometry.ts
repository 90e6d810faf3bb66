import type { Page } from "puppeteer-core";

/**
 * What a reader sees in a flowchart vstack drew, measured in Chromium: its boxes, frames, arrows,
 * arrow labels and every line of text, in page pixels. The stack-layout tests and `npm run bench`
 * (its overlap counts) read pictures through this one function.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Box extends Rect {
  id: string;
}
export interface PictureGeometry {
  boxes: Box[];
  frames: Box[];
  /** Each arrow's straight runs, with the ids of the boxes it joins and its own id. */
  arrows: Array<{ id: string; from: string; to: string; segments: Array<[number, number, number, number]> }>;
  /** Each arrow label's extent, by the arrow's id. */
  labels: Box[];
  /** Every line of text drawn (boxes, labels, legend, caption). */
  texts: Rect[];
  /** How much taller each box (but a span) is than its row's tallest text: Mermaid's padding, and no more. */
  fill: Array<{ id: string; spare: number }>;
}

/** Measures the SVG `svgText` on `page` (which it replaces the content of). */
export async function measurePicture(page: Page, svgText: string): Promise<PictureGeometry> {
  await page.setContent(`<!doctype html><body style="margin:0">${svgText}</body>`);
  // tsx (the bench) names functions with a helper the page does not have.
  await page.evaluate("globalThis.__name ??= (f) => f");
  return page.evaluate(() => {
    const svg = document.querySelector("svg")!;
    const rect = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const nodeId = (g: Element) => g.id.replace(/^.*?-flowchart-/, "").replace(/-\d+$/, "");
    const boxes = Array.from(svg.querySelectorAll("g.node")).map((g) => ({ id: nodeId(g), ...rect(g.querySelector("rect, path, polygon") ?? g) }));
    const frames = Array.from(svg.querySelectorAll("g.cluster")).map((g) => ({ id: g.id.replace(/^.*?-?(?=[^-]*_frame$)/, ""), ...rect(g.querySelector("rect")!) }));
    const arrows = Array.from(svg.querySelectorAll("path.flowchart-link")).map((p) => {
      const id = (p.getAttribute("id") ?? "").replace(/^.*?(?=L_)/, "");
      // Each line names the boxes it joins (stack-layout-plugin.ts).
      const [from, to] = [p.getAttribute("data-from") ?? "", p.getAttribute("data-to") ?? ""];
      const points: number[][] = [];
      const ctm = (p as SVGPathElement).getScreenCTM()!;
      for (const [, x, y] of (p.getAttribute("d") ?? "").matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)) {
        const pt = new DOMPoint(Number(x), Number(y)).matrixTransform(ctm);
        points.push([pt.x, pt.y]);
      }
      const segments = points.slice(1).map((q, i) => [points[i]![0]!, points[i]![1]!, q[0]!, q[1]!] as [number, number, number, number]);
      return { id, from: from!, to: to!, segments };
    });
    const labels = Array.from(svg.querySelectorAll("g.edgeLabel g.label")).map((g) => ({ id: g.getAttribute("data-id") ?? "", ...rect(g) }));
    const texts = Array.from(svg.querySelectorAll("text")).filter((t) => (t.textContent ?? "").trim() !== "").map(rect);
    // Boxes side by side share their row's base and height: each is measured against the row's tallest text.
    const rows = new Map<number, Array<{ id: string; height: number; text: number }>>();
    // (A box that spans its row is as tall as the frames beside it, not as its text.)
    // (Nor is a layer drawn as tall as a row lined up with frames beside it.)
    for (const g of Array.from(svg.querySelectorAll("g.node:not(.vstackSpan):not(.vstackFilled)"))) {
      const box = rect(g.querySelector("rect, path, polygon") ?? g);
      const text = g.querySelector("g.label");
      const base = Math.round(box.y + box.height);
      rows.set(base, [...(rows.get(base) ?? []), { id: nodeId(g), height: box.height, text: text ? rect(text).height : 0 }]);
    }
    const fill = [...rows.values()].flatMap((row) => row.map((b) => ({ id: b.id, spare: b.height - Math.max(...row.map((r) => r.text)) })));
    return { boxes, frames, arrows, labels, texts, fill };
  });
}

/** More than a pixel of overlap. */
export const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;

/** Whether an axis-parallel segment passes through the inside of a rectangle (more than a pixel in). */
export const crosses = ([x1, y1, x2, y2]: [number, number, number, number], b: Rect) =>
  Math.max(x1, x2) > b.x + 1 && Math.min(x1, x2) < b.x + b.width - 1 && Math.max(y1, y2) > b.y + 1 && Math.min(y1, y2) < b.y + b.height - 1;

/**
 * What a reader would call a fault: lines of text over one another (text boxes are trimmed by a
 * quarter of their height top and bottom, the room a font keeps above and below its letters), an
 * arrow through a box it does not join, and an arrow through another arrow's label.
 */
export function pictureFaults(m: PictureGeometry): { textOverlaps: string[]; edgesThroughBoxes: string[]; edgesThroughLabels: string[] } {
  const ink = m.texts.map((t) => ({ ...t, y: t.y + t.height / 4, height: t.height / 2 }));
  const textOverlaps: string[] = [];
  for (let i = 0; i < ink.length; i++) for (let j = i + 1; j < ink.length; j++) if (overlap(ink[i]!, ink[j]!)) textOverlaps.push(`text ${i} / text ${j}`);
  const edgesThroughBoxes: string[] = [];
  const edgesThroughLabels: string[] = [];
  const holds = (o: Rect, i: Rect) => i.x >= o.x - 1 && i.y >= o.y - 1 && i.x + i.width <= o.x + o.width + 1 && i.y + i.height <= o.y + o.height + 1;
  const byId = new Map(m.boxes.map((b) => [b.id, b]));
  for (const arrow of m.arrows) {
    for (const box of m.boxes) {
      if (box.id === arrow.from || box.id === arrow.to || !arrow.segments.some((s) => crosses(s, box))) continue;
      // A frame's header band is open to an arrow with an end inside the frame, but for its text.
      const frame = m.frames.find((f) => f.id === `${box.id}_frame`);
      const inside = frame && [arrow.from, arrow.to].some((end) => byId.has(end) && holds(frame, byId.get(end)!));
      if (!inside) edgesThroughBoxes.push(`${arrow.id} through ${box.id}`);
      else if (m.texts.some((t) => holds(box, t) && arrow.segments.some((s) => crosses(s, t)))) edgesThroughBoxes.push(`${arrow.id} through the text of ${box.id}`);
    }
    for (const label of m.labels) if (label.id !== arrow.id && arrow.segments.some((s) => crosses(s, label))) edgesThroughLabels.push(`${arrow.id} through the label of ${label.id}`);
  }
  return { textOverlaps, edgesThroughBoxes, edgesThroughLabels };
}
