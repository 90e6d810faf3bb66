import type { Rows } from "./grid.js";
import { wrapText } from "./text-width.js";
import type { Lang } from "../langs.js";

/** What the layout fits the picture to. */
export interface LayoutOptions {
  /** The widest the picture may be, in CSS pixels, if its words can wrap to fit. */
  maxWidth: number;
  /** The label size in CSS pixels (details are drawn a size smaller: 1/1.2 of it). */
  fontSize: number;
  /** The picture's fixed size when it has one (a slide): a drawn table picks its width to fill it. */
  canvas?: { width: number; height: number };
  /** The language of the labels: German, French and Italian words too long for a box are hyphenated. */
  lang?: Lang;
}

/**
 * 880 px: an 800 px docs column then shows the smaller detail text at 12 px or more
 * (13.3 × 800 / 880); 16 px is Mermaid's own label size.
 */
export const DEFAULT_LAYOUT: LayoutOptions = { maxWidth: 880, fontSize: 16 };

/**
 * Mermaid's block diagrams (11.x) make every column as wide as the widest box's share of it
 * (its label plus 2 × padding each side, over its span), with `padding` between boxes and 5 px
 * around: read from its output. vstack sets padding 6 (Mermaid's default is 8), which keeps
 * boxes airy and gives their words 8 px more room in each.
 */
export const BLOCK_PADDING = 6;
const MARGIN = 5;

/**
 * Wraps every label and detail so that no box needs more than its share of `maxWidth`: one
 * long detail otherwise widens every column of the diagram.
 */
export function fitRows(rows: Rows, columns: number, { maxWidth, fontSize, lang }: LayoutOptions): Rows {
  const column = (maxWidth - 2 * MARGIN - (columns - 1) * BLOCK_PADDING) / columns;
  return rows.map((row) =>
    row.map((cell) => {
      if (cell.space) return cell;
      const room = Math.max(cell.span * column - 4 * BLOCK_PADDING, 4 * fontSize);
      return {
        ...cell,
        label: wrapText(cell.label, room, true, fontSize, lang),
        ...(cell.detail !== undefined && { detail: wrapText(cell.detail, room, false, fontSize / 1.2, lang) }),
      };
    }),
  );
}
