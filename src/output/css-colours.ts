/**
 * The colours in CSS text, found by css-tree's parser: hex colours, rgb()/hsl() and, in the
 * properties that take a colour, the named colours vstack and Mermaid write. A selector's `#id`,
 * a media query's `dark` or a font called "Red Hat" are not colours, and are not found.
 */
import { parse, walk, type CssNode } from "css-tree";

/** A colour as written, and where (offsets in the text searched). */
export interface ColourAt {
  start: number;
  end: number;
  text: string;
}

/** What the text is: a whole stylesheet, a style attribute's declarations, or the value of one property. */
export type CssContext = "stylesheet" | "declarationList" | { property: string };

const FUNCTIONS = new Set(["rgb", "rgba", "hsl", "hsla"]);
const NAMED = new Set(["white", "black", "gray", "grey", "silver", "red", "green", "blue", "yellow", "orange", "purple", "transparent"]);
/** Properties (and presentation attributes) whose value is, or holds, a colour. */
const COLOUR_PROPERTIES = new Set(["fill", "stroke", "color", "stop-color", "flood-color", "lighting-color", "background", "background-color", "border", "border-color", "outline", "outline-color"]);

/** Presentation attributes that take a colour. */
const COLOUR_ATTRIBUTES = new Set(["fill", "stroke", "stop-color", "flood-color", "lighting-color", "color"]);

/**
 * Found colours by context and text: a picture repeats the same few style attributes hundreds of
 * times, and parsing each again was most of a theme's cost. Bounded in entries and in the length
 * of text kept (a stylesheet, with embedded fonts tens of kilobytes, is parsed each time).
 */
const known = new Map<string, readonly ColourAt[]>();
const KNOWN_MAX = 4096;
const KNOWN_LONGEST = 512;

export function coloursIn(css: string, context: CssContext): readonly ColourAt[] {
  if (css.length > KNOWN_LONGEST) return parsedColours(css, context);
  const key = `${typeof context === "object" ? context.property : context}\u0000${css}`;
  let found = known.get(key);
  if (!found) {
    if (known.size >= KNOWN_MAX) known.clear();
    known.set(key, (found = parsedColours(css, context)));
  }
  return found;
}

function parsedColours(css: string, context: CssContext): ColourAt[] {
  const found: ColourAt[] = [];
  const take = (node: CssNode, property: string) => {
    walk(node, (n) => {
      const isColour = n.type === "Hash" || (n.type === "Function" && FUNCTIONS.has(n.name.toLowerCase())) || (n.type === "Identifier" && COLOUR_PROPERTIES.has(property) && NAMED.has(n.name));
      if (!isColour || !n.loc) return;
      found.push({ start: n.loc.start.offset, end: n.loc.end.offset, text: css.slice(n.loc.start.offset, n.loc.end.offset) });
      return walk.skip;
    });
  };
  if (typeof context === "object") take(parseCss(css, context), context.property.toLowerCase());
  else walk(parseCss(css, context), { visit: "Declaration", enter: (declaration) => take(declaration.value, declaration.property.toLowerCase()) });
  return found;
}

/** CSS text parsed by css-tree as what `context` says it is, with each node's place in the text. */
export function parseCss(css: string, context: CssContext): CssNode {
  return parse(css, { context: typeof context === "object" ? "value" : context, positions: true });
}

/** What an SVG attribute's value is as CSS, for the attributes that may hold colours: a style's declarations, or a presentation attribute's value. */
export function colourContext(attribute: string): CssContext | undefined {
  return attribute === "style" ? "declarationList" : COLOUR_ATTRIBUTES.has(attribute) ? { property: attribute } : undefined;
}

/** The CSS text with each colour replaced by what `swap` makes of it. */
export function withColours(css: string, context: CssContext, swap: (colour: string) => string): string {
  return replaceColours(css, coloursIn(css, context), (colour) => swap(colour.text));
}

/**
 * `text` with each found colour replaced, `found` being offsets in a value of which `text` is the
 * part starting at `offset` (colours outside it are left out).
 */
export function replaceColours<T extends ColourAt>(text: string, found: readonly T[], by: (colour: T) => string, offset = 0): string {
  let out = "";
  let at = 0;
  for (const f of found) {
    if (f.start < offset || f.end > offset + text.length) continue;
    out += `${text.slice(at, f.start - offset)}${by(f)}`;
    at = f.end - offset;
  }
  return out + text.slice(at);
}

/** The same colour written the same way, spacing and case aside. */
export function sameColour(a: string, b: string): boolean {
  return a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();
}
