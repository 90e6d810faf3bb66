import { ident, string, tokenize, tokenTypes, url } from "css-tree";
import { parseSvg } from "./svg.js";

/**
 * What in an SVG could run or reach out: script elements, event-handler attributes,
 * javascript: URLs, and any external reference (externalReferences). Empty means safe to
 * inline in a page.
 */
export function unsafeParts(svg: string): string[] {
  const found: string[] = [];
  walkElements(parseSvg(svg).documentElement, (el) => {
    const name = String(el.localName ?? el.nodeName).toLowerCase();
    if (["script", "iframe", "object", "embed"].includes(name)) found.push(`<${name}>`);
    for (const { name: attr, value } of attributes(el)) {
      if (attr.toLowerCase().startsWith("on")) found.push(`${attr}=`);
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(value)) found.push(`${attr}="${value.slice(0, 30)}"`);
    }
  });
  return [...found, ...externalReferences(svg)];
}

/** Attributes whose value is a URL (by local name, any element, any namespace prefix). */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "background", "data", "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "usemap", "profile", "classid", "base"]);
/** Attributes holding lists of URLs: none belongs in a diagram. */
const URL_LIST_ATTRIBUTES = new Set(["srcset", "imagesrcset", "ping", "archive"]);
const XLINK = "http://www.w3.org/1999/xlink";

/**
 * Every reference in an SVG that would make a page showing it fetch something or point out of
 * it: any URL but `#fragment`, inline images and fonts (`data:image/…`, `data:font/…`). The SVG
 * is parsed as a tree; every attribute value is read as a URL where it is one and as CSS
 * otherwise, and every `<style>` as CSS, tokenized by css-tree with escapes decoded.
 */
export function externalReferences(svg: string): string[] {
  const found: string[] = [];
  walkElements(parseSvg(svg).documentElement, (el) => {
    const tag = String(el.localName ?? el.nodeName);
    if (tag.toLowerCase() === "style") found.push(...cssReferences(el.textContent ?? "").map((r) => `<style>: ${r}`));
    for (const { name, localName, namespaceURI, value } of attributes(el)) {
      if (name === "xmlns" || name.startsWith("xmlns:")) continue;
      const local = String(localName ?? name).replace(/^.*:/, "").toLowerCase();
      const where = `<${tag} ${name}>`;
      if (URL_LIST_ATTRIBUTES.has(local)) found.push(`${where}: ${value.slice(0, 60)}`);
      else if (URL_ATTRIBUTES.has(local) || (namespaceURI === XLINK && local !== "title")) {
        if (!isLocal(value)) found.push(`${where}: ${value.slice(0, 60)}`);
      } else {
        // Read as CSS: style="…", fill="url(…)", cursor, filter, mask, markers, and anything else.
        found.push(...cssReferences(value).map((r) => `${where}: ${r}`));
        if (/^\s*(?:[a-z][a-z0-9+.-]*:\/\/|\/\/|data:)/i.test(value) && !isLocal(value)) found.push(`${where}: ${value.slice(0, 60)}`);
      }
    }
  });
  return found;
}

/** A URL that stays inside the picture: a fragment, or inline image or font data. */
export function isLocal(value: string): boolean {
  // As a URL parser reads it: control characters and spaces before it and tabs and newlines in it do not count.
  return /^(#|data:image\/|data:font\/)/i.test(value.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, ""));
}

/** Functions whose string arguments are URLs (image-set("a.png" 1x), image(), cross-fade(), src(), element()). */
const URL_STRING_FUNCTIONS = /image|fade|^url$|^src$|element/;

/**
 * The references in CSS text (a style sheet, declarations or one value) that point outside the
 * picture: url tokens, url()/src() functions with their name escaped or not, strings inside
 * image functions and after @import. css-tree reads an escaped function name (`\75 rl(`) as a
 * function, where the CSS syntax (and so a browser) reads a url: its name is decoded here.
 */
export function cssReferences(css: string): string[] {
  const tokens: Array<{ type: number; text: string }> = [];
  tokenize(css, (type, start, end) => tokens.push({ type, text: css.slice(start, end) }));
  const found: string[] = [];
  const open: string[] = [];
  let importing = false;
  const check = (value: string) => void (!isLocal(value) && found.push(value.slice(0, 80)));
  for (let i = 0; i < tokens.length; i++) {
    const { type, text } = tokens[i]!;
    if (type === tokenTypes.Url) check(url.decode(text));
    else if (type === tokenTypes.BadUrl) found.push(`bad url ${text.slice(0, 60)}`);
    else if (type === tokenTypes.AtKeyword) importing = ["import", "namespace"].includes(ident.decode(text.slice(1)).toLowerCase()) || importing;
    else if (type === tokenTypes.Semicolon || type === tokenTypes.LeftCurlyBracket) importing = false;
    else if (type === tokenTypes.String) {
      if (importing || open.some((name) => URL_STRING_FUNCTIONS.test(name))) check(string.decode(text));
    } else if (type === tokenTypes.Function) {
      const name = ident.decode(text.slice(0, -1)).toLowerCase();
      if (name === "url" || name === "src") {
        // Up to the closing parenthesis: a string argument, or the raw text of a url token.
        let j = i + 1;
        while (tokens[j]?.type === tokenTypes.WhiteSpace) j++;
        if (tokens[j]?.type !== tokenTypes.String) {
          let raw = "";
          for (j = i + 1; j < tokens.length && tokens[j]!.type !== tokenTypes.RightParenthesis; j++) raw += tokens[j]!.text;
          check(url.decode(`url(${raw})`));
          i = j;
          continue;
        }
      }
      open.push(name);
    } else if (type === tokenTypes.LeftParenthesis) open.push("");
    else if (type === tokenTypes.RightParenthesis) open.pop();
  }
  return found;
}

// xmldom's nodes, walked without its types.
function walkElements(node: any, visit: (el: any) => void): void {
  if (!node || node.nodeType !== 1) return;
  visit(node);
  for (let c = node.firstChild; c; c = c.nextSibling) walkElements(c, visit);
}

function attributes(el: any): Array<{ name: string; localName: string | null; namespaceURI: string | null; value: string }> {
  const out = [];
  for (let i = 0; i < el.attributes.length; i++) {
    const a = el.attributes.item(i);
    out.push({ name: String(a.name), localName: a.localName ?? null, namespaceURI: a.namespaceURI ?? null, value: String(a.value) });
  }
  return out;
}
