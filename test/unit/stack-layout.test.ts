import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutStack, type Rect, type Size, type StackTree } from "../../src/layout/stack-layout.js";

const SPACING = { gap: 8, padding: 10 };
const sizes = (table: Record<string, Size>) => (id: string) => table[id] ?? { width: 100, height: 40 };
const inside = (outer: Rect, inner: Rect) => inner.x >= outer.x - 1e-9 && inner.y >= outer.y - 1e-9 && inner.x + inner.width <= outer.x + outer.width + 1e-9 && inner.y + inner.height <= outer.y + outer.height + 1e-9;
const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width - 1e-9 && b.x < a.x + a.width - 1e-9 && a.y < b.y + b.height - 1e-9 && b.y < a.y + a.height - 1e-9;

/** Hardware, a type 1 hypervisor, three VMs each with a guest OS and an app: the classic picture. */
const VMS: StackTree = [
  { cells: [{ id: "hw" }] },
  { cells: [{ id: "hv" }] },
  {
    cells: [1, 2, 3].map((n) => ({
      id: `vm${n}`,
      stack: [{ cells: [{ id: `os${n}` }] }, { cells: [{ id: `app${n}` }] }],
    })),
  },
];

describe("layoutStack: vstack's stack layout from measured sizes", () => {
  it("stacks bottom → top: each row above the one it runs on, layers the stack's full width", () => {
    const p = layoutStack(VMS, sizes({}), SPACING);
    const [hw, hv, vm1] = ["hw", "hv", "vm1"].map((id) => p.frames.get(id) ?? p.boxes.get(id)!);
    expect(hw!.y + hw!.height).toBe(p.height); // the base of the picture
    expect(hv!.y + hv!.height).toBe(hw!.y - SPACING.gap);
    expect(vm1!.y + vm1!.height).toBe(hv!.y - SPACING.gap);
    expect(hw!.width).toBe(p.width);
    expect(hv!.width).toBe(p.width);
  });

  it("draws a VM as a frame around its header, guest OS and app", () => {
    const p = layoutStack(VMS, sizes({}), SPACING);
    for (const n of [1, 2, 3]) {
      const frame = p.frames.get(`vm${n}`)!;
      for (const id of [`vm${n}`, `os${n}`, `app${n}`]) expect(inside(frame, p.boxes.get(id)!), id).toBe(true);
      // The header is the frame's top band, its full width; the guest OS runs at the frame's bottom.
      expect(p.boxes.get(`vm${n}`)).toEqual({ x: frame.x, y: frame.y, width: frame.width, height: 40 });
      expect(p.boxes.get(`os${n}`)!.y + p.boxes.get(`os${n}`)!.height).toBe(frame.y + frame.height - SPACING.padding);
    }
  });

  it("makes rows as tall as their content: a one-line layer stays one line under a tall row", () => {
    const tree: StackTree = [{ cells: [{ id: "hw" }] }, { cells: [{ id: "shim" }, { id: "cli" }] }];
    const p = layoutStack(tree, sizes({ hw: { width: 90, height: 30 }, shim: { width: 150, height: 130 }, cli: { width: 120, height: 60 } }), SPACING);
    expect(p.boxes.get("hw")!.height).toBe(30);
    expect(p.height).toBe(30 + SPACING.gap + 130);
  });

  it("makes columns as wide as their content, sharing extra width in proportion", () => {
    const tree: StackTree = [{ cells: [{ id: "base" }] }, { cells: [{ id: "narrow" }, { id: "wide" }] }];
    const p = layoutStack(tree, sizes({ base: { width: 600, height: 40 }, narrow: { width: 100, height: 40 }, wide: { width: 300, height: 40 } }), SPACING);
    const [narrow, wide] = [p.boxes.get("narrow")!, p.boxes.get("wide")!];
    expect(wide.width / narrow.width).toBeCloseTo(3, 6);
    expect(narrow.width + SPACING.gap + wide.width).toBeCloseTo(600, 6);
  });

  it("lines up the corresponding rows of side-by-side frames (the guest OS rows of three VMs)", () => {
    const p = layoutStack(VMS, sizes({ os2: { width: 100, height: 90 } }), SPACING);
    const tops = [1, 2, 3].map((n) => p.boxes.get(`app${n}`)!.y);
    expect(new Set(tops).size).toBe(1);
    const bottoms = [1, 2, 3].map((n) => p.boxes.get(`os${n}`)!.y + p.boxes.get(`os${n}`)!.height);
    expect(new Set(bottoms).size).toBe(1);
  });

  it("lines up rows of side-by-side frames from the bottom only while their looks agree (hardware beside hardware, not a hypervisor beside a kernel)", () => {
    const column = (n: number, middle: string): StackTree => [
      { cells: [{ id: `hw${n}`, look: "hardware" }] },
      { cells: [{ id: `mid${n}`, look: middle }] },
      { cells: [{ id: `top${n}`, look: "app" }] },
    ];
    const tree: StackTree = [{ cells: [{ id: "left", stack: column(1, "hypervisor") }, { id: "right", stack: column(2, "kernel") }] }];
    const p = layoutStack(tree, sizes({ hw1: { width: 100, height: 70 }, mid1: { width: 100, height: 90 } }), SPACING);
    const box = (id: string) => p.boxes.get(id)!;
    // The hardware rows share the taller one's height: their tops line up.
    expect(box("hw2").height).toBe(70);
    expect(box("hw2").y).toBe(box("hw1").y);
    // The hypervisor and the kernel keep their own heights, and so do the rows above them.
    expect(box("mid2").height).toBe(40);
    expect(box("top2").y - box("top1").y).toBe(90 - 40);
  });

  it("stretches a spanning box to its row's height, beside the frames it stands by (an engine beside its containers)", () => {
    const tree: StackTree = [{ cells: [{ id: "kernel" }] }, { cells: [{ id: "engine", span: true }, ...VMS[2]!.cells] }];
    const p = layoutStack(tree, sizes({ engine: { width: 120, height: 50 } }), SPACING);
    const [engine, frame] = [p.boxes.get("engine")!, p.frames.get("vm1")!];
    expect(engine.y).toBe(frame.y);
    expect(engine.height).toBe(frame.height);
    expect(frame.height).toBe(40 + SPACING.padding + 40 + SPACING.gap + 40 + SPACING.padding);
  });

  it("widens the lane an arrow's label needs: between two columns, between two rows, under a frame's header", () => {
    const label = { width: 90, height: 20 };
    const p = layoutStack(VMS, sizes({}), SPACING, [
      { from: "vm1", to: "vm2", label },
      { from: "hv", to: "app3", label },
      { from: "vm3", to: "os3", label },
    ]);
    const [vm1, vm2, vm3, hv] = [p.frames.get("vm1")!, p.frames.get("vm2")!, p.frames.get("vm3")!, p.boxes.get("hv")!];
    expect(vm2.x - (vm1.x + vm1.width)).toBe(90 + 12);
    expect(vm3.x - (vm2.x + vm2.width)).toBe(SPACING.gap);
    expect(hv.y - (vm1.y + vm1.height)).toBe(20 + 12);
    const under = p.boxes.get("app3")!.y - (vm3.y + 40);
    expect(under).toBe(20 + 12);
    // Side-by-side frames are as tall as their row, their rows still aligned.
    expect(vm1.height).toBe(vm3.height);
    expect(p.boxes.get("app1")!.y).toBe(p.boxes.get("app3")!.y);
  });

  it("gives an arrow that passes a neighbour in a frame's bottom row a lane at the frame's foot", () => {
    const tree: StackTree = [{ cells: [{ id: "distro", stack: [{ cells: [{ id: "engine" }, { id: "c1" }, { id: "c2" }] }] }] }];
    const plain = layoutStack(tree, sizes({}), SPACING);
    const p = layoutStack(tree, sizes({}), SPACING, [{ from: "engine", to: "c2", label: { width: 0, height: 0 } }]);
    const foot = (q: typeof p) => q.frames.get("distro")!.y + q.frames.get("distro")!.height - (q.boxes.get("c2")!.y + q.boxes.get("c2")!.height);
    expect(foot(plain)).toBe(SPACING.padding);
    expect(foot(p)).toBe(36);
  });

  it("gives an arrow that passes a neighbour to a box inside a frame room at the frame's near side", () => {
    const tree: StackTree = [{ cells: [{ id: "cli" }, { id: "engine" }, { id: "vm", stack: [{ cells: [{ id: "dockerd" }] }] }] }];
    const p = layoutStack(tree, sizes({}), SPACING, [{ from: "cli", to: "dockerd", label: { width: 0, height: 0 } }]);
    expect(p.frames.get("vm")!.x - (p.boxes.get("engine")!.x + p.boxes.get("engine")!.width)).toBe(36);
    expect(p.boxes.get("engine")!.x - (p.boxes.get("cli")!.x + p.boxes.get("cli")!.width)).toBe(SPACING.gap);
  });

  it("measures each box a bounded number of times, however deep frames nest beside frames", () => {
    // Each level: a frame holding the next level beside a frame of one box (their rows are aligned).
    let n = 0;
    const level = (d: number): StackTree => (d === 0 ? [{ cells: [{ id: `l${n++}` }] }] : [{ cells: [{ id: `a${n++}`, stack: level(d - 1) }, { id: `b${n++}`, stack: [{ cells: [{ id: `c${n++}` }] }] }] }]);
    const tree = level(22);
    let asked = 0;
    const p = layoutStack(tree, () => (asked++, { width: 50, height: 20 }), SPACING);
    expect(p.boxes.size).toBe(n);
    expect(asked).toBeLessThanOrEqual(3 * n); // measuring again at every level would ask some 2^22 times
  });

  it("never overlaps two boxes, keeps every box inside the picture and every framed stack inside its frame (random stacks)", () => {
    const leaf = fc.record({ id: fc.constant(""), w: fc.integer({ min: 20, max: 300 }), h: fc.integer({ min: 20, max: 120 }) });
    type Gen = { id: string; w: number; h: number; stack?: Gen[][] };
    const { tree: arbTree } = fc.letrec<{ tree: Gen[][]; cell: Gen }>((tie) => ({
      tree: fc.array(fc.array(tie("cell"), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      cell: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, fc.record({ id: fc.constant(""), w: fc.integer({ min: 20, max: 200 }), h: fc.integer({ min: 20, max: 60 }), stack: tie("tree") })),
    }));
    fc.assert(
      fc.property(arbTree, (gen) => {
        const table: Record<string, Size> = {};
        const frames: string[] = [];
        let n = 0;
        const build = (rows: Gen[][]): StackTree =>
          rows.map((cells) => ({
            cells: cells.map((c) => {
              const id = `b${n++}`;
              table[id] = { width: c.w, height: c.h };
              if (c.stack) frames.push(id);
              return c.stack ? { id, stack: build(c.stack) } : { id };
            }),
          }));
        const p = layoutStack(build(gen), (id) => table[id]!, SPACING);
        const boxes = [...p.boxes.entries()];
        const picture = { x: 0, y: 0, width: p.width, height: p.height };
        for (const [id, box] of boxes) {
          expect(inside(picture, box), id).toBe(true);
          expect(box.width, id).toBeGreaterThanOrEqual(table[id]!.width - 1e-9);
          expect(box.height, id).toBeGreaterThanOrEqual(table[id]!.height - 1e-9);
        }
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]![1], boxes[j]![1]), `${boxes[i]![0]} / ${boxes[j]![0]}`).toBe(false);
        for (const id of frames) expect(inside(p.frames.get(id)!, p.boxes.get(id)!)).toBe(true);
      }),
      { numRuns: 60, seed: 26 },
    );
  });
});
