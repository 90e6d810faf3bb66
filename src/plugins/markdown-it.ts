import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createSyncFn } from "synckit";
import { VstackError } from "../errors.js";
import { endBrowsersNow } from "../render/pool.js";
import type { PluginOptions } from "./plugin-options.js";
import type { WorkerReply, WorkerRequest } from "./markdown-it-worker.js";

export { STRATEGIES, type PluginOptions, type Strategy } from "./plugin-options.js";

export interface MarkdownItVstackOptions extends PluginOptions {
  /** The page's path when `env.path` does not say it (markdown-it itself knows no files). */
  page?: string;
  /**
   * The page is a Vue template (VitePress; default: true when `env` is VitePress's). Vue drops
   * `<style>` elements from templates, which an inline SVG needs for its fonts and dark theme:
   * they are written as `<component is="style">`, which renders as `<style>`, and `{{` is escaped.
   */
  vue?: boolean;
  /** Called with each warning (formatted); default: printed to standard error. */
  onWarning?: (message: string) => void;
}

/**
 * What the plugin uses of markdown-it (13, 14 and 15 alike), so vstack's types need no
 * markdown-it installed.
 */
export interface MarkdownItLike {
  core: { ruler: { after(after: string, name: string, rule: (state: CoreState) => void): void } };
}
interface CoreState {
  src: string;
  env: unknown;
  tokens: Array<{ type: string; info: string; map: [number, number] | null; tag: string; content: string }>;
}

/** A fence that failed its page: the message holds every problem, each with its place and code frame. */
export class FenceError extends VstackError {
  constructor(readonly problems: string[]) {
    super("fence", problems.join("\n"));
  }
}

// markdown-it renders synchronously and drawing takes a browser: a worker thread keeps one warm
// and each page waits for its pictures (synckit, as eslint-plugin-prettier uses for Prettier).
let drawPage: ((request: WorkerRequest) => WorkerReply) | undefined;
// The worker ends with the process, not by its own exit hook: this thread kills its browsers.
let chromium: WorkerReply["chromium"] = { pids: [], profiles: [] };
const endWorkerBrowsers = () => endBrowsersNow(chromium);

/**
 * markdown-it plugin (VitePress: `markdown: { config: (md) => md.use(vstack) }`): each
 * ```vstack fence becomes its picture, as an HTML block. The page's file is `env.path` (VitePress
 * sets it), else `options.page`; with the file, errors point at its lines even when the site
 * took front matter off before markdown-it saw the text. A bad fence throws FenceError.
 */
export default function markdownItVstack(md: MarkdownItLike, options: MarkdownItVstackOptions = {}): void {
  const { page, vue, onWarning = (m: string) => process.stderr.write(`${m}\n`), ...shared } = options;
  const cwd = resolve(shared.cwd ?? process.cwd());
  const wanted = new RegExp(`^(vstack${shared.mermaid ? "|mermaid" : ""})\\b`);
  md.core.ruler.after("block", "vstack", (state: CoreState) => {
    const fences = state.tokens.filter((t) => t.type === "fence" && wanted.test(t.info.trim()) && t.map);
    if (fences.length === 0) return;
    const env = (state.env ?? {}) as { path?: string; relativePath?: string; cleanUrls?: boolean };
    const asVue = vue ?? (env.relativePath !== undefined && env.cleanUrls !== undefined);
    const file = resolve(cwd, env.path ?? page ?? "page.md");
    const { text, shift } = pageText(file, state.src);
    // A path, not the URL's pathname: that keeps %20 for a space and a leading / before C: on Windows.
    drawPage ??= createSyncFn(fileURLToPath(new URL("./markdown-it-worker.js", import.meta.url)));
    if (!process.listeners("exit").includes(endWorkerBrowsers)) process.on("exit", endWorkerBrowsers);
    const reply = drawPage({ options: { ...shared, cwd }, file, text });
    chromium = reply.chromium;
    for (const w of reply.warnings) onWarning(w);
    if (reply.errors.length > 0) throw new FenceError(reply.errors);
    const byLine = new Map(reply.pictures.map((p) => [p.line, p]));
    for (const token of fences) {
      const picture = byLine.get(token.map![0] + 1 + shift);
      if (!picture) continue;
      token.type = "html_block";
      token.tag = "";
      token.content = `${asVue ? forVue(picture.html) : picture.html}\n`;
    }
  });
}

/** HTML that a Vue template keeps as it is (see `vue`). */
function forVue(html: string): string {
  return html.replace(/<style>/g, '<component is="style">').replace(/<\/style>/g, "</component>").replace(/\{\{/g, "{&#123;");
}

/** The page as the file has it, and how many lines the site took off its top (front matter). */
function pageText(file: string, src: string): { text: string; shift: number } {
  const whole = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  const at = whole?.indexOf(src) ?? -1;
  if (!whole || at < 0) return { text: src, shift: 0 };
  return { text: whole, shift: whole.slice(0, at).split("\n").length - 1 };
}
