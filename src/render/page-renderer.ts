import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer";
import { chromiumArgs, findChromium } from "./chromium.js";
import { MERMAID_CONFIG } from "./mermaid-config.js";
import { MermaidSyntaxError, type RenderRequest, type RenderResult, type Renderer } from "./renderer.js";

const require = createRequire(import.meta.url);
const MERMAID_BUNDLE = join(dirname(require.resolve("mermaid/package.json")), "dist", "mermaid.min.js");

/** Large enough that no diagram is squeezed by the page while it is measured. */
const MEASURE_VIEWPORT = { width: 8192, height: 2048, deviceScaleFactor: 1 };

export interface PageRendererOptions {
  /** Path to a Chrome or Chromium binary; found by findChromium() when absent. */
  chromium?: string;
}

/**
 * One headless Chromium with one warm page: mermaid is loaded once and renders every diagram
 * in turn. Renders are serialised on the page, so callers may call render() concurrently.
 */
export class PageRenderer implements Renderer {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async launch(options: PageRendererOptions = {}): Promise<PageRenderer> {
    const executablePath = findChromium(options.chromium);
    const browser = await puppeteer.launch({ executablePath, headless: true, args: chromiumArgs() });
    try {
      const page = await browser.newPage();
      await preparePage(page);
      return new PageRenderer(browser, page);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  render(request: RenderRequest): Promise<RenderResult> {
    const run = this.queue.then(() => this.renderNow(request));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async renderNow(request: RenderRequest): Promise<RenderResult> {
    const { page } = this;
    await page.setViewport(MEASURE_VIEWPORT);
    const drawn = await page.evaluate(drawInPage, MERMAID_CONFIG, request.mermaid, request.title, request.description, request.background);
    if ("error" in drawn) throw new MermaidSyntaxError(drawn.error);
    const result: RenderResult = { svg: drawn.svg, width: drawn.width, height: drawn.height };
    if (request.pngScale !== undefined) {
      const width = Math.ceil(drawn.width);
      const height = Math.ceil(drawn.height);
      await page.setViewport({ width, height, deviceScaleFactor: request.pngScale });
      const element = await page.$("#vstack svg");
      if (!element) throw new Error("the rendered SVG vanished from the page before its PNG was taken");
      const png = await element.screenshot({ type: "png", omitBackground: request.background === "transparent" });
      result.png = Buffer.from(png);
    }
    return result;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** A blank page with mermaid loaded, that may not reach the network. */
async function preparePage(page: Page): Promise<void> {
  await page.setRequestInterception(true);
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url === "about:blank") void req.continue();
    else void req.abort("blockedbyclient");
  });
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><style>html,body{margin:0;padding:0;background:transparent}#vstack{display:inline-block}</style></head><body><div id="vstack"></div></body></html>`,
  );
  await page.addScriptTag({ path: MERMAID_BUNDLE });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * Runs inside the page. Every render starts from the same initialize() call, so nothing one
 * diagram's front matter sets can leak into the next.
 */
async function drawInPage(
  config: Record<string, unknown>,
  text: string,
  title: string,
  description: string,
  background: string,
): Promise<{ svg: string; width: number; height: number } | { error: string }> {
  const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
  const container = document.getElementById("vstack")!;
  container.innerHTML = "";
  mermaid.initialize(config);
  let svgText: string;
  try {
    svgText = (await mermaid.render("vstack-diagram", text)).svg;
  } catch (err) {
    document.getElementById("dvstack-diagram")?.remove();
    return { error: err instanceof Error ? err.message : String(err) };
  }
  container.innerHTML = svgText;
  const svg = container.querySelector("svg")!;
  const ns = "http://www.w3.org/2000/svg";
  for (const old of Array.from(svg.children)) if (old.tagName === "title" || old.tagName === "desc") old.remove();
  const desc = document.createElementNS(ns, "desc");
  desc.id = "vstack-diagram-desc";
  desc.textContent = description;
  svg.prepend(desc);
  const titleEl = document.createElementNS(ns, "title");
  titleEl.id = "vstack-diagram-title";
  titleEl.textContent = title;
  svg.prepend(titleEl);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-labelledby", "vstack-diagram-title");
  svg.setAttribute("aria-describedby", "vstack-diagram-desc");
  svg.style.backgroundColor = background;
  const box = svg.getBoundingClientRect();
  return { svg: new XMLSerializer().serializeToString(svg), width: box.width, height: box.height };
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string): Promise<{ svg: string }>;
}
