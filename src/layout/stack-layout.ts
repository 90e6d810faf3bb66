/**
 * vstack's stack layout, as a pure function from measured sizes to positions (#27): the core
 * that the layout registered with Mermaid (docs/mermaid-layout-api.md) will call once Mermaid has
 * measured the boxes. No browser and no Mermaid here, so it is tested in the fast suite.
 *
 * - A stack is rows, bottom → top ("above" means "runs on"); a row is one layer, drawn as a band
 *   the stack's full width, or units side by side.
 * - A unit with a stack of its own is a frame around it (what it isolates), its own box the
 *   frame's header band, the frame's full width at its top.
 * - A box that spans stands beside the frames of its row as tall as they are (an engine beside
 *   the containers it creates).
 * - Rows are as tall as their content, not as the tallest row of the picture; columns as wide as
 *   their content, extra width shared out in proportion.
 * - Arrows get lanes: the gap an arrow's label must sit in (between two columns it joins, between
 *   two rows, or under a frame's header) is widened to hold the label. Side-by-side frames get the
 *   rows aligned where their boxes' looks agree, from the bottom (the guest OS rows of three VMs line up).
 */

export interface Size {
  width: number;
  height: number;
}

/** A box or frame placed: its top-left corner and size, in the picture's coordinates (y down). */
export interface Rect extends Size {
  x: number;
  y: number;
}

/** Bottom → top. */
export type StackTree = StackRow[];

/** One layer (a single cell), or units side by side. */
export interface StackRow {
  cells: StackCell[];
}

export interface StackCell {
  /** The box: a layer, a unit, or a framed unit's own box (its header). */
  id: string;
  /** A unit with a stack of its own: drawn as a frame, `frames[id]`, around its header and this stack. */
  stack?: StackTree;
  /** A box (no stack) as tall as its row: beside the frames it stands by. */
  span?: boolean;
  /** The box's look (its kind's class): side-by-side frames line up the rows where their looks agree. */
  look?: string;
}

/** An arrow between two boxes, and the size of its label (none: 0 × 0), which its lane must hold. */
export interface Lane {
  from: string;
  to: string;
  label: Size;
}

export interface StackSpacing {
  /** Between rows, and between units side by side. */
  gap: number;
  /** Inside a frame, around its header and its stack. */
  padding: number;
}

/** Rows and units stand this far apart (room for an arrow's lane); frames keep this much inside. */
export const STACK_SPACING: StackSpacing = { gap: 12, padding: 8 };

/**
 * Mermaid's flowchart box round its label: twice its `padding` each side and the padding above
 * and below (read from its output).
 */
export const BOX_PADDING = 6;
export const BOX_PAD = { x: 4 * BOX_PADDING, y: 2 * BOX_PADDING };

export interface StackPlacement extends Size {
  boxes: Map<string, Rect>;
  frames: Map<string, Rect>;
}

interface CellMeasure extends Size {
  /** A leaf box's own height, which its row may stretch; a frame keeps its height. */
  leaf: boolean;
  inner?: StackMeasure;
}

interface RowMeasure extends Size {
  cells: CellMeasure[];
  /** The gap after each cell but the last (a lane may widen it). */
  gaps: number[];
  /** The height every leaf box of the row is drawn at: the tallest leaf's. */
  leafHeight: number;
}

interface StackMeasure extends Size {
  rows: RowMeasure[];
  /** The gap above each row but the last. */
  gaps: number[];
}

/** The widened gaps lanes ask for: after cell i of a row, above row i of a stack, under a frame's header, at a frame's foot. */
export interface LaneGaps {
  cells: Map<StackRow, number[]>;
  rows: Map<StackTree, number[]>;
  headers: Map<StackCell, number>;
  feet: Map<StackCell, number>;
}

/** What one layout call measures with: the sizes, the spacing, the lanes, and each row's natural measure, taken once. */
interface Measuring {
  size: (id: string) => Size;
  spacing: StackSpacing;
  lanes: LaneGaps;
  rows: Map<StackRow, RowMeasure>;
}

/**
 * Places every box and frame of `tree`, from the sizes Mermaid measured (`size(id)`), with room
 * for each lane's label; the picture's top-left is (0, 0).
 */
export function layoutStack(tree: StackTree, size: (id: string) => Size, spacing: StackSpacing, lanes: Lane[] = []): StackPlacement {
  const ctx: Measuring = { size, spacing, lanes: laneGaps(tree, lanes, spacing), rows: new Map() };
  const measure = measureStack(tree, ctx, []);
  const out: StackPlacement = { boxes: new Map(), frames: new Map(), width: measure.width, height: measure.height };
  placeStack(tree, measure, { x: 0, bottom: measure.height, width: measure.width }, ctx, out);
  return out;
}

/** `minRows[i]`: the least height row i may have (aligned with its siblings'). */
function measureStack(tree: StackTree, ctx: Measuring, minRows: number[]): StackMeasure {
  const rows = tree.map((row, i) => {
    const natural = measureRow(row, ctx);
    const least = minRows[i] ?? 0;
    return least > natural.height ? { ...natural, height: least } : natural;
  });
  const gaps = rowGaps(tree, ctx.lanes, ctx.spacing);
  const width = Math.max(0, ...rows.map((r) => r.width));
  const height = rows.reduce((sum, r) => sum + r.height, 0) + sum(gaps);
  return { width, height, rows, gaps };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * A row's natural measure, taken once per layout: aligning side-by-side frames measures their
 * stacks before the row itself does, and measuring again at every level of nesting would double
 * the work with each level.
 */
function measureRow(row: StackRow, ctx: Measuring): RowMeasure {
  const known = ctx.rows.get(row);
  if (known) return known;
  const { size, spacing } = ctx;
  const aligned = alignedRows(row, ctx);
  const cells = row.cells.map((cell): CellMeasure => {
    const own = size(cell.id);
    if (!cell.stack) return { ...own, leaf: true };
    const inner = measureStack(cell.stack, ctx, aligned);
    const { under, foot } = frameRoom(cell, ctx.lanes, spacing);
    return { width: Math.max(own.width, inner.width + 2 * spacing.padding), height: own.height + under + inner.height + foot, leaf: false, inner };
  });
  const leafHeight = Math.max(0, ...cells.filter((c, j) => c.leaf && !row.cells[j]!.span).map((c) => c.height));
  const gaps = cellGaps(row, ctx.lanes, spacing);
  const width = sum(cells.map((c) => c.width)) + sum(gaps);
  const height = Math.max(leafHeight, ...cells.filter((c, j) => !c.leaf || row.cells[j]!.span).map((c) => c.height));
  const measure = { width, height, cells, gaps, leafHeight };
  ctx.rows.set(row, measure);
  return measure;
}

/**
 * The row heights side-by-side frames share when their stacks have as many rows: from the bottom,
 * while the rows hold boxes of the same looks (three VMs' guest OS rows, two columns' hardware),
 * each such row is as tall as the tallest of them. Rows that differ (a hypervisor beside a
 * kernel) keep their own heights, and so do the rows above them.
 */
function alignedRows(row: StackRow, ctx: Measuring): number[] {
  const framed = row.cells.filter((c) => c.stack && c.stack.length > 0).map((c) => c.stack!);
  if (framed.length < 2 || framed.some((s) => s.length !== framed[0]!.length)) return [];
  const looks = (r: StackRow) => r.cells.map((c) => c.look ?? "").join("|");
  let alike = 0;
  while (alike < framed[0]!.length && framed.every((s) => looks(s[alike]!) === looks(framed[0]![alike]!))) alike++;
  if (alike === 0) return [];
  const each = framed.map((s) => measureStack(s, ctx, []));
  return Array.from({ length: alike }, (_, i) => Math.max(...each.map((m) => m.rows[i]!.height)));
}

function placeStack(tree: StackTree, measure: StackMeasure, at: { x: number; bottom: number; width: number }, ctx: Measuring, out: StackPlacement): void {
  let bottom = at.bottom;
  tree.forEach((row, i) => {
    const m = measure.rows[i]!;
    placeRow(row, m, { x: at.x, top: bottom - m.height, width: at.width }, ctx, out);
    bottom -= m.height + (measure.gaps[i] ?? 0);
  });
}

function placeRow(row: StackRow, measure: RowMeasure, at: { x: number; top: number; width: number }, ctx: Measuring, out: StackPlacement): void {
  const { spacing } = ctx;
  const natural = sum(measure.cells.map((c) => c.width));
  const extra = at.width - natural - sum(measure.gaps);
  let x = at.x;
  row.cells.forEach((cell, j) => {
    const m = measure.cells[j]!;
    // Extra width in proportion to each unit's own: a wide unit stays the wider.
    const width = m.width + (natural > 0 ? (extra * m.width) / natural : extra / row.cells.length);
    // Units stand on the row's base: a box shorter than its row sits at the bottom; frames and spans
    // fill it, and so does a layer whose row is as tall as its neighbours' (a kernel beside frames).
    const height = cell.span || !m.leaf || row.cells.length === 1 ? measure.height : measure.leafHeight;
    const top = at.top + measure.height - height;
    if (!m.inner || !cell.stack) out.boxes.set(cell.id, { x, y: top, width, height });
    else {
      out.frames.set(cell.id, { x, y: top, width, height });
      out.boxes.set(cell.id, { x, y: top, width, height: ctx.size(cell.id).height });
      placeStack(cell.stack, m.inner, { x: x + spacing.padding, width: width - 2 * spacing.padding, bottom: top + height - frameRoom(cell, ctx.lanes, spacing).foot }, ctx, out);
    }
    x += width + (measure.gaps[j] ?? 0);
  });
}

/** The gap above each row of a stack but the last: the spacing's, or what a lane widened it to. */
export const rowGaps = (tree: StackTree, lanes: LaneGaps, spacing: StackSpacing) => tree.slice(1).map((_, i) => lanes.rows.get(tree)?.[i] ?? spacing.gap);

/** The gap after each cell of a row but the last: the spacing's, or what a lane widened it to. */
export const cellGaps = (row: StackRow, lanes: LaneGaps, spacing: StackSpacing) => row.cells.slice(1).map((_, j) => lanes.cells.get(row)?.[j] ?? spacing.gap);

/** A frame's room round its stack, above (under its header) and below (at its foot): the padding, or a lane. */
export const frameRoom = (cell: StackCell, lanes: LaneGaps, spacing: StackSpacing) => ({ under: lanes.headers.get(cell) ?? spacing.padding, foot: lanes.feet.get(cell) ?? spacing.padding });

/** Where each box sits in the tree: the stacks, rows and cells from the top level down to it. */
type TreePath = Array<{ tree: StackTree; row: number; cell: number }>;

/**
 * The gaps the lanes ask for. Where an arrow's two ends part in the tree decides its lane: in
 * one row, the gap between two neighbours' columns, or under the row for an arrow that passes a
 * neighbour; in one stack, the gap under the upper end's row; from a frame's header into its
 * own stack, the gap under the header. A lane is the label's width across, or its height down,
 * with a margin either side.
 */
export function laneGaps(tree: StackTree, lanes: Lane[], spacing: StackSpacing): LaneGaps {
  const gaps: LaneGaps = { cells: new Map(), rows: new Map(), headers: new Map(), feet: new Map() };
  if (lanes.length === 0) return gaps;
  const paths = new Map<string, TreePath>();
  const walk = (t: StackTree, path: TreePath) =>
    t.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        const here = [...path, { tree: t, row: r, cell: c }];
        paths.set(cell.id, here);
        if (cell.stack) walk(cell.stack, here);
      }),
    );
  walk(tree, []);
  const widen = <K>(map: Map<K, number[]>, key: K, i: number, length: number, want: number) => {
    const list = map.get(key) ?? map.set(key, Array.from({ length }, () => spacing.gap)).get(key)!;
    list[i] = Math.max(list[i]!, want);
  };
  const passing = new Map<StackTree, Set<number>>();
  for (const lane of lanes) {
    const a = paths.get(lane.from);
    const b = paths.get(lane.to);
    if (!a || !b || a === b) continue;
    let k = 0;
    while (k < a.length && k < b.length && a[k]!.row === b[k]!.row && a[k]!.cell === b[k]!.cell) k++;
    // Either way, at least room for a short arrow with a head at each end.
    const across = Math.max(lane.label.width + 2 * LANE_MARGIN, ARROW_ROOM);
    const down = Math.max(lane.label.height + 2 * LANE_MARGIN, ARROW_ROOM);
    if (k === a.length || k === b.length) {
      // One end is the frame the other sits in: the lane runs under the frame's header.
      const frame = (k === a.length ? a : b)[k - 1]!;
      const cell = frame.tree[frame.row]!.cells[frame.cell]!;
      gaps.headers.set(cell, Math.max(gaps.headers.get(cell) ?? spacing.padding, down));
      continue;
    }
    const [x, y] = [a[k]!, b[k]!];
    const row = x.tree[x.row]!;
    if (x.row !== y.row) widen(gaps.rows, x.tree, Math.max(x.row, y.row) - 1, x.tree.length - 1, down);
    else if (Math.abs(x.cell - y.cell) === 1) widen(gaps.cells, row, Math.min(x.cell, y.cell), row.cells.length - 1, across);
    else {
      // Past a neighbour: under the row; under a frame's bottom row, at the frame's foot (a
      // picture's own bottom row has the picture's edge).
      if (x.row > 0) passing.set(x.tree, new Set([...(passing.get(x.tree) ?? []), x.row - 1]));
      else if (k > 0) {
        const frame = a[k - 1]!;
        const cell = frame.tree[frame.row]!.cells[frame.cell]!;
        gaps.feet.set(cell, Math.max(gaps.feet.get(cell) ?? spacing.padding, ROW_LANE));
      }
      // An end inside a frame is reached through the frame's side, facing the other end: the
      // gap there holds a line and the run into the box.
      const last = row.cells.length - 1;
      if (b.length > k + 1) widen(gaps.cells, row, x.cell < y.cell ? y.cell - 1 : y.cell, last, ROW_LANE);
      if (a.length > k + 1) widen(gaps.cells, row, x.cell < y.cell ? x.cell : x.cell - 1, last, ROW_LANE);
    }
  }
  // A line that passes neighbours runs beside any labels in the gap, not through them: its lane is added.
  for (const [t, rows] of passing) for (const i of rows) widen(gaps.rows, t, i, t.length - 1, (gaps.rows.get(t)?.[i] ?? spacing.gap) - spacing.gap + ROW_LANE);
  return gaps;
}

/** Room either side of a label in its lane. */
const LANE_MARGIN = 6;
/** The least gap an arrow between two rows or neighbours gets: a line that shows between two arrowheads. */
const ARROW_ROOM = 28;
/** A lane under a row, for arrows that pass a neighbour: a line with room to turn in and out of it. */
const ROW_LANE = 36;
