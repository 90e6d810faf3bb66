import stringWidth from "string-width";
import { flowItems, flowTree } from "../layout/flow-tree.js";
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

/** A box's outline and the blank cell each side of its text, which a box narrower than `ROOMY` does without. */
const PAD_Y = 2;
const padX = (room: number) => (room >= ROOMY ? 4 : 2);
const ROOMY = 8;
/** Labels are wrapped no narrower than this many cells; where the drawing is still too wide, its lines are cut. */
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
  const items = flowItems(flow);
  const tree = flowTree(flow, stacking);
  const wrapAt = (room: (id: string) => number) => new Map([...items].map(([id, item]) => [id, wrapBox(item, room(id))]));
  // Each wrap width has its padding, which only grows with it: the drawing only widens as the wrap does.
  const sizeOf = (id: string, lines: string[], pad: number): Size => ({
    width: lines.reduce((widest, l) => Math.max(widest, stringWidth(l)), 0) + pad,
    height: lines.length + (isBare(items.get(id)!) ? 0 : PAD_Y),
  });
  const place = (texts: Map<string, string[]>, pad: number) => layoutStack(tree, (id) => sizeOf(id, texts.get(id) ?? [], pad), CELL_SPACING);

  let [low, high] = [MIN_ROOM, Math.max(MIN_ROOM, ...[...items.values()].map((it) => sizeOf(it.nodeId, wrapBox(it, Infinity), 0).width))];
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (place(wrapAt(() => mid), padX(mid)).width <= width) low = mid;
    else high = mid - 1;
  }
  const pad = padX(low);
  const placed = place(wrapAt(() => low), pad);
  const texts = wrapAt((id) => Math.max(low, Math.floor(placed.boxes.get(id)?.width ?? 0) - pad));
  const final = place(texts, pad);
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
