import { parseSvg } from "./svg.js";

/**
 * What in an SVG could run or reach out: script elements, event-handler attributes,
 * javascript: or external references. Empty means safe to inline in a page.
 */
export function unsafeParts(svg: string): string[] {
  const found: string[] = [];
  const doc = parseSvg(svg);
  const walk = (node: any) => {
    if (node.nodeType !== 1) return;
    const name = String(node.localName ?? node.nodeName).toLowerCase();
    if (["script", "iframe", "object", "embed"].includes(name)) found.push(`<${name}>`);
    for (let i = 0; i < node.attributes.length; i++) {
      const { name: attr, value } = node.attributes.item(i);
      const a = String(attr).toLowerCase();
      if (a.startsWith("on")) found.push(`${attr}=`);
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(value)) found.push(`${attr}="${value.slice(0, 30)}"`);
      if ((a === "href" || a.endsWith(":href") || a === "src") && /^\s*[a-z]+:/i.test(value) && !value.startsWith("data:image/")) found.push(`${attr}="${value.slice(0, 40)}"`);
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(doc.documentElement);
  if (/@import|url\(\s*['"]?(https?:|\/\/)/i.test(svg)) found.push("external CSS reference");
  return found;
}
