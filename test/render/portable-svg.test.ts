import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/build/index.js";
import { chromiumArgs, findChromium } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec/builtins.js";
import { loadSpec } from "../../src/spec/load-spec.js";
import type { Spec } from "../../src/spec/types.js";
import { THEMES, type Theme } from "../../src/palette.js";
import { tempDir } from "../support/paths.js";
import { foldSpace, parseSvg, specLabels, squash } from "../support/svg.js";

/**
 * The gallery's SVGs drawn by renderers other than the one that made them: librsvg (pandoc,
 * LaTeX pipelines, GNOME, wikis) must show the same words as Chromium, and a browser on a machine
 * without Noto (only DejaVu) must still fit every label in its box, from the embedded fonts.
 */
const dir = tempDir();
const specs: Spec[] = [];
let browser: Browser;
let noNoto: Browser;

beforeAll(async () => {
  for (const file of builtinFiles()) specs.push((await loadSpec(file)).spec!);
  await build({ outDir: join(dir, "embed"), cacheDir: join(dir, "cache"), formats: ["svg"], fonts: "embed" });
  await build({ outDir: join(dir, "system"), cacheDir: join(dir, "cache"), formats: ["svg"], fonts: "system" });
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
  // A fontconfig that sees DejaVu only: a machine where Noto was never installed.
  const conf = join(dir, "fonts.conf");
  writeFileSync(conf, `<?xml version="1.0"?><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${join(dir, "fc-cache")}</cachedir></fontconfig>`);
  noNoto = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs(), env: { ...process.env, FONTCONFIG_FILE: conf } });
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
/** The SVG with every label removed: what is left is boxes, lines and page. */
const withoutText = (svg: string) => svg.replace(/<g class="vstack-label">[\s\S]*?<\/g>/g, "");

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

describe("every built-in spec's SVG, light and dark", () => {
  for (const file of builtinFiles()) {
    const id = file.replace(/.*\//, "").replace(/\.yaml$/, "");
    for (const theme of THEMES) {
      it(`${id} (${theme}): text any renderer draws, in librsvg as in Chromium`, async () => {
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
  it("embedded fonts keep every label of every built-in inside its box", async () => {
    for (const file of builtinFiles()) {
      const id = file.replace(/.*\//, "").replace(/\.yaml$/, "");
      expect(await overflows(svgOf("embed", id, "light")), id).toEqual([]);
    }
  });

  it("without them (--fonts system) labels do overflow: the check above can fail", async () => {
    const all = (await Promise.all(builtinFiles().map((file) => overflows(svgOf("system", file.replace(/.*\//, "").replace(/\.yaml$/, ""), "light"))))).flat();
    expect(all.length).toBeGreaterThan(0);
  });
});
