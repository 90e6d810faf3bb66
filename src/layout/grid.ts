import type { Entry, Unit } from "../spec-format/types.js";
import type { BlockCell, GridCell, GridRow } from "./model.js";
import { lookKey } from "./look-key.js";

/**
 * Lays a stack out on a grid of equal columns. Mermaid's block diagrams give every cell of a
 * grid the same height, so nesting composite blocks of different heights makes short rows
 * balloon; one flat grid where a unit is a run of columns keeps every row one line tall.
 *
 * Widths: a layer is 1 column, a group of units is the sum of its units' widths; extra width
 * is shared out so every row fills the stack. A unit is its own label box with its stack on
 * top; shorter units in a group are padded with space at the top, so bases line up.
 *
 * Arrows need room: where a link crosses between side-by-side units, a one-column gap is left
 * between them, a lane the arrow and its label are drawn in. So a gap is narrow beside a box,
 * a stack with links is laid out at `scale` columns per box.
 */

/** How to lay a stack out: columns per box, and the links (node id pairs) that need lanes. */
export interface GridPlan {
  scale: number;
  links: ReadonlyArray<readonly [string, string]>;
}

export const PLAIN: GridPlan = { scale: 1, links: [] };

/** Rows bottom → top; each row's spans add up to the stack's width. */
export type Rows = GridCell[][];

/** The narrowest `stack` can be, in columns; `prefix` is its node ids' (see layoutStack). */
export function naturalWidth(stack: Entry[], prefix = "", plan: GridPlan = PLAIN): number {
  let width = plan.scale;
  stack.forEach((entry, i) => {
    if (entry.type !== "units") return;
    const id = `${prefix}e${i}`;
    const units = entry.units.reduce((sum, u, j) => sum + naturalWidth(u.stack, `${id}u${j}_`, plan), 0);
    width = Math.max(width, units + gapsOf(id, entry.units.length, plan).filter(Boolean).length);
  });
  return width;
}

/** Lays out `stack` at `width` columns. `prefix` makes node ids unique and stable. */
export function layoutStack(stack: Entry[], width: number, prefix: string, plan: GridPlan = PLAIN): Rows {
  const rows: Rows = [];
  stack.forEach((entry, i) => {
    const id = `${prefix}e${i}`;
    if (entry.type === "layer") {
      rows.push([block(id, lookKey(entry), entry.label, entry.detail, width)]);
      return;
    }
    const gaps = gapsOf(id, entry.units.length, plan);
    const gapCount = gaps.filter(Boolean).length;
    const widths = share(entry.units.map((u, j) => naturalWidth(u.stack, `${id}u${j}_`, plan)), width - gapCount);
    const columns = entry.units.map((unit, j) => layoutUnit(unit, widths[j]!, `${id}u${j}`, plan));
    const height = Math.max(...columns.map((c) => c.length));
    for (let r = 0; r < height; r++) {
      const cells = columns.flatMap((c, j): GridCell[] => [...(c[r] ?? [{ space: true, span: widths[j]! }]), ...(gaps[j] ? [{ space: true as const, span: 1 }] : [])]);
      rows.push(mergeSpaces(cells));
    }
  });
  return rows;
}

function layoutUnit(unit: Unit, width: number, id: string, plan: GridPlan): Rows {
  return [[block(id, lookKey(unit), unit.label, unit.detail, width)], ...layoutStack(unit.stack, width, `${id}_`, plan)];
}

/**
 * For the units of the group `id` (count of them), whether a gap follows each: one does where
 * a link joins a box in or on a unit left of it to one right of it.
 */
function gapsOf(id: string, count: number, plan: GridPlan): boolean[] {
  const gaps = Array.from({ length: count }, () => false);
  const unitOf = (nodeId: string): number | undefined => {
    const m = nodeId.startsWith(`${id}u`) ? /^(\d+)(?:_|$)/.exec(nodeId.slice(id.length + 1)) : null;
    return m ? Number(m[1]) : undefined;
  };
  for (const [a, b] of plan.links) {
    const [ua, ub] = [unitOf(a), unitOf(b)];
    if (ua === undefined || ub === undefined || ua === ub) continue;
    for (let j = Math.min(ua, ub); j < Math.max(ua, ub); j++) gaps[j] = true;
  }
  return gaps;
}

/** Gives each part its natural width, then shares what is left evenly, leftmost parts first. */
export function share(natural: number[], total: number): number[] {
  const extra = total - natural.reduce((a, b) => a + b, 0);
  const each = Math.floor(extra / natural.length);
  const rest = extra - each * natural.length;
  return natural.map((w, i) => w + each + (i < rest ? 1 : 0));
}

export function block(nodeId: string, kind: string, label: string, detail: string | undefined, span: number): BlockCell {
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

export function toGridRows(bottomUp: Rows): GridRow[] {
  return [...bottomUp].reverse().map((cells) => ({ cells }));
}
