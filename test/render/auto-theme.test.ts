import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * `--theme auto`: one SVG that a browser draws exactly as the light or the dark SVG, by the
 * reader's colour scheme (emulated in Chromium) or by the page's own theme class.
 */
const dir = tempDir();
// The spec with the most arrows: boxes of many kinds, outlines, links and their key (drawn in the page, per theme).
const IDS = ["docker-engine-linux"];
let browser: Browser;

beforeAll(async () => {
  await build({ inputs: IDS, outDir: dir, cacheDir: join(dir, ".cache"), formats: ["svg"], themes: ["light", "dark", "auto"], manifest: false });
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
});

afterAll(async () => {
  await browser?.close();
});

/** The SVG inline on a page with `rootAttrs` on <html>, drawn in the given scheme: its pixels. */
async function draw(svg: string, scheme: "light" | "dark", rootAttrs = ""): Promise<PNG> {
  const page = await browser.newPage();
  try {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await page.setContent(`<!doctype html><html ${rootAttrs}><body style="margin:0">${svg}</body></html>`);
    return PNG.sync.read(Buffer.from(await (await page.$("svg"))!.screenshot({ type: "png" })));
  } finally {
    await page.close();
  }
}

function differingPixels(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) n++;
  return n;
}

describe.each(IDS)("%s.auto.svg", (id) => {
  const read = (theme: string) => readFileSync(join(dir, `${id}.${theme}.svg`), "utf8");

  it("is drawn as the light SVG in a light scheme and as the dark SVG in a dark one", async () => {
    const auto = read("auto");
    const light = await draw(read("light"), "light");
    const dark = await draw(read("dark"), "light");
    expect(differingPixels(await draw(auto, "light"), light)).toBe(0);
    expect(differingPixels(await draw(auto, "dark"), dark)).toBe(0);
    // The two themes really differ, so the comparisons above mean something.
    expect(differingPixels(light, dark)).toBeGreaterThan(light.width * light.height * 0.5);
  });

  it("follows the page's own theme over the OS scheme", async () => {
    const auto = read("auto");
    const light = await draw(read("light"), "light");
    const dark = await draw(read("dark"), "light");
    expect(differingPixels(await draw(auto, "light", 'class="dark"'), dark)).toBe(0);
    expect(differingPixels(await draw(auto, "light", 'data-theme="dark"'), dark)).toBe(0);
    expect(differingPixels(await draw(auto, "dark", 'data-theme="light"'), light)).toBe(0);
    expect(differingPixels(await draw(auto, "dark", 'class="light"'), light)).toBe(0);
  });

  it("shows the light picture in librsvg, which has no colour schemes", () => {
    const png = (theme: string) => PNG.sync.read(execFileSync("rsvg-convert", ["-f", "png", join(dir, `${id}.${theme}.svg`)]));
    expect(differingPixels(png("auto"), png("light"))).toBe(0);
  });
});
