import { readFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";
import { buildModel } from "../../src/layout/diagram.js";
import { DEFAULT_LAYOUT } from "../../src/layout/fit-width.js";
import { placeModel } from "../../src/layout/scene.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
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

/** `wide`: on a page wider than the picture, so it is drawn at its own size (else fitted to 800 px). */
async function measure(id: string, wide = false): Promise<PictureGeometry> {
  const page = await browser.newPage();
  try {
    if (wide) await page.setViewport({ width: 4000, height: 800 });
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

  // The model a printer without a browser reads (the editable deck): the same layout and router
  // over sizes from vstack's font metrics instead of Chromium's measures.
  it("places every box, frame and arrow label of the scene (layout/scene.ts) where the picture has them, within a few pixels", async () => {
    let worst = { id: "", by: 0 };
    const deviations: number[] = [];
    const labels: Array<{ id: string; by: number }> = [];
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      const scene = placeModel(buildModel(spec!, "light", DEFAULT_LAYOUT), DEFAULT_LAYOUT);
      const m = await measure(spec!.id, true);
      const drawn = new Map([...m.boxes, ...m.frames.map((f) => ({ ...f, id: f.id.replace(/_frame$/, "") + "#frame" }))].map((b) => [b.id, b]));
      const placed = [...scene.boxes.map((b) => ({ id: b.id, ...b.rect })), ...scene.frames.map((f) => ({ id: `${f.id}#frame`, ...f.rect }))];
      expect(placed.length, spec!.id).toBe(m.boxes.length + m.frames.length);
      // The two pictures are placed apart by the page's margin: compared from the first layer.
      const [a, b] = [drawn.get(placed[0]!.id)!, placed[0]!];
      for (const p of placed) {
        const d = drawn.get(p.id);
        expect(d, `${spec!.id}: ${p.id}`).toBeDefined();
        const by = Math.max(Math.abs(d!.x - a.x - (p.x - b.x)), Math.abs(d!.y - a.y - (p.y - b.y)), Math.abs(d!.width - p.width), Math.abs(d!.height - p.height));
        if (by > worst.by) worst = { id: `${spec!.id}: ${p.id}`, by };
        deviations.push(by);
      }
      // Each arrow label the picture shows by its line, or its number where it found no room, the
      // scene has there too (compared by centre).
      for (const label of m.labels) {
        const arrow = m.arrows.find((r) => r.id === label.id)!;
        const routed = scene.arrows.find((r) => r.from === arrow.from && r.to === arrow.to);
        const own = routed?.label?.rect ?? (routed?.marker && { x: routed.marker.x, y: routed.marker.y, width: 0, height: 0 });
        expect(own, `${spec!.id}: the label of ${arrow.from} → ${arrow.to}`).toBeDefined();
        const centre = (r: { x: number; y: number; width: number; height: number }) => [r.x + r.width / 2, r.y + r.height / 2];
        const [[dx, dy], [sx, sy]] = [centre(label), centre(own!)];
        const by = Math.max(Math.abs(dx! - a.x - (sx! - b.x)), Math.abs(dy! - a.y - (sy! - b.y)));
        labels.push({ id: `${spec!.id}: label of ${arrow.from} → ${arrow.to}`, by });
      }
    }
    // Measured today: of 598 boxes and frames, 100 off by more than 2 px, 24 by more than 4, none
    // by 6, all of them across, in 9 specs: Chromium kerns and the metrics do not, so a row whose
    // boxes are wrapped to fill the width comes out a few pixels narrower; heights agree within
    // 0.1 px. Of 73 arrow labels and numbers, 71 within 4 px; two (guest-hardware-access's
    // "virtqueues in shared memory", kata-containers' "/dev/kvm") are placed 45-50 px along their
    // line, where the router's search found room first with the other widths.
    const share = (px: number) => deviations.filter((d) => d > px).length / deviations.length;
    expect(worst.by, worst.id).toBeLessThanOrEqual(6);
    expect(share(2)).toBeLessThan(0.18);
    expect(share(4)).toBeLessThan(0.05);
    expect(labels.length).toBeGreaterThan(60);
    expect(labels.filter((l) => l.by > 6).length, JSON.stringify(labels.filter((l) => l.by > 6))).toBeLessThanOrEqual(2);
  });
});
