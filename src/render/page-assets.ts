import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";
import { isInside, safeDecode } from "../paths.js";

/** The origin the rendering page lives at. `.invalid` is reserved: it can never be a real host. */
export const PAGE_ORIGIN = "https://vstack.invalid/";
export const PAGE_URL = `${PAGE_ORIGIN}__vstack__/page.html`;

/** Mermaid's ES build and DOMPurify's, copied there by `npm run build` (scripts/vendor-mermaid.mjs). */
const MERMAID_DIST = join(PACKAGE_ROOT, "dist", "mermaid");
const PURIFY_FILE = join(MERMAID_DIST, "purify.min.js");
export const PURIFY_URL = `${PAGE_ORIGIN}__vstack__/purify.min.js`;
/** vstack's stack layout for Mermaid, bundled for the browser by `npm run build`. */
const STACK_LAYOUT_FILE = join(PACKAGE_ROOT, "dist", "browser", "stack-layout.mjs");
export const STACK_LAYOUT_URL = `${PAGE_ORIGIN}__vstack__/stack-layout.mjs`;

/**
 * The page, mermaid's ES module build (a small core that imports each diagram type's chunk
 * when first drawn), DOMPurify and vstack's stack layout, served to the page through request interception from the
 * installed packages' own files. Nothing else is ever fetched. Files are read once per instance.
 */
export class PageAssets {
  private readonly files = new Map<string, Promise<Buffer | undefined>>();

  constructor(private readonly pageHtml: string) {}

  /** Throws, saying what to do, when the files the page loads were never built (a checkout before `npm run build`). */
  checkBuilt(): void {
    for (const file of [join(MERMAID_DIST, "mermaid.esm.min.mjs"), PURIFY_FILE, STACK_LAYOUT_FILE]) {
      if (!existsSync(file)) throw new Error(`vstack's rendering page cannot load ${file}: it is not there. Run \`npm run build\` in ${PACKAGE_ROOT}.`);
    }
  }

  /** The bytes and type for a URL the page asks for, or undefined to refuse it. */
  async serve(url: string): Promise<{ body: Buffer | string; contentType: string } | undefined> {
    if (url === PAGE_URL) return { body: this.pageHtml, contentType: "text/html; charset=utf-8" };
    const file = url === PURIFY_URL ? PURIFY_FILE : url === STACK_LAYOUT_URL ? STACK_LAYOUT_FILE : mermaidFile(url);
    if (file === undefined) return undefined;
    let bytes = this.files.get(file);
    if (!bytes) {
      bytes = readFile(file).catch(() => undefined);
      this.files.set(file, bytes);
    }
    const body = await bytes;
    return body ? { body, contentType: "text/javascript; charset=utf-8" } : undefined;
  }
}

/** The file of mermaid's build a URL of the page's origin names, if it names one. */
function mermaidFile(url: string): string | undefined {
  if (!url.startsWith(PAGE_ORIGIN)) return undefined;
  const path = safeDecode(new URL(url).pathname)?.slice(1);
  if (path === undefined) return undefined;
  const file = join(MERMAID_DIST, path);
  return file !== MERMAID_DIST && isInside(file, MERMAID_DIST) && /\.m?js$/.test(file) ? file : undefined;
}
