import { escapeText, insideRoot, type Edit, type SvgElement } from "./svg-source.js";

/** The edit that adds a stylesheet to the SVG whose tree is `elements`: after its own (so its rules come later in the cascade), else first in it. */
export function stylesheetEdit(elements: SvgElement[], css: string): Edit | undefined {
  const at = elements.findLast((e) => e.name === "style")?.end ?? insideRoot(elements);
  return at === undefined ? undefined : { start: at, end: at, text: `<style>${escapeText(css)}</style>` };
}
