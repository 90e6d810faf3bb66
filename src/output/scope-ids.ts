/**
 * An SVG's ids, and every reference to them, renamed from one stem to another: several pictures
 * inline in one page must not share ids, or one's arrowheads, fonts' rules or dark-theme rules
 * would apply to another. The places an id can be are found through the SVG's tree and css-tree:
 * `id` attributes, ARIA id lists, `href`s, `url(#…)` in attributes and CSS, and id selectors
 * (`#id`, `[id^="…"]`) in stylesheets. A label that happens to contain the stem is left alone.
 */
import { walk, type CssNode } from "css-tree";
import { parseCss, type CssContext } from "./css-colours.js";
import { applyEdits, readSvg, rewrite, type Edit } from "./svg-source.js";

const ID_LISTS = new Set(["aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "aria-flowto", "aria-activedescendant"]);
const HREFS = new Set(["href", "xlink:href"]);
/** Attributes whose value may hold `url(#id)`. */
const URL_ATTRIBUTES = new Set(["marker-start", "marker-mid", "marker-end", "filter", "clip-path", "mask", "fill", "stroke"]);

export function scopeIds(svg: string, from: string, to: string): string {
  const rename = (id: string) => (id === from || id.startsWith(`${from}-`) || id.startsWith(`${from}_`) ? `${to}${id.slice(from.length)}` : id);
  const edits: Edit[] = [];
  for (const element of readSvg(svg)) {
    if (element.text) edits.push(...rewrite(element.text, inCss(element.text.value, "stylesheet", rename), "text"));
    for (const [name, field] of element.attributes) {
      const value = field.value;
      const renamed =
        name === "id" ? rename(value)
        : ID_LISTS.has(name) ? value.split(" ").map(rename).join(" ")
        : HREFS.has(name) && value.startsWith("#") ? `#${rename(value.slice(1))}`
        : name === "style" ? inCss(value, "declarationList", rename)
        : URL_ATTRIBUTES.has(name) && value.includes("url(") ? inCss(value, { property: name }, rename)
        : value;
      edits.push(...rewrite(field, renamed, "attribute"));
    }
  }
  return applyEdits(svg, edits);
}

/** CSS with the ids it names renamed: id selectors, `[id…="…"]` selectors and `url(#…)`. */
function inCss(css: string, context: CssContext, rename: (id: string) => string): string {
  const edits: Edit[] = [];
  const ast = parseCss(css, context);
  const replace = (node: CssNode, text: string) => node.loc && edits.push({ start: node.loc.start.offset, end: node.loc.end.offset, text });
  walk(ast, (node) => {
    if (node.type === "IdSelector" && rename(node.name) !== node.name) replace(node, `#${rename(node.name)}`);
    else if (node.type === "Url" && node.value.startsWith("#") && rename(node.value.slice(1)) !== node.value.slice(1)) replace(node, `url(#${rename(node.value.slice(1))})`);
    else if (node.type === "AttributeSelector" && node.name.name === "id" && node.value?.type === "String" && rename(node.value.value) !== node.value.value) {
      replace(node.value, cssString(rename(node.value.value)));
    }
  });
  return applyEdits(css, edits);
}

/** A CSS string literal. */
function cssString(text: string): string {
  let out = '"';
  for (const c of text) out += c === '"' || c === "\\" ? `\\${c}` : c === "\n" ? "\\a " : c;
  return `${out}"`;
}
