import type { Entry, Unit } from "../spec/types.js";
import type { BlockCell, GridCell, GridRow } from "./model.js";
import type { PaletteKey } from "../palette.js";

/**
 * Lays a stack out on a grid of equal columns. Mermaid's block diagrams give every cell of a
 * grid the same height, so nesting composite blocks of different heights makes short rows
 * balloon; one flat grid where a unit is a run of columns keeps every row one line tall.
 *
 * Widths: a layer is 1 column, a group of units is the sum of its units' widths; extra width
 * is shared out so every row fills the stack. A unit is its own label box with its stack on
 * top; shorter units in a group are padded with space at the top, so bases line up.
 */

/** Rows bottom → top; each row's spans add up to the stack's width. */
export type Rows = GridCell[][];

export function naturalWidth(stack: Entry[]): number {
  let width = 1;
  for (const entry of stack) {
    if (entry.type === "units") width = Math.max(width, entry.units.reduce((sum, u) => sum + naturalWidth(u.stack), 0));
  }
  return width;
}

/** Lays out `stack` at `width` columns. `prefix` makes node ids unique and stable. */
export function layoutStack(stack: Entry[], width: number, prefix: string): Rows {
  const rows: Rows = [];
  stack.forEach((entry, i) => {
    const id = `${prefix}e${i}`;
    if (entry.type === "layer") {
      rows.push([block(id, entry.kind, entry.label, entry.detail, width)]);
      return;
    }
    const widths = share(entry.units.map((u) => naturalWidth(u.stack)), width);
    const columns = entry.units.map((unit, j) => layoutUnit(unit, widths[j]!, `${id}u${j}`));
    const height = Math.max(...columns.map((c) => c.length));
    for (let r = 0; r < height; r++) {
      rows.push(mergeSpaces(columns.flatMap((c, j) => c[r] ?? [{ space: true, span: widths[j]! }])));
    }
  });
  return rows;
}

function layoutUnit(unit: Unit, width: number, id: string): Rows {
  return [[block(id, unit.kind, unit.label, unit.detail, width)], ...layoutStack(unit.stack, width, `${id}_`)];
}

/** Gives each part its natural width, then shares what is left evenly, leftmost parts first. */
export function share(natural: number[], total: number): number[] {
  const extra = total - natural.reduce((a, b) => a + b, 0);
  const each = Math.floor(extra / natural.length);
  const rest = extra - each * natural.length;
  return natural.map((w, i) => w + each + (i < rest ? 1 : 0));
}

export function block(nodeId: string, kind: PaletteKey, label: string, detail: string | undefined, span: number): BlockCell {
  return { space: false, nodeId, kind, label, ...(detail !== undefined && { detail }), span };
}

/** Neighbouring spaces become one wider space, which keeps the Mermaid text short. */
export function mergeSpaces(cells: GridCell[]): GridCell[] {
  const out: GridCell[] = [];
  for (const cell of cells) {
    const last = out.at(-1);
    if (cell.space && last?.space) out[out.length - 1] = { space: true, span: last.span + cell.span };
    else out.push(cell);
  }
  return out;
}

/** Multiplies every span, so that a one-column gap can be narrow next to the stacks. */
export function scaleRows(rows: Rows, factor: number): Rows {
  return rows.map((row) => row.map((cell) => ({ ...cell, span: cell.span * factor })));
}

export function toGridRows(bottomUp: Rows): GridRow[] {
  return [...bottomUp].reverse().map((cells) => ({ cells }));
}
