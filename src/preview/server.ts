import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import type { BuildReport } from "../run/build-report.js";
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
 * event stream need no framework. Only requests addressed to the server itself are answered
 * (a Host header of its own address or localhost): a web page whose domain is made to resolve
 * to 127.0.0.1 (DNS rebinding) could otherwise read the diagrams. A request that fails answers
 * for itself alone; the server keeps serving.
 */
export class PreviewServer {
  private report: BuildReport | undefined;
  private readonly clients = new Set<ServerResponse>();
  private readonly server: Server;
  /** Where it listens, once it does: the host names and port a request may be addressed to. */
  private served: { hosts: string[]; port: string; url: string } | undefined;

  constructor(private readonly outDir: string) {
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => answer(res, 500, "the request failed; see the terminal running vstack preview\n")));
  }

  async listen(port: number, host = "127.0.0.1"): Promise<string> {
    await new Promise<void>((done, fail) => {
      this.server.once("error", fail);
      this.server.listen(port, host, done);
    });
    const address = this.server.address() as AddressInfo;
    const url = `http://${host}:${address.port}/`;
    this.served = { hosts: [host, "localhost"], port: String(address.port), url };
    return url;
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
    const target = this.target(req);
    if ("refused" in target) return answer(res, target.refused, target.message);
    const { path } = target;
    if (path === "/events") return this.events(res);
    if (path === "/" || path === "/index.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
      return void res.end(this.page());
    }
    const root = resolve(this.outDir);
    const file = resolve(join(root, normalize(path)));
    const info = file !== root && isInside(file, root) ? await stat(file).catch(() => undefined) : undefined;
    if (!info?.isFile()) return answer(res, 404, "not found\n");
    // Read whole before answering (diagrams are small): a read that fails is an answer of its own, never half a file.
    const data = await readFile(file).catch((err: NodeJS.ErrnoException) => err);
    if (data instanceof Error) return answer(res, data.code === "ENOENT" ? 404 : 500, data.code === "ENOENT" ? "not found\n" : `cannot read ${path}: ${data.code ?? data.message}\n`);
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(data);
  }

  /**
   * The path a request asks for, or why it is refused: an address that is no URL (400), a host
   * other than the server's own (403; also a request line's absolute address), bad percent-encoding (400).
   */
  private target(req: IncomingMessage): { path: string } | { refused: number; message: string } {
    const served = this.served!;
    const elsewhere = { refused: 403, message: `refused: this server answers only requests to ${served.url} (or localhost); open that address\n` };
    if (!req.headers.host) return elsewhere;
    let url: URL;
    try {
      url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    } catch {
      return { refused: 400, message: "bad request: the address is not a valid URL\n" };
    }
    if (url.protocol !== "http:" || !served.hosts.includes(url.hostname) || (url.port || "80") !== served.port) return elsewhere;
    const path = safeDecode(url.pathname);
    return path === undefined ? { refused: 400, message: "bad request: the address is not valid percent-encoding\n" } : { path };
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

function answer(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(message);
}

function emptyReport(): BuildReport {
  return { cwd: process.cwd(), diagrams: [], failures: [], warnings: [], inputs: 0, failed: 0, stale: [], pages: [], pagesWritten: 0, removed: [], read: [], skipped: [], browserUsed: false, elapsedMs: 0 };
}
