import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balanceWidths } from "../../src/layout/balance-widths.js";
import { layoutStack, type Size, type StackTree } from "../../src/layout/stack-layout.js";

const SPACING = { gap: 10, padding: 8 };
/** Boxes of `words[id]` words, each 40 px wide, on lines 20 px apart, 20 px of padding across and 10 down. */
const WORD = 40;
const boxesOf = (words: Record<string, number>) => {
  const sizeAt = (id: string, width: number): Size => {
    const n = words[id] ?? 1;
    const perLine = Math.max(1, Math.floor((width - 20) / WORD));
    return { width: Math.min(n, perLine) * WORD + 20, height: Math.ceil(n / perLine) * 20 + 10 };
  };
  return { sizeAt, least: () => WORD + 20 };
};
const placeAt = (tree: StackTree, words: Record<string, number>, width: (id: string) => number) => layoutStack(tree, (id) => boxesOf(words).sizeAt(id, width(id)), SPACING);

describe("balanceWidths: a row's width shared by what its units have to say", () => {
  it("gives a box with much to say more of its row than one with little, and the picture is shorter than with equal shares", () => {
    const tree: StackTree = [{ cells: [{ id: "base" }] }, { cells: [{ id: "long" }, { id: "short" }] }];
    const words = { base: 2, long: 30, short: 3 };
    const widths = balanceWidths(tree, 500, boxesOf(words), SPACING, []);
    const balanced = placeAt(tree, words, (id) => widths.get(id)!);
    const equal = placeAt(tree, words, (id) => (id === "base" ? 500 : 245));
    expect(widths.get("long")!).toBeGreaterThan(5 * widths.get("short")!);
    // The long box goes from 6 lines (5 words a line) to 3 (10 a line); the short one takes as
    // many lines as the row has room for (one word each), no more.
    expect(balanced.height).toBe(30 + 10 + 70);
    expect(balanced.boxes.get("short")!.height).toBe(70);
    expect(equal.height).toBe(30 + 10 + 130);
    expect(balanced.width).toBeLessThanOrEqual(500);
  });

  it("shares a frame's width with its header and, less its padding, its stack", () => {
    const tree: StackTree = [{ cells: [{ id: "vm", stack: [{ cells: [{ id: "os" }, { id: "app" }] }] }, { id: "side" }] }];
    const words = { vm: 1, os: 12, app: 12, side: 2 };
    const widths = balanceWidths(tree, 420, boxesOf(words), SPACING, []);
    expect(widths.get("vm")!).toBeGreaterThan(widths.get("side")!);
    expect(widths.get("os")! + widths.get("app")! + SPACING.gap).toBeLessThanOrEqual(widths.get("vm")! - 2 * SPACING.padding + 1e-9);
  });

  it("gives what the tallest unit does not need to the others, so a box beside a taller frame loses lines instead of the frame gaining empty width", () => {
    const inner = ["a", "b", "c"].map((id) => ({ cells: [{ id }] }));
    const tree: StackTree = [{ cells: [{ id: "vm", stack: inner }, { id: "cli" }] }];
    const words = { vm: 1, a: 1, b: 1, c: 1, cli: 12 };
    const widths = balanceWidths(tree, 600, boxesOf(words), SPACING, []);
    const p = placeAt(tree, words, (id) => widths.get(id)!);
    expect(p.boxes.get("cli")!.height).toBe(30); // one line of 12 words
    expect(p.frames.get("vm")!.width).toBeLessThan(100);
  });

  it("widens units alike together or not at all, so two guest VMs beside a wider root stay alike", () => {
    const guest = (n: number) => ({ id: `vm${n}`, look: "vm", stack: [{ cells: [{ id: `os${n}`, look: "os" }] }] });
    const tree: StackTree = [{ cells: [guest(1), { id: "root", look: "vm", stack: [{ cells: [{ id: "kernel", look: "kernel" }] }] }, guest(2)] }];
    const words = { vm1: 1, vm2: 1, os1: 7, os2: 7, root: 1, kernel: 24 };
    for (const room of [420, 460, 500, 560]) {
      const widths = balanceWidths(tree, room, boxesOf(words), SPACING, []);
      expect(widths.get("vm1"), `${room}`).toBeCloseTo(widths.get("vm2")!, 6);
      expect(widths.get("os1"), `${room}`).toBeCloseTo(widths.get("os2")!, 6);
    }
  });

  it("fits the room whenever every box at its narrowest does (random stacks)", () => {
    type Gen = { words: number; stack?: Gen[][] };
    const { tree: arbTree } = fc.letrec<{ tree: Gen[][]; cell: Gen }>((tie) => ({
      tree: fc.array(fc.array(tie("cell"), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
      cell: fc.oneof({ depthSize: "small", withCrossShrink: true }, fc.record({ words: fc.integer({ min: 1, max: 30 }) }), fc.record({ words: fc.integer({ min: 1, max: 4 }), stack: tie("tree") })),
    }));
    fc.assert(
      fc.property(arbTree, fc.integer({ min: 300, max: 900 }), (gen, room) => {
        const words: Record<string, number> = {};
        let n = 0;
        const build = (rows: Gen[][]): StackTree =>
          rows.map((cells) => ({
            cells: cells.map((c) => {
              const id = `b${n++}`;
              words[id] = c.words;
              return c.stack ? { id, stack: build(c.stack) } : { id };
            }),
          }));
        const tree = build(gen);
        const narrowest = placeAt(tree, words, () => 0).width;
        const widths = balanceWidths(tree, room, boxesOf(words), SPACING, []);
        expect([...widths.keys()].sort()).toEqual(Object.keys(words).sort());
        if (narrowest <= room) expect(placeAt(tree, words, (id) => widths.get(id)!).width).toBeLessThanOrEqual(room + 1e-6);
      }),
      { numRuns: 80, seed: 27 },
    );
  });
});
