import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { decorationsOf } from "../../src/layout/decorations.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { swatch, THEMES, type Theme } from "../../src/kinds/palette.js";
import { contrast } from "../../src/colour.js";
import { lookOf } from "../../src/kinds/looks.js";
import { measureOnPage } from "../support/page.js";
import { sampleBuiltinFiles } from "../support/samples.js";
import { ROOT, tempDir } from "../support/paths.js";
import { foldSpace, parseSvg, specLabels, squash } from "../support/svg.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * The gallery's SVGs drawn by renderers other than the one that made them: librsvg (pandoc,
 * LaTeX pipelines, GNOME, wikis) must show the same words as Chromium, and a browser on a machine
 * without Noto (only DejaVu) must still fit every label in its box, from the embedded fonts.
 */
const dir = tempDir();
/** Kinds of your own: a declared kind, an alias, a unit with another kind's outline. */
const PODS = join(ROOT, "examples", "kinds", "pods-three-ways.yaml");
const specs: Spec[] = [];
let browser: Browser;
let noNoto: Browser;

beforeAll(async () => {
  writeFileSync(
    join(dir, "scripts.yaml"),
    ["id: scripts", "title: Scripts", "sources: [https://example.com]", "stack:", "  - layer: 硬件 Hardware", "    kind: hardware", "    detail: コンテナ · 容器 🐳", "  - layer: Kernel 🐧", "    kind: kernel"].join("\n"),
  );
  for (const file of builtinFiles()) specs.push((await loadSpec(file)).spec!);
  // Light for every built-in, dark for the samples the dark checks use (the text is the same).
  await build({ outDir: join(dir, "embed"), cacheDir: join(dir, "cache"), formats: ["svg"], fonts: "embed", themes: ["light"] });
  await build({ inputs: await sampleBuiltinFiles(), outDir: join(dir, "embed"), cacheDir: join(dir, "cache"), formats: ["svg"], fonts: "embed", themes: ["dark"], manifest: false });
  // A box exactly as wide as its Noto text (one long unbreakable word, the widest thing drawn):
  // DejaVu's wider glyphs must overflow it when the fonts are not carried along.
  writeFileSync(join(dir, "tight.yaml"), ["id: tight", "title: Tight", "sources: [https://example.com]", "stack:", "  - layer: Paravirtualizationhypervisorkernelmodule", "    kind: hardware"].join("\n"));
  await build({ inputs: [...builtinFiles(), join(dir, "tight.yaml")], outDir: join(dir, "system"), cacheDir: join(dir, "cache"), formats: ["svg"], fonts: "system", themes: ["light"] });
  await build({ inputs: ["vm-vs-container", "xen", join(dir, "scripts.yaml")], outDir: join(dir, "outline"), cacheDir: join(dir, "cache"), formats: ["svg"], fonts: "outline" });
  await build({ inputs: [join(dir, "scripts.yaml"), join(dir, "tight.yaml"), PODS], outDir: join(dir, "embed"), cacheDir: join(dir, "cache"), formats: ["svg"] });
  await build({ inputs: ["xen", "vm-vs-container"], outDir: join(dir, "captioned"), cacheDir: join(dir, "cache"), formats: ["svg"], themes: ["dark"], caption: true, legend: "right" });
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
  // A fontconfig that sees DejaVu only: a machine where Noto was never installed.
  const conf = join(dir, "fonts.conf");
  writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, "fc-cache")}</cachedir></fontconfig>`);
  noNoto = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs(), env: { ...process.env, FONTCONFIG_FILE: conf } });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await noNoto?.close();
});

const svgOf = (mode: string, id: string, theme: Theme) => readFileSync(join(dir, mode, `${id}.${theme}.svg`), "utf8");
const size = (svg: string) => {
  const [, , w, h] = (parseSvg(svg).documentElement!.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
  return { width: Math.round(w!), height: Math.round(h!) };
};
/** The SVG with every text vstack wrote removed (labels, legend, caption): boxes, lines and page are left. */
const withoutText = (svg: string) => svg.replace(/<text id="[^"]*" class="vstack-text"[\s\S]*?<\/text>/g, "");

function rsvg(svg: string): PNG {
  const { width, height } = size(svg);
  return PNG.sync.read(execFileSync("rsvg-convert", ["-w", String(width), "-h", String(height)], { input: svg, maxBuffer: 1 << 26 }));
}

async function chromium(svg: string, on = browser): Promise<PNG> {
  const { width, height } = size(svg);
  const page = await on.newPage();
  try {
    await page.setViewport({ width, height });
    await page.setContent(`<!doctype html><body style="margin:0">${svg.replace("<svg ", `<svg style="display:block;width:${width}px;height:${height}px" `)}</body>`);
    return PNG.sync.read(Buffer.from(await page.screenshot({ type: "png" })));
  } finally {
    await page.close();
  }
}

/** Pixels a label changes: the picture with text against the same picture without. */
function ink(withText: PNG, bare: PNG): number {
  let n = 0;
  for (let i = 0; i < withText.data.length; i += 4) {
    const d = Math.abs(withText.data[i]! - bare.data[i]!) + Math.abs(withText.data[i + 1]! - bare.data[i + 1]!) + Math.abs(withText.data[i + 2]! - bare.data[i + 2]!);
    if (d > 96) n++;
  }
  return n;
}

describe("every built-in spec's SVG (light; dark for a sample of every family: the text is the same)", async () => {
  const samples = new Set(await sampleBuiltinFiles());
  for (const file of builtinFiles()) {
    const id = file.replace(/.*\//, "").replace(/\.yaml$/, "");
    for (const theme of THEMES.filter((t) => t === "light" || samples.has(file))) {
      // Every built-in's text is checked; librsvg's drawing is compared with Chromium's for a
      // sample of every family (the same renderer and fonts draw them all; two screenshots and
      // two rasterisations cost seconds each).
      const compared = samples.has(file);
      it(`${id} (${theme}): text any renderer draws${compared ? ", in librsvg as in Chromium" : ""}`, async () => {
        const svg = svgOf("embed", id, theme);
        expect(svg).not.toContain("<foreignObject");
        expect(svg.length, "embedded-font SVG size").toBeLessThan(150_000);
        const doc = parseSvg(svg);
        const texts = Array.from(doc.getElementsByTagName("text")).map((t) => t.textContent ?? "");
        for (const text of texts) expect(text).not.toMatch(/<\/?(b|small|br|p)\b|&lt;|&gt;|&amp;(lt|gt);/);
        const drawn = foldSpace(texts.join(" "));
        for (const label of specLabels(specs.find((s) => s.id === id)!)) expect(squash(drawn)).toContain(squash(label));

        // Placed in an 800 px docs column (scaled down when wider), the smallest text is 12 px or more.
        const styles = ["text", "tspan"].flatMap((tag) => Array.from(doc.getElementsByTagName(tag)).map((el) => el.getAttribute("style") ?? ""));
        const smallest = Math.min(...styles.flatMap((style) => [...style.matchAll(/font-size:([\d.]+)px/g)].map((m) => Number(m[1]))));
        expect(smallest * Math.min(1, 800 / size(svg).width), `smallest text in an 800 px column (picture ${size(svg).width} px wide)`).toBeGreaterThanOrEqual(12);

        if (!compared) return;
        const inRsvg = ink(rsvg(svg), rsvg(withoutText(svg)));
        const inChromium = ink(await chromium(svg), await chromium(withoutText(svg)));
        expect(inChromium).toBeGreaterThan(1000);
        expect(Math.abs(inRsvg - inChromium) / inChromium, `text ink: librsvg ${inRsvg} px, Chromium ${inChromium} px`).toBeLessThan(0.2);
      });
    }
  }
});

/** For each node box in the page: the labels' text boxes that stick out of it (CSS px). */
async function overflows(svg: string): Promise<string[]> {
  const page = await noNoto.newPage();
  try {
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return await page.evaluate(() => {
      const out: string[] = [];
      for (const node of Array.from(document.querySelectorAll("g.node"))) {
        const box = node.querySelector("rect, path, polygon")!.getBoundingClientRect();
        for (const text of Array.from(node.querySelectorAll("text"))) {
          const t = text.getBoundingClientRect();
          if (t.left < box.left - 0.5 || t.right > box.right + 0.5 || t.top < box.top - 0.5 || t.bottom > box.bottom + 0.5) out.push(`"${text.textContent}" ${Math.round(t.width)} px in a ${Math.round(box.width)} px box`);
        }
      }
      return out;
    });
  } finally {
    await page.close();
  }
}

describe("on a machine without Noto (DejaVu only)", () => {
  it("embedded fonts keep every label of every built-in (and of the tight spec below) inside its box", async () => {
    for (const file of [...builtinFiles(), "tight"]) {
      const id = file.replace(/.*\//, "").replace(/\.yaml$/, "");
      expect(await overflows(svgOf("embed", id, "light")), id).toEqual([]);
    }
  });

  // Since labels wrap to their share of the width (fit-width.ts), no built-in overflows any more:
  // the tight spec is the witness that the check above can fail.
  it("without them (--fonts system) labels do overflow: the check above can fail", async () => {
    const all = (await Promise.all([...builtinFiles(), "tight"].map((file) => overflows(svgOf("system", file.replace(/.*\//, "").replace(/\.yaml$/, ""), "light"))))).flat();
    expect(all.length).toBeGreaterThan(0);
  });
});

/** Boxes (CSS px, in the page) of the drawing's nodes and of what vstack drew around them. */
function placed(svg: string) {
  return measureOnPage(browser, svg, () => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? "" };
    };
    return {
      nodes: Array.from(document.querySelectorAll("g.node")).map(box),
      around: Array.from(document.querySelectorAll(".vstack-legend > *, .vstack-caption > *")).map(box),
      svg: box(document.querySelector("svg")!),
    };
  });
}
const overlap = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe("legend and caption", () => {
  it("every built-in has a legend naming each kind it draws, clear of the drawing and inside the picture", async () => {
    for (const spec of specs) {
      const svg = svgOf("embed", spec.id, "light");
      const legend = parseSvg(svg).getElementsByTagName("g");
      const group = Array.from(legend).find((g) => g.getAttribute("class") === "vstack-legend");
      const expected = decorationsOf(spec, "light", { legend: "bottom", caption: false, arrows: true }).legend!.entries;
      expect(group, spec.id).toBeDefined();
      expect(group!.getElementsByTagName("rect").length, spec.id).toBe(expected.filter((e) => !e.line).length);
      expect(Array.from(group!.getElementsByTagName("text")).map((t) => t.textContent)).toEqual(expected.map((e) => e.label));
      const { nodes, around, svg: whole } = await placed(svg);
      for (const a of around) {
        for (const n of nodes) expect(overlap(a, n), `${spec.id}: "${a.text}" over a box`).toBe(false);
        expect(a.right <= whole.right + 0.5 && a.bottom <= whole.bottom + 0.5, `${spec.id}: "${a.text}" inside the picture`).toBe(true);
      }
    }
  });

  it("kinds of your own are drawn in their colours and outlines, readable, and named in the legend (light and dark)", async () => {
    const spec = (await loadSpec(PODS)).spec!;
    for (const theme of THEMES) {
      const svg = svgOf("embed", "pods-three-ways", theme);
      const drawn = await measureOnPage(browser, svg, () =>
        Array.from(document.querySelectorAll("g.node")).map((g) => {
          const shape = getComputedStyle(g.querySelector("rect")!);
          return { text: g.textContent ?? "", fill: shape.fill, stroke: shape.stroke, width: shape.strokeWidth, dash: shape.strokeDasharray, ink: getComputedStyle(g.querySelector("text")!).fill };
        }),
      );
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
      const box = (text: string) => drawn.find((d) => d.text.includes(text))!;
      const own = lookOf("micro-vm", spec.kinds).swatches[theme];
      expect(box("Kata micro-VM"), theme).toMatchObject({ fill: rgb(own.fill), stroke: rgb(own.stroke), width: "3px", dash: "none" });
      expect(contrast(box("Kata micro-VM").ink, box("Kata micro-VM").fill), theme).toBeGreaterThanOrEqual(4.5);
      expect(box("runc"), theme).toMatchObject({ fill: rgb(swatch(theme, "container").fill), width: "2px", dash: "7px, 4px" });
      expect(box("gVisor"), theme).toMatchObject({ fill: rgb(swatch(theme, "container").fill), width: "2px", dash: "2px, 3px" });
      const group = Array.from(parseSvg(svg).getElementsByTagName("g")).find((g) => g.getAttribute("class") === "vstack-legend")!;
      const words = Array.from(group.getElementsByTagName("text")).map((t) => t.textContent);
      expect(words).toEqual(expect.arrayContaining(["micro-VM (one per pod)", "pod (containers sharing namespaces)", "outline: sandbox boundary (application kernel)"]));
    }
  });

  it("--caption draws the title above and the sources' hosts below; --legend right puts the legend beside", async () => {
    for (const id of ["xen", "vm-vs-container"]) {
      const svg = readFileSync(join(dir, "captioned", `${id}.dark.svg`), "utf8");
      const spec = specs.find((s) => s.id === id)!;
      const { nodes, around } = await placed(svg);
      const title = around.find((a) => a.text === spec.title)!;
      const footer = around.find((a) => a.text.startsWith("Sources: "))!;
      expect(title.bottom).toBeLessThanOrEqual(Math.min(...nodes.map((n) => n.top)));
      expect(footer.top).toBeGreaterThanOrEqual(Math.max(...nodes.map((n) => n.bottom)));
      for (const host of spec.sources.map((s) => new URL(s).hostname.replace(/^www\./, ""))) expect(footer.text).toContain(host);
      const swatches = around.filter((a) => a.text === "");
      expect(Math.min(...swatches.map((s) => s.left))).toBeGreaterThanOrEqual(Math.max(...nodes.map((n) => n.right)));
      for (const a of around) for (const n of nodes) expect(overlap(a, n)).toBe(false);
    }
  });
});

/** Where a picture's text is: how many pixels it changes, and their mean position. */
function inkAt(withText: PNG, bare: PNG): { count: number; x: number; y: number } {
  let [count, x, y] = [0, 0, 0];
  for (let i = 0; i < withText.data.length; i += 4) {
    const d = Math.abs(withText.data[i]! - bare.data[i]!) + Math.abs(withText.data[i + 1]! - bare.data[i + 1]!) + Math.abs(withText.data[i + 2]! - bare.data[i + 2]!);
    if (d > 96) {
      count++;
      x += (i / 4) % withText.width;
      y += Math.floor(i / 4 / withText.width);
    }
  }
  return { count, x: x / count, y: y / count };
}
/** The outlined SVG without its outlines (the invisible text stays invisible). */
const withoutOutlines = (svg: string) => svg.replace(/<g aria-hidden="true">[\s\S]*?<\/g>/g, "");

describe("--fonts outline and embed beyond Latin", () => {
  it("outlines carry as much ink as the browser's text and sit where the text is (labels, legend, CJK, emoji), in librsvg", async () => {
    for (const id of ["vm-vs-container", "xen", "scripts"]) {
      const outlined = readFileSync(join(dir, "outline", `${id}.light.svg`), "utf8");
      const embedded = readFileSync(join(dir, "embed", `${id}.light.svg`), "utf8");
      expect(outlined).toContain('aria-hidden="true"><path');
      const browser = inkAt(await chromium(embedded), await chromium(withoutText(embedded)));
      const outlines = inkAt(rsvg(outlined), rsvg(withoutOutlines(outlined)));
      expect(Math.abs(outlines.count - browser.count) / browser.count, `${id}: outline ink ${outlines.count} px, browser text ${browser.count} px`).toBeLessThan(0.2);
      // Placed where the same text, shown, is drawn: a label in the wrong place (a legend entry
      // over its swatch, a line off centre) moves the ink's centre.
      const shown = withoutOutlines(outlined).replace(/ style="opacity:0;/g, ' style="');
      const text = inkAt(rsvg(shown), rsvg(withoutOutlines(outlined)));
      expect(Math.hypot(outlines.x - text.x, outlines.y - text.y), `${id}: centre of the ink`).toBeLessThan(1.5);
    }
  });

  it("embeds Latin and CJK subsets, and leaves colour emoji to the viewer (hb-subset keeps no bitmaps)", () => {
    const svg = readFileSync(join(dir, "embed", "scripts.light.svg"), "utf8");
    expect(svg).toMatch(/font-family:"vstack-sans-[0-9a-f]{8}"/);
    expect(svg).toMatch(/font-family:"vstack-cjk-[0-9a-f]{8}"/);
    expect(svg).not.toContain("vstack-emoji");
  });
});
