import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";
import { parseSvg } from "../support/svg.js";

/**
 * Every built-in, in both themes, drawn by librsvg (pandoc, LaTeX, GNOME) and by Inkscape (which
 * LibreOffice and Office imports resemble) as by Chromium: container and sandbox outlines dashed
 * where the browser's are, nothing painted black where the browser paints nothing, and the SVG
 * written in forms every renderer reads (no `!important`, no `transparent`, its own size).
 */
const dir = tempDir();
const out = join(dir, "out");
let browser: Browser;

/** What Chromium shows of a picture: dashed outlines' top edges and a point beside every label, in picture pixels. */
interface Probe {
  width: number;
  height: number;
  dashed: Array<{ y: number; x0: number; x1: number }>;
  beside: Array<{ x: number; y: number }>;
  png: PNG;
}
const probes = new Map<string, Probe>();

beforeAll(async () => {
  // The classic case of a legend wider than its drawing (#26): a runner VM, its kernel, three jobs.
  writeFileSync(join(dir, "runner.yaml"), ["id: runner", "title: CI runner", "sources: [https://docs.docker.com/engine/containers/run/]", "stack:", "  - { layer: Runner VM, kind: vm }", "  - { layer: Linux kernel, kind: kernel }", "  - units:", "      - { unit: 'Job {n}', kind: container, repeat: 3 }"].join("\n"));
  writeFileSync(join(dir, "small.yaml"), ["id: small", "title: Small", "sources: [https://example.com]", "stack:", "  - { layer: Hardware, kind: hardware }", "  - { layer: Kernel, kind: kernel }", "  - { layer: App, kind: app }"].join("\n"));
  await build({ inputs: [...builtinFiles(), join(dir, "runner.yaml"), join(dir, "small.yaml")], outDir: out, cacheDir: join(dir, "cache"), formats: ["svg"], themes: ["light", "dark"] });
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
  const page = await browser.newPage();
  for (const file of readdirSync(out).filter((f) => f.endsWith(".svg"))) {
    const svg = readFileSync(join(out, file), "utf8");
    const [, , w, h] = parseSvg(svg).documentElement!.getAttribute("viewBox")!.split(/\s+/).map(Number);
    const [width, height] = [Math.round(w!), Math.round(h!)];
    await page.setViewport({ width, height });
    await page.setContent(`<!doctype html><body style="margin:0"><div style="width:${width}px;height:${height}px">${svg}</div></body>`);
    const found = await page.evaluate(() => {
      const root = document.querySelector("svg")!;
      root.style.display = "block";
      const origin = root.getBoundingClientRect();
      const dashed = Array.from(root.querySelectorAll("rect"))
        .filter((r) => {
          const dash = getComputedStyle(r).strokeDasharray;
          return dash !== "none" && dash !== "" && Number.parseFloat(getComputedStyle(r).strokeWidth) > 0 && r.getBoundingClientRect().width > 40;
        })
        .map((r) => {
          const b = r.getBoundingClientRect();
          return { y: b.top - origin.top, x0: b.left - origin.left + 8, x1: b.right - origin.left - 8 };
        });
      // Just left of each label's first letter: the paper or box behind it, never ink.
      const beside = Array.from(root.querySelectorAll("text.vstack-text")).map((t) => {
        const b = t.getBoundingClientRect();
        return { x: b.left - origin.left - 2, y: b.top - origin.top + b.height / 2 };
      });
      return { dashed, beside };
    });
    probes.set(file, { width, height, ...found, png: PNG.sync.read(Buffer.from(await page.screenshot({ type: "png" }))) });
  }
  await page.close();
  // Inkscape draws a batch in one process (its start is most of its time).
  const files = [...probes.keys()];
  execFileSync("inkscape", ["--export-type=png", "--export-overwrite", ...files.map((f) => join(out, f))], { stdio: "ignore", timeout: 600_000 });
}, 900_000);

afterAll(async () => {
  await browser?.close();
});

const pixel = (png: PNG, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!] as const;
};
const distance = (a: readonly number[], b: readonly number[]) => Math.max(...[0, 1, 2].map((k) => Math.abs(a[k]! - b[k]!)));

/** How often the edge's pixels turn between the outline's ink and the fill: a dashed line turns many times, a solid one never. */
function turns(png: PNG, { y, x0, x1 }: Probe["dashed"][number]): number {
  const row = [];
  for (let x = Math.ceil(x0); x <= x1; x++) row.push(pixel(png, x, y));
  const lightest = row.reduce((a, b) => (a[0] + a[1] + a[2] >= b[0] + b[1] + b[2] ? a : b));
  const darkest = row.reduce((a, b) => (a[0] + a[1] + a[2] <= b[0] + b[1] + b[2] ? a : b));
  if (distance(lightest, darkest) < 40) return 0;
  const inked = row.map((p) => distance(p, darkest) < distance(p, lightest));
  return inked.slice(1).filter((v, i) => v !== inked[i]).length;
}

function librsvg(file: string, { width, height }: Probe): PNG {
  return PNG.sync.read(execFileSync("rsvg-convert", ["-w", String(width), "-h", String(height), join(out, file)], { maxBuffer: 1 << 27 }));
}

function inkscape(file: string): PNG {
  return PNG.sync.read(readFileSync(join(out, file.replace(/\.svg$/, ".png"))));
}

describe("the SVG says everything in forms every renderer reads", () => {
  it("no !important and no transparent paint in any built-in, light or dark", () => {
    for (const file of probes.keys()) {
      const svg = readFileSync(join(out, file), "utf8");
      expect(svg.includes("!important"), file).toBe(false);
      expect(/\b(fill|stroke)\s*:\s*transparent\b/i.test(svg) || /\s(fill|stroke)="transparent"/i.test(svg), file).toBe(false);
    }
  });

  it("the root has the picture's own width and height, so a small diagram is not blown up to its column", async () => {
    for (const file of probes.keys()) {
      const root = parseSvg(readFileSync(join(out, file), "utf8")).documentElement!;
      const [, , w, h] = root.getAttribute("viewBox")!.split(/\s+/).map(Number);
      expect(Number(root.getAttribute("width")), file).toBeCloseTo(w!, 1);
      expect(Number(root.getAttribute("height")), file).toBeCloseTo(h!, 1);
    }
    // In a 690 px column, the 3-box spec keeps its own size; a picture wider than the column is scaled down to it.
    const page = await browser.newPage();
    try {
      const small = readFileSync(join(out, "small.light.svg"), "utf8");
      const wide = readFileSync(join(out, "docker-engine-linux.light.svg"), "utf8");
      await page.setContent(`<!doctype html><body style="margin:0"><main style="width:690px"><figure style="margin:0">${small}</figure><figure style="margin:0">${wide}</figure></main></body>`);
      const sizes = await page.$$eval("svg", (svgs) => svgs.map((s) => ({ width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height, text: parseFloat(getComputedStyle(s.querySelector("text.vstack-text")!).fontSize) * (s.getBoundingClientRect().width / s.viewBox.baseVal.width) })));
      const smallWidth = Number(parseSvg(small).documentElement!.getAttribute("width"));
      expect(smallWidth).toBeLessThan(400);
      expect(sizes[0]!.width).toBeCloseTo(smallWidth, 0);
      expect(sizes[0]!.text).toBeLessThan(20); // type at its own size, not 40 px
      expect(sizes[1]!.width).toBeCloseTo(690, 0);
      const [, , ww, wh] = parseSvg(wide).documentElement!.getAttribute("viewBox")!.split(/\s+/).map(Number);
      expect(sizes[1]!.height / sizes[1]!.width).toBeCloseTo(wh! / ww!, 2); // scaled, not stretched
    } finally {
      await page.close();
    }
  });

  it("a legend wider than its drawing stays whole: every legend word inside the picture", async () => {
    const page = await browser.newPage();
    try {
      for (const theme of ["light", "dark"]) {
        const svg = readFileSync(join(out, `runner.${theme}.svg`), "utf8");
        await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
        const { box, words } = await page.evaluate(() => {
          const root = document.querySelector("svg")!;
          const b = root.getBoundingClientRect();
          return { box: { left: b.left, right: b.right }, words: Array.from(root.querySelectorAll(".vstack-legend text, .vstack-legend rect"), (t) => ({ left: t.getBoundingClientRect().left, right: t.getBoundingClientRect().right })) };
        });
        expect(words.length).toBeGreaterThan(4);
        for (const w of words) {
          expect(w.left).toBeGreaterThanOrEqual(box.left);
          expect(w.right).toBeLessThanOrEqual(box.right);
        }
      }
    } finally {
      await page.close();
    }
  });
});

describe("librsvg and Inkscape draw what Chromium draws", () => {
  it("container and sandbox outlines are dashed in all three (every built-in, both themes)", () => {
    let edges = 0;
    for (const [file, probe] of probes) {
      const others = { librsvg: librsvg(file, probe), inkscape: inkscape(file) };
      for (const edge of probe.dashed) {
        if (turns(probe.png, edge) < 4) continue; // covered by a box above it in the browser too
        edges++;
        for (const [name, png] of Object.entries(others)) expect(turns(png, edge), `${file}: ${name}, outline at y=${edge.y.toFixed(0)} x=${edge.x0.toFixed(0)}`).toBeGreaterThanOrEqual(4);
      }
    }
    expect(edges).toBeGreaterThan(40);
  });

  it("nothing dark where the browser paints paper or a box: beside every label, the same colour in all three", () => {
    for (const [file, probe] of probes) {
      const others = { librsvg: librsvg(file, probe), inkscape: inkscape(file) };
      for (const point of probe.beside) {
        if (point.x < 0 || point.y < 0 || point.x >= probe.width || point.y >= probe.height) continue;
        const want = pixel(probe.png, point.x, point.y);
        for (const [name, png] of Object.entries(others)) expect(distance(pixel(png, point.x, point.y), want), `${file}: ${name} at ${point.x.toFixed(0)},${point.y.toFixed(0)}`).toBeLessThan(60);
      }
    }
  });
});
