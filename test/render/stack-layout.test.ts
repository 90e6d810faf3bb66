import { readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";
import { measurePicture, overlap, pictureFaults, type Box, type PictureGeometry } from "../support/picture-geometry.js";

/**
 * The flowchart template drawn by vstack's stack layout registered with Mermaid (#27, the default
 * template): measured in Chromium, every built-in's
 * frames hold what they isolate, no two boxes overlap, rows are as tall as their content, and no
 * arrow crosses a box it does not start or end at.
 */
const dir = tempDir();
let browser: Browser;

beforeAll(async () => {
  await build({ inputs: builtinFiles(), outDir: dir, cacheDir: join(dir, "cache"), formats: ["svg"], themes: ["light"], template: "flowchart" });
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

async function measure(id: string): Promise<PictureGeometry> {
  const page = await browser.newPage();
  try {
    return await measurePicture(page, readFileSync(join(dir, `${id}.light.svg`), "utf8"));
  } finally {
    await page.close();
  }
}

const inside = (outer: Box, inner: Box) => inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

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
    // (An arrow from inside a frame may cross the frame's header band beside its text.)
    expect(pictureFaults(m).edgesThroughBoxes).toEqual([]);
  });

  it("rows are as tall as their content: no box of any built-in taller than its text and Mermaid's padding", async () => {
    for (const id of ids) {
      const m = await measure(id);
      for (const f of m.fill) expect(f.spare, `${id}: ${f.id}`).toBeLessThanOrEqual(34);
    }
  });

  it("no built-in has text over text, an arrow through a box it does not join, or an arrow through another's label", async () => {
    const faults: string[] = [];
    for (const id of ids) {
      const f = pictureFaults(await measure(id));
      faults.push(...[...f.textOverlaps, ...f.edgesThroughBoxes, ...f.edgesThroughLabels].map((what) => `${id}: ${what}`));
    }
    expect(faults).toEqual([]);
  });
});
