import { describe, expect, it } from "vitest";
import { routeLinks, type LinkScene, type Rect } from "../../src/layout/route-links.js";

/** A box with one line of text centred in it, the way Mermaid's blocks hold their labels. */
function box(x: number, y: number, width: number, height: number, textWidth = width - 40): { rect: Rect; text: Rect } {
  return { rect: { x, y, width, height }, text: { x: x + (width - textWidth) / 2, y: y + height / 2 - 9, width: textWidth, height: 18 } };
}

function scene(boxes: Record<string, ReturnType<typeof box>>, links: LinkScene["links"]): LinkScene {
  return { boxes: Object.fromEntries(Object.entries(boxes).map(([id, b]) => [id, b.rect])), texts: Object.values(boxes).map((b) => b.text), links, marker: 18 };
}

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** Each straight run of a line as a thin rectangle. */
const runs = (points: Array<[number, number]>): Rect[] =>
  points.slice(1).map((p, i) => {
    const q = points[i]!;
    return { x: Math.min(p[0], q[0]) - 0.5, y: Math.min(p[1], q[1]) - 0.5, width: Math.abs(p[0] - q[0]) + 1, height: Math.abs(p[1] - q[1]) + 1 };
  });

describe("routing links", () => {
  it("joins two boxes across a lane with one straight line, its label on the line and clear of text", () => {
    const boxes = { a: box(0, 0, 200, 60), b: box(300, 0, 200, 60) };
    const [r] = routeLinks(scene(boxes, [{ from: "a", to: "b", label: { width: 40, height: 17 } }]));
    expect(r!.points).toEqual([[200, 30], [300, 30]]);
    expect(r!.label).toBeDefined();
    for (const b of Object.values(boxes)) expect(overlaps(r!.label!, b.text)).toBe(false);
    expect(r!.markers).toEqual([]);
  });

  it("keeps a second arrow at a side off the point where the first meets it (one arriving, one leaving, read as one line)", () => {
    // An orchestrator beside two VMs, the VMs over their kernel: orchestrator → VM 2 goes under
    // VM 1 and comes up into VM 2's underside, where VM 2 → kernel leaves it.
    const boxes = { orch: box(0, 0, 150, 150), vm1: box(200, 0, 150, 100), vm2: box(358, 0, 150, 100), kernel: box(200, 170, 308, 40) };
    const [a, b] = routeLinks(scene(boxes, [{ from: "orch", to: "vm2" }, { from: "vm2", to: "kernel" }]));
    const [arrives, leaves] = [a!.points.at(-1)!, b!.points[0]!];
    expect(arrives[1], JSON.stringify(a!.points)).toBe(100); // up into VM 2's underside
    expect(leaves[1], JSON.stringify(b!.points)).toBe(100);
    expect(Math.abs(arrives[0] - leaves[0])).toBeGreaterThanOrEqual(16);
  });

  it("goes round a box in the way rather than through it, and numbers a label that has no room", () => {
    // A roof and a base leave one narrow lane above the row, too low for a label beside the line.
    const boxes = { roof: box(0, 0, 550, 70), a: box(0, 100, 150, 60), mid: box(200, 100, 150, 60), b: box(400, 100, 150, 60), base: box(0, 166, 550, 60) };
    const [r] = routeLinks(scene(boxes, [{ from: "a", to: "b", label: { width: 2000, height: 17 } }]));
    expect(r!.points.length).toBeGreaterThan(2);
    for (const run of runs(r!.points)) for (const id of ["mid", "base", "roof"] as const) expect(overlaps(run, boxes[id].rect), id).toBe(false);
    expect(r!.label).toBeUndefined();
    expect(r!.markers).toHaveLength(1);
    for (const b of Object.values(boxes)) expect(overlaps({ x: r!.markers[0]![0] - 9, y: r!.markers[0]![1] - 9, width: 18, height: 18 }, b.text)).toBe(false);
  });

  it("crosses a narrow gap between stacked boxes with a short arrow that reaches into both but touches no text", () => {
    const boxes = { top: box(0, 0, 300, 60, 120), bottom: box(0, 66, 300, 60, 120) };
    const [r] = routeLinks(scene(boxes, [{ from: "top", to: "bottom", label: { width: 60, height: 17 } }]));
    expect(r!.points).toHaveLength(2);
    const [[x1, y1], [x2, y2]] = r!.points as [[number, number], [number, number]];
    expect(x1).toBe(x2);
    expect(y1).toBeLessThan(60);
    expect(y2).toBeGreaterThan(66);
    for (const b of Object.values(boxes)) {
      expect(overlaps(runs(r!.points)[0]!, b.text)).toBe(false);
      expect(overlaps(r!.label!, b.text)).toBe(false);
    }
  });

  it("marks both boxes with the number when no line can leave them", () => {
    // `a` is walled in by boxes on every side, 2px away.
    const boxes = { a: box(100, 100, 100, 80), n: box(100, 18, 100, 80), s: box(100, 182, 100, 80), w: box(-2, 100, 100, 80), e: box(202, 100, 100, 80), far: box(600, 400, 100, 80) };
    const [r] = routeLinks(scene(boxes, [{ from: "a", to: "far", label: { width: 30, height: 17 } }]));
    expect(r!.points).toEqual([]);
    expect(r!.markers).toHaveLength(2);
  });
});
