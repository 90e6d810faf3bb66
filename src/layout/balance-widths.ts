import { cellGaps, frameRoom, laneGaps, layoutStack, rowGaps, type Lane, type Size, type StackCell, type StackRow, type StackSpacing, type StackTree } from "./stack-layout.js";

/** What balancing needs of a box: its size when its words are wrapped to fit `width` (outer, padding included), and the narrowest it may be. */
export interface Balancing {
  sizeAt: (id: string, width: number) => Size;
  least: (id: string) => number;
}

/**
 * The width each box's words are wrapped at so that the stack, `room` wide, is as short as it can
 * be: in a row of units side by side, the row's width is shared so that its tallest unit is as
 * short as it can be (a unit with much to say gets more of it, one with little keeps its own), and
 * a frame's share goes to its header and, less its padding, to its stack, row by row the same way.
 *
 * Every height is a function of the width given, never taller for more: so a row's least height is
 * found by bisection on the height (can every unit be that short in its share?), and a unit's
 * least width for a height by bisection on the width. Sizes are taken once per whole pixel.
 * The plan is then tuned against the layout itself (layoutStack), which lines up rows and routes
 * lanes as the plan does not.
 */
export function balanceWidths(tree: StackTree, room: number, boxes: Balancing, spacing: StackSpacing, lanes: Lane[]): Map<string, number> {
  const gaps = laneGaps(tree, lanes, spacing);
  const memo = <K, V>(fn: (key: K, width: number) => V) => {
    const seen = new Map<K, Map<number, V>>();
    return (key: K, width: number): V => {
      const w = Math.floor(width);
      const mine = seen.get(key) ?? seen.set(key, new Map()).get(key)!;
      if (!mine.has(w)) mine.set(w, fn(key, w));
      return mine.get(w)!;
    };
  };
  // The gaps between a row's cells, summed.
  const between = (row: StackRow) => sum(cellGaps(row, gaps, spacing));

  // The narrowest each cell, row and stack may be: every box at its least.
  const leastOf = new Map<object, number>();
  const leastCell = (cell: StackCell): number => {
    if (!cell.stack) return boxes.least(cell.id);
    return Math.max(boxes.least(cell.id), leastStack(cell.stack) + 2 * spacing.padding);
  };
  const leastRow = (row: StackRow) => leastOf.get(row) ?? leastOf.set(row, sum(row.cells.map(leastCell)) + between(row)).get(row)!;
  const leastStack = (stack: StackTree) => Math.max(0, ...stack.map(leastRow));

  const stackHeight = memo((stack: StackTree, width: number) => sum(stack.map((row) => rowHeight(row, width))) + sum(rowGaps(stack, gaps, spacing)));
  const cellHeight = memo((cell: StackCell, width: number): number => {
    const own = boxes.sizeAt(cell.id, width).height;
    if (!cell.stack) return own;
    const { under, foot } = frameRoom(cell, gaps, spacing);
    return own + under + stackHeight(cell.stack, width - 2 * spacing.padding) + foot;
  });
  /** The least width at which `cell` is at most `height` tall (within `most`), or Infinity. */
  const widthFor = (cell: StackCell, height: number, most: number): number => {
    let [low, high] = [Math.ceil(leastCell(cell)), Math.floor(most)];
    if (high < low || cellHeight(cell, high) > height) return Infinity;
    while (low < high) {
      const mid = Math.floor((low + high) / 2);
      if (cellHeight(cell, mid) <= height) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  /** A row's widths for the least height it can have in `width`. */
  const shares = memo((row: StackRow, width: number): { height: number; widths: number[] } => {
    const room = width - between(row);
    if (row.cells.length === 1) return { height: cellHeight(row.cells[0]!, room), widths: [room] };
    const widthsFor = (height: number) => row.cells.map((c) => widthFor(c, height, room));
    const fits = (height: number) => sum(widthsFor(height)) <= room;
    // As tall as every cell at its narrowest: the most it needs; less than the tallest at full width cannot fit.
    let high = Math.max(...row.cells.map((c) => cellHeight(c, Math.max(leastCell(c), 0))));
    let low = Math.max(...row.cells.map((c) => cellHeight(c, room)));
    if (!fits(high)) return { height: high, widths: row.cells.map(leastCell) };
    while (high - low > 0.5) {
      const mid = (low + high) / 2;
      if (fits(mid)) high = mid;
      else low = mid;
    }
    return { height: high, widths: widthsFor(high) };
  });
  const rowHeight = (row: StackRow, width: number) => shares(row, width).height;
  /**
   * The widths a row is drawn at: each unit at the least width for the row's height, then what is
   * left goes, a step at a time, to the units it makes shortest for the width it costs (a box
   * beside a taller frame loses lines rather than the frame gaining empty width), and the rest
   * in proportion, as the layout shares it. Units alike (the same looks, nested the same way: two
   * guest VMs) are widened together or not at all, so they stay alike.
   */
  const spread = memo((row: StackRow, width: number): number[] => {
    const widths = [...shares(row, width).widths];
    if (row.cells.length === 1) return widths;
    const room = width - between(row);
    let left = room - sum(widths);
    const groups = new Map<string, number[]>();
    row.cells.forEach((cell, i) => groups.get(likeness(cell))?.push(i) ?? groups.set(likeness(cell), [i]));
    for (;;) {
      let pick: { members: number[]; wider: number[]; gain: number } | undefined;
      for (const members of groups.values()) {
        // The least widths that make each of them shorter, within what is left.
        const wider: number[] = [];
        let [cost, drop] = [0, 0];
        for (const i of members) {
          const now = cellHeight(row.cells[i]!, widths[i]!);
          const w = widthFor(row.cells[i]!, now - 0.5, widths[i]! + left - cost);
          if (w === Infinity) break;
          wider.push(w);
          cost += w - widths[i]!;
          drop += now - cellHeight(row.cells[i]!, w);
        }
        if (wider.length < members.length) continue;
        const gain = drop / cost;
        if (!pick || gain > pick.gain) pick = { members, wider, gain };
      }
      if (!pick) break;
      pick.members.forEach((i, k) => {
        left -= pick!.wider[k]! - widths[i]!;
        widths[i] = pick!.wider[k]!;
      });
    }
    const total = sum(widths);
    return widths.map((w) => w + (left * w) / total);
  });

  // Side-by-side frames line up rows the planning above takes one by one (a comparison's
  // hardware), and lanes pass under rows: so each row of several units then moves width between
  // them, a step at a time, while the picture as the layout places it gets shorter and still
  // fits. Outer rows first: an inner row's width follows from its frame's.
  const chosen = new Map<StackRow, number[]>();
  const given = new Map<StackRow, number[]>();
  const assign = (stack: StackTree, width: number, out: Map<string, number>) => {
    for (const row of stack) {
      const widths = chosen.get(row) ?? spread(row, width);
      given.set(row, widths);
      row.cells.forEach((cell, i) => {
        out.set(cell.id, widths[i]!);
        if (cell.stack) assign(cell.stack, widths[i]! - 2 * spacing.padding, out);
      });
    }
  };
  const measure = () => {
    const out = new Map<string, number>();
    assign(tree, room, out);
    const placed = layoutStack(tree, (id) => boxes.sizeAt(id, out.get(id)!), spacing, lanes);
    return { out, height: placed.width <= room ? placed.height : Infinity };
  };
  let best = measure();
  const rows: StackRow[] = [];
  const collect = (stack: StackTree) => stack.forEach((row) => (row.cells.length > 1 && rows.push(row), row.cells.forEach((c) => c.stack && collect(c.stack))));
  collect(tree);
  for (const row of rows) {
    best = measure();
    let current = given.get(row)!;
    for (let round = 0, moved = true; moved && round < ROUNDS; round++) {
      moved = false;
      for (const step of STEPS)
        for (const a of current.keys())
          for (const b of current.keys()) {
            if (a === b || current[b]! - step < leastCell(row.cells[b]!)) continue;
            const next = current.map((w, i) => (i === a ? w + step : i === b ? w - step : w));
            chosen.set(row, next);
            const tried = measure();
            if (tried.height < best.height) [best, current, moved] = [tried, next, true];
          }
      chosen.set(row, current);
    }
  }
  return best.out;
}

/** Width moved between units a step at a time, coarse to fine; and at most this many rounds a row. */
const STEPS = [48, 16, 4];
const ROUNDS = 8;

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A unit's looks and, for a frame, its stack's, row by row: units alike have the same. */
function likeness(cell: StackCell): string {
  return `${cell.look ?? ""}${cell.stack ? `[${cell.stack.map((row) => row.cells.map(likeness).join(",")).join("/")}]` : ""}`;
}
