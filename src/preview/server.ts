import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import type { BuildReport } from "../build/build-report.js";
import { formatDiagnostic } from "../diagnostics.js";
import { escapeHtml } from "../escape-html.js";
import { galleryHtml } from "../output/gallery.js";
import { isInside, safeDecode } from "../paths.js";

const TYPES: Record<string, string> = { ".svg": "image/svg+xml", ".png": "image/png", ".pdf": "application/pdf", ".mmd": "text/plain; charset=utf-8", ".json": "application/json" };

/** The page's live-reload hook: the server says "reload" over Server-Sent Events after each build. */
const RELOAD_SCRIPT = `<script>
new EventSource("/events").addEventListener("reload", () => location.reload());
</script>
`;

/**
 * `vstack preview`'s web server (local only): `/` is the gallery of the last build, with its
 * errors on top; the output folder's files are served beside it, never cached by the browser;
 * `/events` tells open pages to reload when a build ends. Plain node:http: four routes and an
 * event stream need no framework.
 */
export class PreviewServer {
  private report: BuildReport | undefined;
  private readonly clients = new Set<ServerResponse>();
  private readonly server: Server;

  constructor(private readonly outDir: string) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async listen(port: number, host = "127.0.0.1"): Promise<string> {
    await new Promise<void>((done, fail) => {
      this.server.once("error", fail);
      this.server.listen(port, host, done);
    });
    const address = this.server.address() as AddressInfo;
    return `http://${host}:${address.port}/`;
  }

  /** A build ended: keep its report for the page and tell every open page to reload. */
  update(report: BuildReport): void {
    this.report = report;
    for (const client of this.clients) client.write(`event: reload\ndata: ${Date.now()}\n\n`);
  }

  /** A build could not run at all: show why, keep the last diagrams. */
  fail(message: string): void {
    this.update({ ...(this.report ?? emptyReport()), failures: [{ code: "build-failed", file: "vstack", message }] });
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.end();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = safeDecode(new URL(req.url ?? "/", "http://localhost").pathname);
    if (path === undefined) {
      res.writeHead(400, { "content-type": "text/plain" });
      return void res.end("bad request: the address is not valid percent-encoding\n");
    }
    if (path === "/events") return this.events(res);
    if (path === "/" || path === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return void res.end(this.page());
    }
    const root = resolve(this.outDir);
    const file = resolve(join(root, normalize(path)));
    const info = file !== root && isInside(file, root) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) {
      res.writeHead(404, { "content-type": "text/plain" });
      return void res.end("not found\n");
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    createReadStream(file).pipe(res);
  }

  private events(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": connected\n\n");
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  private page(): string {
    const report = this.report;
    if (!report) return galleryHtml([], { head: RELOAD_SCRIPT, body: `<p>Rendering…</p>\n` });
    const errors = report.failures.length
      ? `<section class="errors" style="border:2px solid #e03131;padding:0 1rem"><h2>${report.failures.length === 1 ? "1 problem" : `${report.failures.length} problems`}</h2>\n${report.failures.map((f) => `<pre>${escapeHtml(formatDiagnostic(f))}</pre>`).join("\n")}\n</section>\n`
      : "";
    return galleryHtml(report.diagrams, { head: RELOAD_SCRIPT, body: errors });
  }
}

function emptyReport(): BuildReport {
  return { cwd: process.cwd(), diagrams: [], failures: [], warnings: [], inputs: 0, failed: 0, stale: [], pages: [], pagesWritten: 0, removed: [], read: [], skipped: [], browserUsed: false, elapsedMs: 0 };
}
