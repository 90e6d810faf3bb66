import type { BoxLink } from "./link-ends.js";
import { BOX_PAD, type Size } from "./stack-layout.js";
import { textWidth } from "./text-width.js";

/** Lines are 1.5 × the label size apart, as Mermaid's flowchart labels are. */
export const LINE_HEIGHT = 1.5;

/** A box's text: its label (bold) and the detail under it (a size smaller), lines split by "\n". */
export type BoxText = { label: string; detail?: string };

/** A detail is this many times smaller than its label. */
export const DETAIL_RATIO = 1.2;

/** A box's size round its label and detail, from the font metrics vstack carries (Noto, as Mermaid measures it). */
export function boxSize({ label, detail }: BoxText, fontSize: number): Size {
  const head = textSize(label, true, fontSize);
  const more = detail === undefined ? { width: 0, height: 0 } : textSize(detail, false, fontSize / DETAIL_RATIO, fontSize);
  return { width: Math.max(head.width, more.width) + BOX_PAD.x, height: head.height + more.height + BOX_PAD.y };
}

/** A block of text's size: its widest line, and its lines `lineSize × 1.5` apart. */
export function textSize(text: string, bold: boolean, sizePx: number, lineSize = sizePx): Size {
  const lines = text.split("\n");
  return { width: Math.max(...lines.map((l) => textWidth(l, bold, sizePx))), height: lines.length * lineSize * LINE_HEIGHT };
}

/** An arrow label's size in its lane: the first of a link's copies says it, the others have none. */
export function arrowLabelSize(arrow: BoxLink, fontSize: number): Size | undefined {
  return arrow.lines !== undefined && arrow.copy === 0 ? textSize(arrow.lines, false, fontSize) : undefined;
}
