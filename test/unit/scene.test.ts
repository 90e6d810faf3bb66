import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/layout/diagram.js";
import { DEFAULT_LAYOUT } from "../../src/layout/fit-width.js";
import { placeModel, sceneWithout, type Scene } from "../../src/layout/scene.js";
import type { Rect } from "../../src/layout/stack-layout.js";
import { buildSteps } from "../../src/layout/steps.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";

/** The placed diagram printers without a browser read: geometry checked on every built-in. */
const scenes = async (files = builtinFiles()) =>
  Promise.all(
    files.map(async (file) => {
      const { spec } = await loadSpec(file);
      const model = buildModel(spec!, "light", DEFAULT_LAYOUT);
      return { spec: spec!, model, scene: placeModel(model, DEFAULT_LAYOUT) };
    }),
  );

const inside = (outer: Rect, inner: Rect, slack = 0.5) => inner.x >= outer.x - slack && inner.y >= outer.y - slack && inner.x + inner.width <= outer.x + outer.width + slack && inner.y + inner.height <= outer.y + outer.height + slack;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
/** Whether a point lies on a rectangle's border. */
const onBorder = (r: Rect, [x, y]: [number, number]) => {
  const within = (v: number, lo: number, hi: number) => v >= lo - 0.5 && v <= hi + 0.5;
  const near = (v: number, w: number) => Math.abs(v - w) <= 0.5;
  return (within(x, r.x, r.x + r.width) && (near(y, r.y) || near(y, r.y + r.height))) || (within(y, r.y, r.y + r.height) && (near(x, r.x) || near(x, r.x + r.width)));
};

describe("the placed scene (layout/scene.ts)", () => {
  it("keeps every box in the scene and in its frame, never two boxes on each other, and every arrow from one box's border to the other's", async () => {
    for (const { spec, model, scene } of await scenes()) {
      const whole = { x: 0, y: 0, width: scene.width, height: scene.height };
      expect(scene.boxes.length, spec.id).toBeGreaterThan(1);
      for (const b of scene.boxes) expect(inside(whole, b.rect), `${spec.id}: ${b.id}`).toBe(true);
      for (let i = 0; i < scene.boxes.length; i++) for (let j = i + 1; j < scene.boxes.length; j++) expect(overlap(scene.boxes[i]!.rect, scene.boxes[j]!.rect), `${spec.id}: ${scene.boxes[i]!.id} / ${scene.boxes[j]!.id}`).toBe(false);
      for (const f of scene.frames) expect(inside(f.rect, scene.boxes.find((b) => b.id === f.id)!.rect), `${spec.id}: ${f.id}`).toBe(true);
      // Every arrow of the model is drawn, its label by the line or its number in the key.
      expect(scene.arrows.map((a) => `${a.from}→${a.to}`), spec.id).toEqual(model.arrows.map((a) => `${a.from}→${a.to}`));
      const rectOf = (id: string) => [scene.boxes.find((b) => b.id === id)!.rect, ...scene.frames.filter((f) => f.id === id).map((f) => f.rect)];
      for (const a of scene.arrows) {
        expect(a.points.length, `${spec.id}: ${a.from} → ${a.to}`).toBeGreaterThanOrEqual(2);
        expect(rectOf(a.from).some((r) => onBorder(r, a.points[0]!)), `${spec.id}: ${a.from} → ${a.to} starts on ${a.from}`).toBe(true);
        expect(rectOf(a.to).some((r) => onBorder(r, a.points.at(-1)!)), `${spec.id}: ${a.from} → ${a.to} ends on ${a.to}`).toBe(true);
        for (const p of a.points) expect(inside(whole, { x: p[0], y: p[1], width: 0, height: 0 })).toBe(true);
      }
      const labelled = model.arrows.filter((a) => a.label !== undefined && a.copy === 0).length;
      expect(scene.arrows.filter((a) => a.label || a.marker).length, spec.id).toBe(labelled);
      for (const a of scene.arrows) if (a.label) expect(a.label.lines.join(" ").replace(/-?\s+/g, ""), spec.id).toBe(model.arrows.find((m) => m.from === a.from && m.to === a.to)!.label!.replace(/-?\s+/g, ""));
    }
  });

  it("leaves out at a build step the boxes still to come, their frames and arrows, and moves nothing", async () => {
    const { spec, model, scene } = (await scenes(builtinFiles().filter((f) => f.endsWith("/docker-desktop-macos.yaml"))))[0]!;
    const steps = buildSteps(model, spec);
    const first: Scene = sceneWithout(scene, steps.slice(1).flat());
    expect(first.boxes.map((b) => b.id).sort()).toEqual([...steps[0]!].sort());
    expect(first.frames).toEqual([]);
    expect(first.arrows).toEqual([]);
    for (const b of first.boxes) expect(b.rect).toEqual(scene.boxes.find((o) => o.id === b.id)!.rect);
    expect([first.width, first.height]).toEqual([scene.width, scene.height]);
    expect(sceneWithout(scene, [])).toBe(scene);
  });
});
