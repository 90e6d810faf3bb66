import type { Browser, BrowserContext, Page } from "puppeteer-core";
import { VERSION } from "../version.js";
import { MERMAID_CONFIG, SVG_FONT_FAMILY } from "./mermaid-config.js";
import { withMetadata } from "./pdf-metadata.js";
import { PAGE_URL, type PageAssets } from "./page-assets.js";
import { installSvgDecorations } from "./svg-decorations.js";
import { installSvgLabels } from "./svg-labels.js";
import { installSvgLinks } from "./svg-links.js";
import { installSvgLinkKey, type Keyed, type LinkKeyApi } from "./svg-link-key.js";
import { installSvgFinish, type SvgFinishApi } from "./svg-finish.js";
import { installSvgPortable } from "./svg-portable.js";
import { installSvgSanitizer } from "./sanitize-svg.js";
import { routeLinks } from "../layout/route-links.js";
import type { Decorations } from "../layout/decorations.js";
import { MermaidSyntaxError, type LabelLine, type RenderRequest, type RenderResult } from "./renderer.js";

/**
 * mermaid-cli's (puppeteer's default) page size: diagrams that fill their container, such as
 * gantt charts, come out the same width. Larger diagrams are captured beyond it.
 */
const VIEWPORT = { width: 800, height: 600 };

/** The rendering page: mermaid's ES module core, loaded once; each diagram type's code on first use. */
export const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>html,body{background:transparent}body{margin:8px}@page{margin:0}@media print{body{margin:0}#vstack svg{display:block}}</style></head><body><div id="vstack"></div><script type="module">import mermaid from "/mermaid.esm.min.mjs"; import { registerStackLayout } from "/__vstack__/stack-layout.mjs"; registerStackLayout(mermaid); window.mermaid = mermaid; window.vstackReady = true;</script></body></html>`;

/**
 * One browser page with mermaid loaded once, rendering one diagram at a time. It may not
 * reach the network: rendering works offline and a diagram cannot call out.
 */
export class WarmPage {
  /** How many diagrams this page has drawn; the pool recycles pages after a bound. */
  renders = 0;
  /** The viewport now: changing it costs a relayout, so only on change. */
  private viewport = { ...VIEWPORT, deviceScaleFactor: 0 };

  private constructor(
    private readonly context: BrowserContext | undefined,
    private readonly page: Page,
  ) {}

  /**
   * `initial`: the blank page Chromium opens at launch, which sits in a window of its own
   * already; taking it saves creating a context and a page on the way to the first diagram.
   */
  static async open(browser: Browser, assets: PageAssets, initial?: Page): Promise<WarmPage> {
    // A context of its own is a window of its own: a page that shares a window with others
    // is a background tab there, and Chromium stops drawing it (a screenshot then never comes).
    assets.checkBuilt();
    const context = initial ? undefined : await browser.createBrowserContext();
    const page = initial ?? (await context!.newPage());
    try {
      await page.setRequestInterception(true);
      page.on("request", (req) => {
        void assets.serve(req.url()).then((found) =>
          found ? req.respond({ status: 200, contentType: found.contentType, body: found.body }) : req.abort("blockedbyclient"),
        );
      });
      await page.goto(PAGE_URL);
      await page.waitForFunction(() => (window as unknown as { vstackReady?: boolean }).vstackReady === true);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.evaluate(installSvgLabels);
      await page.evaluate(installSvgDecorations);
      await page.evaluate(installSvgLinkKey);
      await page.evaluate(installSvgFinish);
      await page.evaluate(installSvgLinks);
      await page.evaluate(installSvgPortable);
      await installSvgSanitizer(page);
      // The router is plain code with no outside references: it runs in the page as its source.
      await page.evaluate(`window.vstackRouteLinks = ${routeLinks.toString()};`);
      await page.evaluate(`window.vstackShow = ${showInPage.toString()};`);
      return new WarmPage(context, page);
    } catch (err) {
      await (context ?? page).close().catch(() => undefined);
      throw err;
    }
  }

  async render(request: RenderRequest): Promise<RenderResult> {
    this.renders++;
    const { page } = this;
    const scale = request.pngScale ?? (this.viewport.deviceScaleFactor || 1);
    // Mermaid draws at the standard page size (a gantt chart fills it); a picture already drawn keeps whatever size the page has.
    await this.resize(request.shown ? this.viewport : VIEWPORT, scale);
    const config = {
      ...MERMAID_CONFIG,
      ...(request.theme && { theme: request.theme }),
      ...(request.fontSize && { fontSize: request.fontSize, themeVariables: { ...MERMAID_CONFIG.themeVariables, fontSize: `${request.fontSize}px` } }),
    };
    const png = request.pngScale !== undefined;
    const look = { background: request.background, canvas: request.canvas ?? null, show: png || Boolean(request.pdf), svgText: request.svgText ? SVG_FONT_FAMILY : null, decorations: request.decorations ?? null, hide: request.hide ?? [] };
    const drawn = request.shown
      ? await page.evaluate(showInPage, request.shown).then(() => ({ ...request.shown!, labels: [] }))
      : await page.evaluate(drawInPage, config, request.drawing ? { svg: request.drawing.svg } : request.mermaid, request.title, request.description, request.drawing ? { ...look, svgText: null } : look);
    if ("error" in drawn) throw new MermaidSyntaxError(drawn.error);
    const result: RenderResult = { svg: drawn.svg, labels: request.drawing ? request.drawing.labels : drawn.labels, width: drawn.width, height: drawn.height };
    if (request.pdf) {
      const pdf = await page.pdf({ width: `${drawn.width}px`, height: `${drawn.height}px`, printBackground: true, omitBackground: request.background === "transparent", pageRanges: "1" });
      result.pdf = await withMetadata(pdf, { title: request.title, creator: `vstack ${VERSION}` });
    }
    if (png) {
      const element = await page.$("#vstack svg");
      if (!element) throw new Error("the rendered SVG vanished from the page before its PNG was taken");
      // The whole picture inside the viewport: a capture beyond it makes Chromium resize the view
      // for the shot, and on a busy machine that has returned a PNG with a part not drawn yet.
      const margin = 16; // the body's 8 px on each side
      await this.resize({ width: Math.max(VIEWPORT.width, Math.ceil(drawn.width) + margin), height: Math.max(VIEWPORT.height, Math.ceil(drawn.height) + margin) }, scale);
      const shot = await element.screenshot({ type: "png", omitBackground: request.background === "transparent", captureBeyondViewport: false });
      result.png = Buffer.from(shot);
    }
    return result;
  }

  private async resize(size: { width: number; height: number }, deviceScaleFactor: number): Promise<void> {
    const now = this.viewport;
    if (now.width === size.width && now.height === size.height && now.deviceScaleFactor === deviceScaleFactor) return;
    this.viewport = { width: size.width, height: size.height, deviceScaleFactor };
    await this.page.setViewport(this.viewport);
  }

  async close(): Promise<void> {
    await (this.context ?? this.page).close().catch(() => undefined);
  }
}

/**
 * Runs inside the page. Every render starts from the same initialize() call, so nothing one
 * diagram's front matter sets can leak into the next. The SVG is finished in a detached
 * document (no layout); it enters the page only when a PNG is to be taken of it.
 */
async function drawInPage(
  config: Record<string, unknown>,
  text: string | { svg: string },
  title: string,
  description: string,
  look: { background: string; canvas: { width: number; height: number } | null; show: boolean; svgText: string | null; decorations: Decorations | null; hide: string[] },
): Promise<{ svg: string; labels: LabelLine[]; width: number; height: number } | { error: string }> {
  const mermaid = (window as unknown as { mermaid: MermaidApi }).mermaid;
  const container = document.getElementById("vstack")!;
  container.replaceChildren();
  // Seeded randomness: diagrams that draw random ids (gitGraph commits) come out the same every run.
  let seed = 0x9e3779b9;
  Math.random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  // What vstack's layout needs to number an arrow label it finds no room for, and what it numbered.
  const keys = window as unknown as { vstackArrowKeys?: NonNullable<Decorations["keys"]>; vstackKeyed?: Keyed[] };
  keys.vstackArrowKeys = look.decorations?.keys ?? [];
  keys.vstackKeyed = [];
  let svgText: string;
  if (typeof text === "string") {
    mermaid.initialize(config);
    try {
      svgText = (await mermaid.render("vstack-diagram", text)).svg;
    } catch (err) {
      document.getElementById("dvstack-diagram")?.remove();
      return { error: err instanceof Error ? err.message : String(err) };
    }
  } else svgText = text.svg;
  // Parsed as HTML, as the page would: mermaid's labels hold HTML (<br>) that is not XML.
  const svg = new DOMParser().parseFromString(svgText, "text/html").querySelector("svg")!;
  // Closed output: nothing in the SVG may reach outside it (sanitize-svg.ts).
  (window as unknown as { vstackSanitizeSvg: (svg: Element) => void }).vstackSanitizeSvg(svg);
  const finish = (window as unknown as { vstackFinish: SvgFinishApi }).vstackFinish;
  finish.dropUnusedFilters(svg as SVGSVGElement);
  const desc = finish.describe(svg as SVGSVGElement, title, description);
  svg.style.backgroundColor = look.background;
  let { x: x0, y: y0, width, height } = finish.viewBox(svg);
  let labels: LabelLine[] = [];
  const portable = (window as unknown as { vstackPortable: (svg: SVGSVGElement) => void }).vstackPortable;
  if (look.svgText) {
    // Labels are measured where the browser lays them out: on the page, at their own size.
    const sizedStyle = svg.getAttribute("style");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.style.maxWidth = "none";
    container.replaceChildren(svg);
    const linkKey = (window as unknown as { vstackLinkKey: LinkKeyApi }).vstackLinkKey;
    const keyed = keys.vstackKeyed;
    linkKey.numberLabels(svg as SVGSVGElement, keyed);
    labels = (window as unknown as { vstackSvgLabels: (svg: SVGSVGElement, family: string) => LabelLine[] }).vstackSvgLabels(svg as SVGSVGElement, look.svgText);
    if (keyed.length > 0 && look.decorations) ({ width, height } = linkKey.explainNumbers(svg as SVGSVGElement, keyed, look.decorations, { lines: labels, svgId: svg.id, first: 0, family: look.svgText }, { x: x0, y: y0, width, height }));
    if (look.decorations) {
      const page = window as unknown as {
        vstackDecorate: (svg: SVGSVGElement, d: Decorations, family: string, firstId: number) => LabelLine[];
        vstackDrawLinks: (svg: SVGSVGElement, links: NonNullable<Decorations["links"]>, look: { ink: string; paper: string }, family: string, firstId: number) => LabelLine[];
      };
      // Links (and their key) first: the legend and caption go round whatever they added.
      if (look.decorations.links) labels.push(...page.vstackDrawLinks(svg as SVGSVGElement, look.decorations.links, look.decorations, look.svgText, labels.length));
      labels.push(...page.vstackDecorate(svg as SVGSVGElement, look.decorations, look.svgText, labels.length));
      ({ x: x0, y: y0, width, height } = finish.viewBox(svg));
    }
    portable(svg as SVGSVGElement);
    svg.remove();
    if (sizedStyle === null) svg.removeAttribute("style");
    else svg.setAttribute("style", sizedStyle);
  } else if (typeof text === "string") {
    container.replaceChildren(svg); // style sheets are parsed, and styles computed, in a document
    portable(svg as SVGSVGElement);
    svg.remove();
  }
  if (typeof text === "string") {
    // The picture's own size, not Mermaid's width="100%": a small diagram is not blown up to its
    // column, and tools that read the size (pandoc, Office) find it. Pages may still scale it down.
    svg.setAttribute("width", String(Number(width.toFixed(2))));
    svg.setAttribute("height", String(Number(height.toFixed(2))));
    svg.style.maxWidth = "100%";
    svg.style.height = "auto";
  }
  if (look.hide.length > 0) finish.hideBoxes(svg as SVGSVGElement, look.hide);
  if (look.canvas) ({ x: x0, y: y0, width, height } = finish.fitCanvas(svg as SVGSVGElement, { x: x0, y: y0, width, height }, look.canvas));
  if (!/^transparent$/i.test(look.background.trim())) finish.paper(svg as SVGSVGElement, look.background, desc);
  const xml = new XMLSerializer().serializeToString(svg);
  if (look.show) (window as unknown as { vstackShow: typeof showInPage }).vstackShow({ svg, width, height });
  return { svg: xml, labels, width: width || 0, height: height || 0 };
}

/**
 * Runs inside the page: puts an SVG (its text, or the element) on the page at its own size, for
 * its PNG and PDF, at its size without the page's scaling (max-width: 100%).
 */
function showInPage({ svg, width, height }: { svg: string | SVGSVGElement; width: number; height: number }): void {
  const parsed = typeof svg === "string" ? new DOMParser().parseFromString(svg, "image/svg+xml").documentElement : svg;
  const shown = document.importNode(parsed, true) as SVGSVGElement;
  shown.setAttribute("width", String(width));
  shown.setAttribute("height", String(height));
  shown.style.maxWidth = "none";
  document.getElementById("vstack")!.replaceChildren(shown);
}

interface MermaidApi {
  initialize(config: Record<string, unknown>): void;
  render(id: string, text: string, container?: Element): Promise<{ svg: string }>;
}
