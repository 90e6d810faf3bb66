import { applyEdits, escapeText, insideRoot, readSvg, rootOf } from "./svg-source.js";

/** The id on an SVG's root element, which rules added to the picture are scoped by. */
export function rootId(svg: string): string | undefined {
  return rootOf(readSvg(svg))?.attributes.get("id")?.value || undefined;
}

/** The SVG with a stylesheet added after its own (so its rules come later in the cascade), else first in it. */
export function withStylesheet(svg: string, css: string): string {
  const elements = readSvg(svg);
  const at = elements.findLast((e) => e.name === "style")?.end ?? insideRoot(elements);
  return at === undefined ? svg : applyEdits(svg, [{ start: at, end: at, text: `<style>${escapeText(css)}</style>` }]);
}
