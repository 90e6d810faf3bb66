/**
 * vstack's stack layout, as a pure function from measured sizes to positions (#27): the core
 * that the layout registered with Mermaid (docs/mermaid-layout-api.md) will call once Mermaid has
 * measured the boxes. No browser and no Mermaid here, so it is tested in the fast suite.
 *
 * - A stack is rows, bottom → top ("above" means "runs on"); a row is one layer, drawn as a band
 *   the stack's full width, or units side by side.
 * - A unit with a stack of its own is a frame around it (what it isolates), its own box a header
 *   band at the top of the frame.
 * - Rows are as tall as their content, not as the tallest row of the picture; columns as wide as
 *   their content, extra width shared out in proportion. Side-by-side frames whose stacks have
 *   the same number of rows get those rows aligned (the guest OS rows of three VMs line up).
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
}

export interface StackSpacing {
  /** Between rows, and between units side by side. */
  gap: number;
  /** Inside a frame, around its header and its stack. */
  padding: number;
}

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
  /** The height every leaf box of the row is drawn at: the tallest leaf's. */
  leafHeight: number;
}

interface StackMeasure extends Size {
  rows: RowMeasure[];
}

/** What one layout call measures with: the sizes, the spacing, and each row's natural measure, taken once. */
interface Measuring {
  size: (id: string) => Size;
  spacing: StackSpacing;
  rows: Map<StackRow, RowMeasure>;
}

/** Places every box and frame of `tree`, from the sizes Mermaid measured (`size(id)`); the picture's top-left is (0, 0). */
export function layoutStack(tree: StackTree, size: (id: string) => Size, spacing: StackSpacing): StackPlacement {
  const ctx: Measuring = { size, spacing, rows: new Map() };
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
  const width = Math.max(0, ...rows.map((r) => r.width));
  const height = rows.reduce((sum, r) => sum + r.height, 0) + ctx.spacing.gap * Math.max(0, rows.length - 1);
  return { width, height, rows };
}

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
    return { width: Math.max(own.width, inner.width) + 2 * spacing.padding, height: own.height + spacing.gap + inner.height + 2 * spacing.padding, leaf: false, inner };
  });
  const leafHeight = Math.max(0, ...cells.filter((c) => c.leaf).map((c) => c.height));
  const width = cells.reduce((sum, c) => sum + c.width, 0) + spacing.gap * Math.max(0, cells.length - 1);
  const height = Math.max(leafHeight, ...cells.filter((c) => !c.leaf).map((c) => c.height));
  const measure = { width, height, cells, leafHeight };
  ctx.rows.set(row, measure);
  return measure;
}

/** The row heights side-by-side frames share: where their stacks have as many rows, each row is as tall as the tallest of them. */
function alignedRows(row: StackRow, ctx: Measuring): number[] {
  const framed = row.cells.filter((c) => c.stack && c.stack.length > 0);
  if (framed.length < 2 || framed.some((c) => c.stack!.length !== framed[0]!.stack!.length)) return [];
  const each = framed.map((c) => measureStack(c.stack!, ctx, []));
  return each[0]!.rows.map((_, i) => Math.max(...each.map((m) => m.rows[i]!.height)));
}

function placeStack(tree: StackTree, measure: StackMeasure, at: { x: number; bottom: number; width: number }, ctx: Measuring, out: StackPlacement): void {
  let bottom = at.bottom;
  tree.forEach((row, i) => {
    const m = measure.rows[i]!;
    placeRow(row, m, { x: at.x, top: bottom - m.height, width: at.width }, ctx, out);
    bottom -= m.height + ctx.spacing.gap;
  });
}

function placeRow(row: StackRow, measure: RowMeasure, at: { x: number; top: number; width: number }, ctx: Measuring, out: StackPlacement): void {
  const { spacing } = ctx;
  const natural = measure.cells.reduce((sum, c) => sum + c.width, 0);
  const extra = at.width - natural - spacing.gap * Math.max(0, row.cells.length - 1);
  let x = at.x;
  row.cells.forEach((cell, j) => {
    const m = measure.cells[j]!;
    // Extra width in proportion to each unit's own: a wide unit stays the wider.
    const width = m.width + (natural > 0 ? (extra * m.width) / natural : extra / row.cells.length);
    // Units stand on the row's base: a box shorter than its row sits at the bottom.
    const height = m.leaf ? measure.leafHeight : m.height;
    const top = at.top + measure.height - height;
    if (!m.inner || !cell.stack) out.boxes.set(cell.id, { x, y: top, width, height });
    else {
      out.frames.set(cell.id, { x, y: top, width, height });
      const inside = { x: x + spacing.padding, width: width - 2 * spacing.padding };
      out.boxes.set(cell.id, { ...inside, y: top + spacing.padding, height: ctx.size(cell.id).height });
      placeStack(cell.stack, m.inner, { ...inside, bottom: top + height - spacing.padding }, ctx, out);
    }
    x += width + spacing.gap;
  });
}
