import { readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/index.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec/builtins.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * The flowchart template drawn by vstack's stack layout registered with Mermaid (#27, opt-in as
 * `--template flowchart` until it replaces the block grid): measured in Chromium, every built-in's
 * frames hold what they isolate, no two boxes overlap, rows are as tall as their content, and no
 * arrow crosses a box it does not start or end at.
 */
const dir = tempDir();
let browser: Browser;

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Measured {
  boxes: Box[];
  frames: Box[];
  /** Each arrow's segments, with the ids of the boxes it joins. */
  arrows: Array<{ from: string; to: string; segments: Array<[number, number, number, number]> }>;
  /** How much taller each box is than its text: Mermaid's padding, and no more. */
  fill: Array<{ id: string; spare: number }>;
}

beforeAll(async () => {
  await build({ inputs: builtinFiles(), outDir: dir, cacheDir: join(dir, "cache"), formats: ["svg"], themes: ["light"], template: "flowchart" });
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

async function measure(id: string): Promise<Measured> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><body style="margin:0">${readFileSync(join(dir, `${id}.light.svg`), "utf8")}</body>`);
    return await page.evaluate(() => {
      const svg = document.querySelector("svg")!;
      const rect = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const nodeId = (g: Element) => g.id.replace(/^.*?-flowchart-/, "").replace(/-\d+$/, "");
      const boxes = Array.from(svg.querySelectorAll("g.node")).map((g) => ({ id: nodeId(g), ...rect(g.querySelector("rect, path, polygon") ?? g) }));
      const frames = Array.from(svg.querySelectorAll("g.cluster")).map((g) => ({ id: g.id.replace(/^.*?-?(?=[^-]*_frame$)/, ""), ...rect(g.querySelector("rect")!) }));
      const ids = new Set(boxes.map((b) => b.id));
      /** `L_<from>_<to>_<n>`: ids hold underscores too, so the split is the one that names two boxes. */
      const ends = (edgeId: string) => {
        const middle = edgeId.replace(/^.*?L_/, "").replace(/_\d+$/, "");
        for (let i = middle.indexOf("_"); i > 0; i = middle.indexOf("_", i + 1)) if (ids.has(middle.slice(0, i)) && ids.has(middle.slice(i + 1))) return [middle.slice(0, i), middle.slice(i + 1)];
        return ["", ""];
      };
      const arrows = Array.from(svg.querySelectorAll("path.flowchart-link")).map((p) => {
        const [from, to] = ends(p.getAttribute("id") ?? "");
        const points: number[][] = [];
        const path = p as SVGPathElement;
        const ctm = path.getScreenCTM()!;
        const d = p.getAttribute("d") ?? "";
        for (const [, x, y] of d.matchAll(/[ML]\s*(-?[\d.]+)[ ,](-?[\d.]+)/g)) {
          const pt = new DOMPoint(Number(x), Number(y)).matrixTransform(ctm);
          points.push([pt.x, pt.y]);
        }
        const segments = points.slice(1).map((q, i) => [points[i]![0]!, points[i]![1]!, q[0]!, q[1]!] as [number, number, number, number]);
        return { from: from!, to: to!, segments };
      });
      // Boxes side by side share their row's base and height: each is measured against the row's tallest text.
      const rows = new Map<number, Array<{ id: string; height: number; text: number }>>();
      for (const g of Array.from(svg.querySelectorAll("g.node"))) {
        const box = rect(g.querySelector("rect, path, polygon") ?? g);
        const text = g.querySelector("text, .label");
        const base = Math.round(box.y + box.height);
        rows.set(base, [...(rows.get(base) ?? []), { id: nodeId(g), height: box.height, text: text ? rect(text).height : 0 }]);
      }
      const fill = [...rows.values()].flatMap((row) => row.map((b) => ({ id: b.id, spare: b.height - Math.max(...row.map((r) => r.text)) })));
      return { boxes, frames, arrows, fill };
    });
  } finally {
    await page.close();
  }
}

const inside = (outer: Box, inner: Box) => inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;
const overlap = (a: Box, b: Box) => a.x < b.x + b.width - 1 && b.x < a.x + a.width - 1 && a.y < b.y + b.height - 1 && b.y < a.y + a.height - 1;
/** Whether an axis-parallel segment passes through the inside of a box (more than a pixel in). */
const crosses = ([x1, y1, x2, y2]: [number, number, number, number], b: Box) =>
  Math.max(x1, x2) > b.x + 1 && Math.min(x1, x2) < b.x + b.width - 1 && Math.max(y1, y2) > b.y + 1 && Math.min(y1, y2) < b.y + b.height - 1;

describe("vstack's stack layout (the flowchart template, drawn by vstack)", () => {
  const ids = builtinFiles().map((f) => f.replace(/^.*[\\/]/, "").replace(/\.yaml$/, ""));

  it.each(["vm-vs-container", "docker-engine-linux", "docker-desktop-macos", "xen", "kubernetes-node"])("%s: frames hold their stacks, boxes never overlap, arrows never cross a box", async (id) => {
    const m = await measure(id);
    expect(m.frames.length).toBeGreaterThan(0);
    // The arrows were read: each joins two boxes of the picture and has a line.
    for (const arrow of m.arrows) {
      expect(m.boxes.some((b) => b.id === arrow.from) && m.boxes.some((b) => b.id === arrow.to), `${arrow.from} → ${arrow.to}`).toBe(true);
      expect(arrow.segments.length).toBeGreaterThan(0);
    }
    for (const frame of m.frames) {
      const own = m.boxes.find((b) => `${b.id}_frame` === frame.id);
      expect(own, frame.id).toBeDefined();
      expect(inside(frame, own!), frame.id).toBe(true);
    }
    // A layer is a band its stack's full width: the bottom layer spans every box above it.
    const base = m.boxes.find((b) => b.id === "e0" || b.id === "s0_e0")!;
    // (A compared stack's caption is its frame's header band, the frame's full width: not in the stack.)
    const stack = m.boxes.filter((b) => (b.id === "e0" || !b.id.startsWith("s") || b.id.startsWith("s0_")) && !b.id.endsWith("_title"));
    expect(base.width).toBeGreaterThanOrEqual(Math.max(...stack.map((b) => b.x + b.width)) - Math.min(...stack.map((b) => b.x)) - 1);
    for (let i = 0; i < m.boxes.length; i++) for (let j = i + 1; j < m.boxes.length; j++) expect(overlap(m.boxes[i]!, m.boxes[j]!), `${m.boxes[i]!.id} / ${m.boxes[j]!.id}`).toBe(false);
    for (const arrow of m.arrows) {
      for (const box of m.boxes) {
        if (box.id === arrow.from || box.id === arrow.to) continue;
        for (const s of arrow.segments) expect(crosses(s, box), `${arrow.from} → ${arrow.to} crosses ${box.id}`).toBe(false);
      }
    }
  });

  it("rows are as tall as their content: no box of any built-in taller than its text and Mermaid's padding", async () => {
    for (const id of ids) {
      const m = await measure(id);
      for (const f of m.fill) expect(f.spare, `${id}: ${f.id}`).toBeLessThanOrEqual(34);
    }
  });
});
