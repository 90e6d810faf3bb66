import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json", ".png": "image/png", ".woff2": "font/woff2" };

/**
 * A built site served as a static host serves it (`/a/b` → `a/b.html` or `a/b/index.html`), on
 * a free port of 127.0.0.1, so the pages are opened in Chromium at their real URLs.
 */
export async function serveSite(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://site").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = [path, `${path}.html`, join(path, "index.html")].map((p) => join(dir, p)).find((p) => existsSync(p) && statSync(p).isFile());
    if (!file) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  // The browser keeps its connections open; closing them is what lets close() end at once.
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => (server.close(() => done()), server.closeAllConnections())) };
}
