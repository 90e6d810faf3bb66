import { applyEdits, escapeText, insideRoot, readSvg, rootOf, type Edit, type SvgElement } from "./svg-source.js";

/** The id on an SVG's root element, which rules added to the picture are scoped by. */
export function rootId(svg: string): string | undefined {
  return rootOf(readSvg(svg))?.attributes.get("id")?.value || undefined;
}

/** The SVG with a stylesheet added after its own (so its rules come later in the cascade), else first in it. */
export function withStylesheet(svg: string, css: string): string {
  const edit = stylesheetEdit(readSvg(svg), css);
  return edit ? applyEdits(svg, [edit]) : svg;
}

/** The edit that adds a stylesheet to the SVG whose tree is `elements` (after its own, else first in it). */
export function stylesheetEdit(elements: SvgElement[], css: string): Edit | undefined {
  const at = elements.findLast((e) => e.name === "style")?.end ?? insideRoot(elements);
  return at === undefined ? undefined : { start: at, end: at, text: `<style>${escapeText(css)}</style>` };
}
