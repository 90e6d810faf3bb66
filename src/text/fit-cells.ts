import stringWidth from "string-width";
import { flowTree } from "../layout/flow-tree.js";
import type { FlowItem, FlowLink } from "../layout/model.js";
import { layoutStack, type Rect, type Size, type StackPlacement, type StackSpacing } from "../layout/stack-layout.js";
import { wrapBox } from "./wrap.js";

/**
 * The stack layout the pictures use (layoutStack, on the same stack tree), in terminal cells:
 * boxes side by side touch as their outlines do, a frame keeps a cell (a line) inside round
 * its header and stack.
 */
export const CELL_SPACING: StackSpacing = { gap: 0, padding: 1 };

/** A compared stack's name: text on the page, no box (as in the picture), at the top of its frame. */
export const isBare = (item: FlowItem) => item.kind === "caption";

/** A box's outline and the blank cell each side of its text. */
const BOX_PAD = { x: 4, y: 2 };
/** Labels are wrapped no narrower than this many cells, even when the drawing then runs wider than asked. */
const MIN_ROOM = 3;

/** Where each box and frame goes, on whole cells, and each box's text as the lines it is drawn in. */
export interface CellLayout extends StackPlacement {
  texts: Map<string, string[]>;
}

/**
 * Lays the flow out in `width` cells: every label wrapped at one width, the widest at which the
 * drawing fits (found by bisection: the drawing only narrows as that width does), then each box
 * wrapped again at the width the layout gave it (a layer or a header is as wide as its stack).
 */
export function fitCells(flow: FlowItem[], stacking: FlowLink[], width: number): CellLayout {
  const items = new Map<string, FlowItem>();
  const index = (list: FlowItem[]): void => list.forEach((item) => (items.set(item.nodeId, item), item.items && index(item.items)));
  index(flow);
  const tree = flowTree(flow, stacking);
  const wrapAt = (room: (id: string) => number) => new Map([...items].map(([id, item]) => [id, wrapBox(item, room(id))]));
  const sizeOf = (id: string, lines: string[]): Size => ({
    width: Math.max(0, ...lines.map((l) => stringWidth(l))) + BOX_PAD.x,
    height: lines.length + (isBare(items.get(id)!) ? 0 : BOX_PAD.y),
  });
  const place = (texts: Map<string, string[]>) => layoutStack(tree, (id) => sizeOf(id, texts.get(id) ?? []), CELL_SPACING);

  let [low, high] = [MIN_ROOM, Math.max(MIN_ROOM, ...[...items.values()].map((it) => sizeOf(it.nodeId, wrapBox(it, Infinity)).width - BOX_PAD.x))];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (place(wrapAt(() => mid)).width <= width) low = mid;
    else high = mid - 1;
  }
  const placed = place(wrapAt(() => low));
  const texts = wrapAt((id) => Math.max(low, Math.floor(placed.boxes.get(id)?.width ?? 0) - BOX_PAD.x));
  const final = place(texts);
  const snap = (rects: Map<string, Rect>) => new Map([...rects].map(([id, r]) => [id, cells(r)]));
  return { width: Math.ceil(final.width), height: Math.ceil(final.height), boxes: snap(final.boxes), frames: snap(final.frames), texts };
}

/**
 * A placed rectangle on whole cells. Only x can be fractional (extra width is shared out in
 * proportion); rounding each edge, not each width, keeps whole-cell gaps and paddings as placed
 * and never narrows a box below its content.
 */
function cells(r: Rect): Rect {
  const [x, y] = [Math.round(r.x), Math.round(r.y)];
  return { x, y, width: Math.round(r.x + r.width) - x, height: Math.round(r.y + r.height) - y };
}
