import { join } from "node:path";
import { build as esbuild } from "esbuild";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TemplateSet } from "../../src/emit/templates.js";
import { emitMermaid } from "../../src/emit/emit.js";
import { buildModel } from "../../src/layout/diagram.js";
import type { FlowItem } from "../../src/layout/model.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { ROOT } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * The Mermaid vstack prints must stand on its own where vstack's code is not: pasted into
 * GitLab (Mermaid 10.7), GitHub (11.x) or a site with Mermaid 12, it still shows every box,
 * every frame, every arrow with its label. Each built-in's flowchart text is drawn by plain
 * Mermaid of each of those versions (test/site-tools) in Chromium, and what it drew is counted
 * against the spec's model.
 */
const HOSTS = { "10.7 (GitLab)": "mermaid-10", "11.4 (GitHub)": "mermaid-11", "12.4": "mermaid-12" } as const;
const specs: Spec[] = [];
let browser: Browser;

beforeAll(async () => {
  for (const file of builtinFiles()) specs.push((await loadSpec(file)).spec!);
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
}, 120_000);
afterAll(async () => {
  await browser?.close();
});

interface Counts {
  boxes: number;
  frames: number;
  lines: number;
  labels: string[];
}

/** What the spec's model holds: boxes (a group's own box too, and the legend's), frames (groups, and the legend), lines (stacking and arrows) and the arrows' labels. */
function expected(spec: Spec): Counts {
  const model = buildModel(spec, "light");
  const walk = (items: FlowItem[]): { boxes: number; frames: number } =>
    items.reduce((n, item) => {
      const inner = item.items ? walk(item.items) : { boxes: 0, frames: -1 };
      return { boxes: n.boxes + 1 + inner.boxes, frames: n.frames + 1 + inner.frames };
    }, { boxes: 0, frames: 0 });
  const labels = model.arrows.filter((a) => a.label !== undefined && a.copy === 0).map((a) => a.label!);
  const drawn = walk(model.flow);
  const legend = model.legend.length;
  return { boxes: drawn.boxes + legend, frames: drawn.frames + (legend > 0 ? 1 : 0), lines: model.links.length + model.arrows.length, labels: labels.sort() };
}

/** Draws each text with the Mermaid of `pkg` alone (loaded once, in one page) and counts what is in each SVG. */
async function drawn(pkg: string, texts: string[]): Promise<Counts[]> {
  const page = await browser.newPage();
  try {
    await page.setContent("<!doctype html><body></body>");
    await page.addScriptTag({ path: join(ROOT, "test", "site-tools", "node_modules", pkg, "dist", "mermaid.min.js") });
    return await page.evaluate(async (sources) => {
      const mermaid = (window as unknown as { mermaid: { initialize(c: object): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
      const visible = (el: Element) => {
        const box = (el as SVGGraphicsElement).getBBox();
        return box.width > 0 && box.height > 0;
      };
      const out = [];
      for (const [i, source] of sources.entries()) {
        const { svg } = await mermaid.render(`standalone${i}`, source);
        document.body.innerHTML = svg;
        const root = document.querySelector("svg")!;
        out.push({
          boxes: Array.from(root.querySelectorAll("g.node")).filter(visible).length,
          frames: Array.from(root.querySelectorAll("g.cluster")).filter(visible).length,
          lines: Array.from(root.querySelectorAll("path.flowchart-link")).filter((p) => (p as SVGPathElement).getTotalLength() > 0).length,
          // Compared without white space: a label printed in lines is the same words.
          labels: Array.from(root.querySelectorAll("g.edgeLabel"), (l) => (l.textContent ?? "").replace(/\s+/g, "")).filter((t) => t !== "").sort(),
        });
      }
      return out;
    }, texts);
  } finally {
    await page.close();
  }
}

describe.each(Object.entries(HOSTS))("plain Mermaid %s draws every built-in's flowchart text whole", (_, pkg) => {
  it("every box, frame, line and arrow label of every built-in", async () => {
    const templates = new TemplateSet();
    const got = await drawn(pkg, specs.map((spec) => emitMermaid(spec, "light", templates, "flowchart")));
    specs.forEach((spec, i) => {
      const want = expected(spec);
      expect(got[i], spec.id).toEqual({ ...want, labels: want.labels.map((l) => l.replace(/\s+/g, "")).sort() });
    });
  });
});

/**
 * Excalidraw's "Mermaid to Excalidraw" import (the library excalidraw.com uses; it lays the text
 * out with Pele, not Mermaid) turns each built-in's flowchart text into shapes to edit: a box
 * with its words, fill, outline colour and dash for every node, a rectangle for every frame,
 * and every line and arrow with its label.
 */
describe("Excalidraw's Mermaid import", () => {
  it("makes every box (its words, fill, outline and dash), frame, line and arrow label of every built-in a shape", async () => {
    const tools = join(ROOT, "test", "site-tools");
    const bundled = await esbuild({
      stdin: { contents: 'import { parseMermaidToExcalidraw } from "@excalidraw/mermaid-to-excalidraw"; window.toExcalidraw = parseMermaidToExcalidraw;', resolveDir: tools },
      bundle: true,
      format: "esm",
      write: false,
      logLevel: "silent",
    });
    const page = await browser.newPage();
    try {
      await page.setContent("<!doctype html><body></body>");
      await page.addScriptTag({ content: bundled.outputFiles[0]!.text, type: "module" });
      await page.waitForFunction(() => typeof (window as unknown as { toExcalidraw?: unknown }).toExcalidraw === "function");
      const templates = new TemplateSet();
      for (const spec of specs) {
        const text = emitMermaid(spec, "light", templates, "flowchart");
        const elements = await page.evaluate(async (source) => {
          type Element = { type: string; id: string; label?: { text: string }; backgroundColor?: string; strokeColor?: string; strokeStyle?: string };
          const convert = (window as unknown as { toExcalidraw: (t: string) => Promise<{ elements: Element[] }> }).toExcalidraw;
          return (await convert(source)).elements.map((e) => ({ type: e.type, id: e.id, label: e.label?.text ?? "", fill: e.backgroundColor, stroke: e.strokeColor, dashed: e.strokeStyle === "dashed" }));
        }, text);
        const want = expected(spec);
        const rectangles = elements.filter((e) => e.type === "rectangle");
        const arrows = elements.filter((e) => e.type === "arrow");
        // A frame's title is blank (its unit's own box names it): the boxes are the labelled rectangles.
        expect(rectangles.filter((r) => r.label.trim() !== "").length, spec.id).toBe(want.boxes);
        expect(rectangles.filter((r) => r.label.trim() === "").length, spec.id).toBe(want.frames);
        expect(arrows.length, spec.id).toBe(want.lines);
        expect(arrows.map((a) => a.label.replace(/\s+/g, "")).filter((l) => l !== "").sort(), spec.id).toEqual(want.labels.map((l) => l.replace(/\s+/g, "")).sort());
        // Each box keeps its kind's colours, and its boundary's dash (a sandbox's dots come in as dashes).
        const byId = new Map(rectangles.map((r) => [r.id, r]));
        for (const cls of buildModel(spec, "light").classes) {
          for (const id of cls.nodeIds.split(",")) {
            const box = byId.get(id);
            expect(box, `${spec.id}: ${id}`).toBeDefined();
            expect([box!.fill, box!.stroke, box!.dashed], `${spec.id}: ${id}`).toEqual([cls.fill, cls.stroke, cls.dash !== undefined]);
          }
        }
      }
    } finally {
      await page.close();
    }
  }, 120_000);
});
