/**
 * An SVG's text read as a tree, and rewritten by edits at the places the tree found. parse5
 * reads it as a browser would (the SVG came out of one) and says where in the text each
 * attribute and each text node is; a transform looks at the decoded values, and an edit writes a
 * new value, escaped, over the old one. What no edit touches stays byte for byte as it was, so
 * a transform that changes nothing gives back the same file. Nothing here matches markup with
 * patterns: a label that reads like a tag or a colour is only text.
 */
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type ParsedElement = DefaultTreeAdapterMap["element"];

/** A decoded value and where its text is in the source (`start` to `end`, as written there). */
export interface Field {
  start: number;
  end: number;
  value: string;
}

export interface SvgElement {
  /** The element's name as written, lower case (`lineargradient`, `foreignobject`). */
  name: string;
  /** Its attributes by name as written, lower case (`viewbox`, `xlink:href`). */
  attributes: Map<string, Field>;
  /** A `<style>` element's text (all of it, one field), else undefined. */
  text?: Field;
  /** Where its start tag ends: new attributes go before that `>` (or `/>`). */
  tagEnd: number;
  /** Whether its start tag closes itself (`<rect/>`). */
  selfClosing: boolean;
  /** Where the element starts (its `<`) and ends (after its end tag, or its self-closing start tag). */
  start: number;
  end: number;
}

/** Text written over `start` to `end` of the source. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Every element of the SVG text, in document order. */
export function readSvg(source: string): SvgElement[] {
  const out: SvgElement[] = [];
  // Depth-first with a stack of its own: a deep document cannot exhaust the call stack.
  const stack: Node[] = [parseFragment(source, { sourceCodeLocationInfo: true })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if ("tagName" in node && node.sourceCodeLocation) out.push(elementOf(node, source));
    const children = "childNodes" in node ? node.childNodes : [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out;
}

function elementOf(node: ParsedElement, source: string): SvgElement {
  const location = node.sourceCodeLocation!;
  const attributes = new Map<string, Field>();
  // parse5 keys places by the name as written (lower case) and values by the name it adjusted (viewBox, xlink:href).
  const values = new Map(node.attrs.map((a) => [`${a.prefix ? `${a.prefix}:` : ""}${a.name}`.toLowerCase(), a.value]));
  for (const [name, at] of Object.entries(location.attrs ?? {})) {
    attributes.set(name, { ...valueSpan(source, at.startOffset, at.endOffset), value: values.get(name) ?? "" });
  }
  const tag = location.startTag!;
  const selfClosing = source.startsWith("/>", tag.endOffset - 2);
  const element: SvgElement = { name: node.tagName, attributes, tagEnd: tag.endOffset - (selfClosing ? 2 : 1), selfClosing, start: location.startOffset, end: location.endOffset };
  if (node.tagName === "style") {
    const texts = node.childNodes.filter((c): c is DefaultTreeAdapterMap["textNode"] => c.nodeName === "#text" && Boolean(c.sourceCodeLocation));
    const start = texts[0]?.sourceCodeLocation!.startOffset ?? tag.endOffset;
    const end = texts.at(-1)?.sourceCodeLocation!.endOffset ?? tag.endOffset;
    element.text = { start, end, value: texts.map((t) => t.value).join("") };
  }
  return element;
}

/** Where an attribute's value is written, inside its quotes: `name="value"`, `name='value'`, `name=value` or `name`. */
function valueSpan(source: string, start: number, end: number): { start: number; end: number } {
  const equals = source.indexOf("=", start);
  if (equals < 0 || equals >= end) return { start: end, end };
  let at = equals + 1;
  while (at < end && (source[at] === " " || source[at] === "\t" || source[at] === "\n" || source[at] === "\r")) at++;
  const quote = source[at];
  return quote === '"' || quote === "'" ? { start: at + 1, end: end - 1 } : { start: at, end };
}

/** The source with the edits made (they must not overlap; any order). */
export function applyEdits(source: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw new Error(`overlapping edits of an SVG at ${edit.start}`);
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.slice(at);
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;" };
const entity = (c: string) => ENTITIES[c]!;

/** Text as an XML serializer writes it between tags. */
export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, entity);
}

/** An attribute value as an XML serializer writes it between double quotes. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&<>"\n\r\t]/g, entity);
}

/** An edit that writes `value` over a field, or none when the value is unchanged. */
export function rewrite(field: Field, value: string, as: "text" | "attribute"): Edit[] {
  return value === field.value ? [] : [{ start: field.start, end: field.end, text: as === "text" ? escapeText(value) : escapeAttribute(value) }];
}

/** The root `<svg>` element: the first element of the text. */
export function rootOf(elements: SvgElement[]): SvgElement | undefined {
  return elements.find((e) => e.name === "svg");
}

/** Where a first child of the root goes: just after its start tag (undefined: no root, or one that closes itself). */
export function insideRoot(elements: SvgElement[]): number | undefined {
  const root = rootOf(elements);
  return root && !root.selfClosing ? root.tagEnd + 1 : undefined;
}
