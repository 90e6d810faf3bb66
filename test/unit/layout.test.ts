import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/layout/diagram.js";
import { layoutStack, naturalWidth, share } from "../../src/layout/grid.js";
import type { GridRow } from "../../src/layout/model.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import type { Entry } from "../../src/spec-format/types.js";

const layer = (label: string): Entry => ({ type: "layer", label, kind: "os" });
const units = (...stacks: Entry[][]): Entry => ({ type: "units", units: stacks.map((stack, i) => ({ label: `U${i}`, kind: "vm", stack })) });
const rowWidth = (row: GridRow) => row.cells.reduce((n, c) => n + c.span, 0);
const labels = (row: GridRow) => row.cells.map((c) => (c.space ? `_${c.span}` : `${c.label}:${c.span}`)).join(" ");

describe("grid layout", () => {
  it("shares spare columns out evenly, leftmost first", () => {
    expect(share([1, 1, 1], 3)).toEqual([1, 1, 1]);
    expect(share([1, 2], 5)).toEqual([2, 3]);
    expect(share([1, 1, 1], 5)).toEqual([2, 2, 1]);
  });

  it("puts each unit's label under its stack and pads shorter units at the top", () => {
    const stack = [layer("HW"), units([layer("A1"), layer("A2")], [layer("B1")], [])];
    expect(naturalWidth(stack)).toBe(3);
    const rows = layoutStack(stack, 3, "").map((cells) => labels({ cells }));
    expect(rows).toEqual(["HW:3", "U0:1 U1:1 U2:1", "A1:1 B1:1 _1", "A2:1 _2"]);
  });

  it("nests groups to any depth and widens to the widest group", () => {
    const stack = [layer("HW"), units([units([layer("x")], [layer("y")])], [layer("z")]), layer("top")];
    expect(naturalWidth(stack)).toBe(3);
    const rows = layoutStack(stack, 3, "");
    for (const cells of rows) expect(rowWidth({ cells })).toBe(3);
  });

  it("fills every row of every built-in spec exactly, in both themes", async () => {
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      for (const theme of ["light", "dark"] as const) {
        const model = buildModel(spec!, theme);
        for (const row of model.rows) expect(rowWidth(row), `${spec!.id} row`).toBe(model.columns);
      }
    }
  });

  it("aligns the stacks of a comparison on one baseline, each under its caption", async () => {
    const { spec } = await loadSpec(builtinFiles().find((f) => f.includes("vm-vs-container"))!);
    const model = buildModel(spec!, "light");
    const bottom = model.rows.at(-1)!.cells.filter((c) => !c.space);
    expect(bottom.map((c) => !c.space && c.label)).toEqual(["Hardware", "Hardware"]);
    const top = model.rows[0]!.cells.filter((c) => !c.space);
    expect(top.map((c) => !c.space && [c.kind, c.label])).toEqual([
      ["caption", "Type 1 (bare-metal)\nhypervisor"],
      ["caption", "Containers on Linux"],
    ]);
  });

  it("gives node ids that are unique and colour classes that cover every box", async () => {
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      const model = buildModel(spec!, "dark");
      const ids = model.rows.flatMap((r) => r.cells.flatMap((c) => (c.space ? [] : [c.nodeId])));
      expect(new Set(ids).size).toBe(ids.length);
      const classed = model.classes.flatMap((c) => c.nodeIds.split(","));
      expect(new Set(classed)).toEqual(new Set(ids));
    }
  });
});
