/**
 * How far apart a box's lines are, as a multiple of their size: the label's 1.3 (Mermaid alone
 * spaces every label 1.5 × 16 px, loose for a bold label of two lines), the detail's 1.4 of its
 * own smaller size (Mermaid alone would give it the label's 24 px). The layout plugin sets both
 * with `boxLineCss` before Mermaid measures a box, and text-box.ts sizes boxes the same way in
 * Node. Arrow labels keep Mermaid's spacing. Its own module, with nothing to import, as the
 * browser bundle reads it too.
 */
export const LABEL_LINE = 1.3;
export const DETAIL_LINE = 1.4;

/** The class of the `<style>` holding them: dropped once the labels are SVG text (svg-labels.ts). */
export const BOX_LINES_CLASS = "vstack-box-lines";

/**
 * The rules, scoped to one picture's `<svg id>` (escaped for CSS): the label's block, whose line
 * height Mermaid sets on the element itself (hence `!important`), and the detail as a block of its own.
 */
export const boxLineCss = (svgId: string) =>
  `#${svgId} .node foreignObject>div{line-height:${LABEL_LINE}!important}#${svgId} .nodeLabel small{display:block;line-height:${DETAIL_LINE}}`;
