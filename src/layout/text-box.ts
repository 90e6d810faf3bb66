import type { BoxLink } from "./link-ends.js";
import { BOX_PAD, type Size } from "./stack-layout.js";
import { textWidth } from "./text-width.js";
import { DETAIL_LINE, LABEL_LINE } from "./box-lines.js";

/** Arrow labels' lines are 1.5 × their size apart, as Mermaid's are (a box's: box-lines.ts). */
export const LINE_HEIGHT = 1.5;

/** A box's text: its label (bold) and the detail under it (a size smaller), lines split by "\n". */
export type BoxText = { label: string; detail?: string };

/** A detail is this many times smaller than its label. */
export const DETAIL_RATIO = 1.2;

/** A box's size round its label and detail, from the font metrics vstack carries (Noto, as Mermaid measures it). */
export function boxSize({ label, detail }: BoxText, fontSize: number): Size {
  const head = textSize(label, true, fontSize, fontSize * LABEL_LINE);
  const more = detail === undefined ? { width: 0, height: 0 } : textSize(detail, false, fontSize / DETAIL_RATIO, (fontSize / DETAIL_RATIO) * DETAIL_LINE);
  return { width: Math.max(head.width, more.width) + BOX_PAD.x, height: head.height + more.height + BOX_PAD.y };
}

/** A block of text's size: its widest line, and its lines `pitch` apart (1.5 × its size unless said). */
export function textSize(text: string, bold: boolean, sizePx: number, pitch = sizePx * LINE_HEIGHT): Size {
  const lines = text.split("\n");
  return { width: Math.max(...lines.map((l) => textWidth(l, bold, sizePx))), height: lines.length * pitch };
}

/** An arrow label's size in its lane: the first of a link's copies says it, the others have none. */
export function arrowLabelSize(arrow: BoxLink, fontSize: number): Size | undefined {
  return arrow.lines !== undefined && arrow.copy === 0 ? textSize(arrow.lines, false, fontSize) : undefined;
}
