import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isInside, safeDecode } from "../paths.js";

/** The origin the rendering page lives at. `.invalid` is reserved: it can never be a real host. */
export const PAGE_ORIGIN = "https://vstack.invalid/";
export const PAGE_URL = `${PAGE_ORIGIN}__vstack__/page.html`;

const MERMAID_DIST = join(dirname(createRequire(import.meta.url).resolve("mermaid/package.json")), "dist");

/**
 * The page and mermaid's ES module build (a small core that imports each diagram type's
 * chunk when first drawn), served to the page through request interception from this
 * package's own files. Nothing else is ever fetched. Files are read once per instance.
 */
export class PageAssets {
  private readonly files = new Map<string, Promise<Buffer | undefined>>();

  constructor(private readonly pageHtml: string) {}

  /** The bytes and type for a URL the page asks for, or undefined to refuse it. */
  async serve(url: string): Promise<{ body: Buffer | string; contentType: string } | undefined> {
    if (url === PAGE_URL) return { body: this.pageHtml, contentType: "text/html; charset=utf-8" };
    if (!url.startsWith(PAGE_ORIGIN)) return undefined;
    const path = safeDecode(new URL(url).pathname)?.slice(1);
    if (path === undefined) return undefined;
    const file = join(MERMAID_DIST, path);
    if (file === MERMAID_DIST || !isInside(file, MERMAID_DIST) || !/\.m?js$/.test(file)) return undefined;
    let bytes = this.files.get(file);
    if (!bytes) {
      bytes = readFile(file).catch(() => undefined);
      this.files.set(file, bytes);
    }
    const body = await bytes;
    return body ? { body, contentType: "text/javascript; charset=utf-8" } : undefined;
  }
}
