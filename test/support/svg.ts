import { DOMParser } from "@xmldom/xmldom";
import type { Spec, Entry } from "../../src/spec-format/types.js";

/** Parses SVG text as XML; throws on anything that is not well-formed. */
export function parseSvg(svg: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void (level !== "warning" && errors.push(msg)) }).parseFromString(svg, "image/svg+xml");
  if (errors.length > 0) throw new Error(`SVG is not well-formed XML: ${errors.join("; ")}`);
  return doc;
}

/** All text a reader sees in the SVG (labels live in <foreignObject> HTML or <text>), whitespace folded. */
export function visibleText(svg: string): string {
  const doc = parseSvg(svg);
  const root = doc.documentElement!;
  const skip = new Set(["style", "title", "desc"]);
  const parts: string[] = [];
  const walk = (node: any) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? "");
    else if (node.nodeType === 1 && !skip.has(node.localName ?? node.nodeName)) for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (node.nodeType === 1 && (node.localName === "br" || node.localName === "p" || node.localName === "div")) parts.push(" ");
  };
  walk(root);
  return parts.join(" ").replace(/\s+/g, " ");
}

/** Every label and detail line a spec draws, in any order. */
export function specLabels(spec: Spec): string[] {
  const out: string[] = [];
  const walk = (stack: Entry[]) => {
    for (const e of stack) {
      if (e.type === "layer") out.push(e.label, ...(e.detail ? e.detail.split("\n") : []));
      else
        for (const u of e.units) {
          out.push(u.label, ...(u.detail ? u.detail.split("\n") : []));
          walk(u.stack);
        }
    }
  };
  if (spec.type === "stack") walk(spec.stack);
  else for (const s of spec.stacks) out.push(s.title), walk(s.stack);
  return out;
}

export function foldSpace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Text with all white space taken out: a label wrapped onto lines (at a space or after a hyphen) still matches. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}
