import type { Page } from "puppeteer-core";
import { PURIFY_URL } from "./page-assets.js";

/**
 * Closed output: a picture may be inlined in any page, so it keeps no reference to anything
 * outside itself but `#fragments` and inline image and font data. Raw Mermaid can carry them in
 * labels (HTML), themeCSS, fontFamily and front matter, in forms Mermaid's strict mode lets
 * through: `<img src>`, links, `style` attributes, `url()` spelled with CSS escapes or entities,
 * `image-set("…")`.
 *
 * Installs `vstackSanitizeSvg(svg)` in the page. It works on the tree: DOMPurify (with Mermaid's
 * own options, so a picture Mermaid already cleaned passes unchanged) removes scripts, handlers
 * and anything not on its allow-lists; then every URL attribute must be local, and every bit of
 * CSS (`<style>`, `style`, presentation attributes such as `fill`) is read by the browser's own
 * CSS parser, escapes and entities decoded as a reader's browser decodes them, and any
 * declaration or rule that could fetch is dropped. CSS is rewritten only where it held something
 * unsafe or something the parser did not account for, so clean pictures keep their bytes.
 */
export async function installSvgSanitizer(page: Page): Promise<void> {
  await page.addScriptTag({ url: PURIFY_URL });
  await page.evaluate(defineSanitizer);
}

/** Runs inside the page (it is sent as source): it may not use anything from outside its body. */
function defineSanitizer(): void {
  interface Purify {
    sanitize(node: Element, config: Record<string, unknown>): unknown;
  }
  const purify = (window as unknown as { DOMPurify: Purify }).DOMPurify;
  // Mermaid's options for its strict security level.
  const PURIFY_CONFIG = { IN_PLACE: true, ADD_TAGS: ["foreignobject"], ADD_ATTR: ["dominant-baseline"], HTML_INTEGRATION_POINTS: { foreignobject: true } };
  /** Attributes whose value is a URL, by local name (`xlink:href` is `href`), on any element. */
  const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "poster", "background", "data", "codebase", "cite", "longdesc", "lowsrc", "dynsrc", "manifest", "icon", "usemap", "profile", "classid", "base", "arcrole"]);
  /** Attributes holding lists of URLs: none belongs in a picture. */
  const URL_LISTS = new Set(["srcset", "imagesrcset", "ping", "archive"]);
  const XLINK = "http://www.w3.org/1999/xlink";
  const XLINK_WORDS = new Set(["title", "show", "actuate", "type"]);

  /** A reference that stays in the picture: a fragment, or inline image or font data (read as a URL parser reads it). */
  const isLocal = (url: string) => /^(#|data:(image\/(png|gif|jpe?g|webp)|font\/[\w.+-]+)[;,])/i.test(url.replace(/^[\u0000-\u0020]+/, "").replace(/[\t\n\r]/g, ""));
  /** Whether every url() in the browser's own serialization of CSS (`url("…")`, escapes decoded) stays in the picture. */
  const urlsLocal = (serialized: string) => serialized.split("url(").slice(1).every((rest) => isLocal(rest.startsWith('"') ? rest.slice(1) : rest));
  const countUrls = (css: string) => css.match(/url\(/gi)?.length ?? 0;
  /**
   * CSS text the browser's reading does not account for: escapes, @import, functions it
   * dropped (another browser may not), url()s it did not keep. Such text is replaced by the
   * browser's serialization of what it read, which every browser reads alike.
   */
  const unaccounted = (raw: string, read: string) => /\\|@import|\bsrc\s*\(|image\s*\(|element\s*\(/i.test(raw) || countUrls(raw) !== countUrls(read);

  const takesUrlCache = new Map<string, boolean>();
  /** A property that can take an image or another resource, asked of the browser's own grammar. */
  const takesUrl = (property: string) => {
    let known = takesUrlCache.get(property);
    if (known === undefined) {
      known = ["url(#a)", "url(#a), auto", "below 0px url(#a)"].some((value) => CSS.supports(property, value));
      takesUrlCache.set(property, known);
    }
    return known;
  };
  /** A value the browser resolves only where it applies (var(), env(), attr()): its text is not yet what will be used. */
  const pending = (property: string, value: string) => {
    // A longhand of a shorthand that uses var() reads as "".
    if (value === "") return true;
    try {
      return CSSStyleValue.parse(property, value) instanceof CSSUnparsedValue;
    } catch {
      return false; // a descriptor (@font-face src): read like any value
    }
  };
  /**
   * A declaration that could reach out. A custom property keeps its text as written, to become
   * part of another value where used: one that could make a url there (an escape, url, src,
   * image) is dropped (Mermaid's own hold font names). A pending value is dropped where the
   * property takes resources; any other value is read through its serialization.
   */
  const unsafe = (property: string, value: string) => {
    if (property.startsWith("--")) return /\\|url|src|image/i.test(value);
    return pending(property, value) ? takesUrl(property) : !urlsLocal(value);
  };

  /** Drops the declarations of a block that could reach out; true when there were any. */
  const cleanDeclarations = (style: CSSStyleDeclaration): boolean => {
    const kept: Array<[string, string, string]> = [];
    let dropped = false;
    for (let i = 0; i < style.length; i++) {
      const property = style.item(i);
      const value = style.getPropertyValue(property);
      if (unsafe(property, value)) dropped = true;
      else if (value !== "") kept.push([property, value, style.getPropertyPriority(property)]);
    }
    if (!dropped) return false;
    style.cssText = "";
    for (const [property, value, priority] of kept) style.setProperty(property, value, priority);
    return true;
  };

  /** Drops the rules of a list (and the declarations of its rules) that could reach out; true when there were any. */
  const cleanRules = (owner: { deleteRule(index: number): void }, rules: CSSRuleList): boolean => {
    let changed = false;
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i]! as CSSRule & { style?: CSSStyleDeclaration; cssRules?: CSSRuleList };
      const { style, cssRules } = rule;
      // @import and @namespace name other files; a rule with neither declarations nor rules (@property, @counter-style) is read whole.
      if (rule instanceof CSSImportRule || rule instanceof CSSNamespaceRule || (!style && !cssRules && !urlsLocal(rule.cssText))) {
        owner.deleteRule(i);
        changed = true;
        continue;
      }
      if (style && cleanDeclarations(style)) changed = true;
      if (cssRules && cleanRules(rule as unknown as { deleteRule(index: number): void }, cssRules)) changed = true;
    }
    return changed;
  };

  const cleanStyleElement = (el: Element) => {
    const sheet = (el as HTMLStyleElement).sheet;
    if (!sheet) return el.remove(); // not CSS to this browser (a type it does not know): another may read it
    const changed = cleanRules(sheet, sheet.cssRules);
    const read = Array.from(sheet.cssRules, (rule) => rule.cssText).join("\n");
    if (changed || unaccounted(el.textContent ?? "", read)) el.textContent = read;
  };

  const cleanStyleAttribute = (el: Element, raw: string) => {
    const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
    if (!style) return el.removeAttribute("style");
    if (!cleanDeclarations(style) && !unaccounted(raw, style.cssText)) return;
    const read = style.cssText;
    if (read) el.setAttribute("style", read);
    else el.removeAttribute("style");
  };

  const probe = document.createElement("div").style;
  /** A presentation attribute (fill, stroke, filter, mask, clip-path, markers, cursor) is CSS: read as the property it sets. */
  const cleanPresentation = (el: Element, attr: Attr, property: string) => {
    probe.cssText = "";
    probe.setProperty(property, attr.value);
    const read = probe.getPropertyValue(property);
    // A value the browser rejects ("hsl(240, 100%, NaN%)" from Mermaid's quadrant chart) is kept unless it spells a reference.
    if ((read !== "" && unsafe(property, read)) || unaccounted(attr.value, read)) el.removeAttributeNode(attr);
  };

  const cleanAttributes = (el: Element) => {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.localName.toLowerCase().replace(/^.*:/, "");
      if (URL_LISTS.has(name)) el.removeAttributeNode(attr);
      else if (URL_ATTRIBUTES.has(name) || (attr.namespaceURI === XLINK && !XLINK_WORDS.has(name))) {
        if (!isLocal(attr.value)) el.removeAttributeNode(attr);
      } else if (name === "style") cleanStyleAttribute(el, attr.value);
      else if (!name.startsWith("--") && takesUrl(name)) cleanPresentation(el, attr, name);
    }
  };

  (window as unknown as { vstackSanitizeSvg: (svg: Element) => void }).vstackSanitizeSvg = (svg) => {
    purify.sanitize(svg, PURIFY_CONFIG);
    for (const el of [svg, ...Array.from(svg.querySelectorAll("*"))]) {
      if (el.localName.toLowerCase() === "style") cleanStyleElement(el);
      cleanAttributes(el);
    }
  };
}
