import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { FONT_FAMILY } from "../../src/render/mermaid-config.js";
import { ROOT, tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";
import { serveSite } from "../support/static-site.js";

/**
 * `vstack/mermaid` (dist/browser/stack-layout.mjs) on a site that renders Mermaid in the browser:
 * a page that loads Mermaid and registers this entry draws vstack's `.mmd` with the geometry of
 * vstack's own SVG (every box where vstack put it, within a pixel).
 */
const dir = tempDir();
const site = join(dir, "site");
let browser: Browser;

beforeAll(async () => {
  await build({ inputs: ["vm-vs-container", "xen", "docker-engine-linux"], outDir: join(dir, "out"), cacheDir: join(dir, "cache"), formats: ["svg", "mmd"], themes: ["light"], template: "flowchart" });
  mkdirSync(site);
  // What a site serves: Mermaid's ES module build and vstack's entry, as files of its own.
  symlinkSync(join(dirname(createRequire(import.meta.url).resolve("mermaid/package.json")), "dist"), join(site, "mermaid"));
  symlinkSync(join(ROOT, "dist", "browser", "stack-layout.mjs"), join(site, "vstack-mermaid.mjs"));
  writeFileSync(
    join(site, "index.html"),
    `<!doctype html><body><script type="module">
import mermaid from "/mermaid/mermaid.esm.min.mjs";
import { registerStackLayout } from "/vstack-mermaid.mjs";
registerStackLayout(mermaid);
mermaid.initialize({ startOnLoad: false, themeVariables: { fontFamily: ${JSON.stringify(FONT_FAMILY)} } });
window.draw = async (text) => (await mermaid.render("site", text)).svg;
window.ready = true;
</script></body>`,
  );
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

/** Each box's place and size in the drawing's own coordinates, by node id. */
function geometry(svg: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const [, id, x, y, rest] of svg.matchAll(/<g class="node[^"]*" id="[^"]*?-flowchart-([^"]+?)-\d+"[^>]*?transform="translate\(([-\d.]+), ?([-\d.]+)\)"[^>]*>(.{0,400})/g)) {
    const size = /<rect[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"/.exec(rest!) ?? /<rect[^>]*?height="([\d.]+)"[^>]*?width="([\d.]+)"/.exec(rest!);
    out.set(id!, [Number(x), Number(y), Number(size?.[1] ?? NaN), Number(size?.[2] ?? NaN)]);
  }
  return out;
}

describe("vstack/mermaid: the stack layout on a site's own Mermaid", () => {
  it.each(["vm-vs-container", "xen", "docker-engine-linux"])("%s: every box where vstack's own SVG has it, within 1 px", async (id) => {
    const server = await serveSite(site);
    const page = await browser.newPage();
    try {
      await page.goto(`${server.url}/index.html`);
      await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
      const text = readFileSync(join(dir, "out", `${id}.light.mmd`), "utf8");
      const drawn = await page.evaluate((t) => (window as unknown as { draw(t: string): Promise<string> }).draw(t), text);
      const mine = geometry(readFileSync(join(dir, "out", `${id}.light.svg`), "utf8"));
      const theirs = geometry(drawn);
      expect(mine.size).toBeGreaterThan(5);
      expect([...theirs.keys()].sort()).toEqual([...mine.keys()].sort());
      for (const [node, [x, y, w, h]] of mine) {
        const [tx, ty, tw, th] = theirs.get(node)!;
        for (const [a, b, what] of [[x, tx, "x"], [y, ty, "y"], [w, tw, "width"], [h, th, "height"]] as const) expect(Math.abs(a! - b!), `${node} ${what}`).toBeLessThanOrEqual(1);
      }
    } finally {
      await page.close();
      await server.close();
    }
  });
});
