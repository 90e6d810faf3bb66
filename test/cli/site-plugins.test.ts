import { spawn } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import puppeteer from "puppeteer-core";
import { afterAll, describe, expect, it } from "vitest";
import { BACKGROUND } from "../../src/kinds/palette.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { ROOT, tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * A real VitePress build of examples/vitepress-site (vstack/markdown-it in its config, one
 * line), from a copy inside the package folder so `vstack/...` resolves as in a site that
 * installed vstack. The built HTML must hold the pictures, and keep their styles through Vue.
 */
const sites = join(ROOT, ".test-sites", String(process.pid));
const EXAMPLE = join(ROOT, "examples", "vitepress-site");

afterAll(() => rmSync(sites, { recursive: true, force: true }));

function site(name: string, extra: Record<string, string> = {}): string {
  const dir = join(sites, name);
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !/[\\/](cache|dist|\.vstack-cache)$/.test(src) });
  for (const [file, text] of Object.entries(extra)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

function vitepressBuild(dir: string, outDir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "node_modules", "vitepress", "bin", "vitepress.js"), "build", "docs", "--outDir", outDir], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

describe("VitePress site build with vstack/markdown-it", () => {
  it("writes every page with its pictures inline, styles kept, following VitePress's dark switch", async () => {
    const out = tempDir();
    const { code, output } = await vitepressBuild(site("good"), out);
    expect(code, output).toBe(0);
    const index = readFileSync(join(out, "index.html"), "utf8");
    const guide = readFileSync(join(out, "guide", "own-stack.html"), "utf8");
    expect(index).toContain('<svg id="vstack-docs-index-vm-vs-container"');
    expect(guide).toContain('<svg id="vstack-docs-guide-own-stack-1"');
    expect(index).toMatch(/<table class="vstack-table" id="vm-vs-container"><caption>Virtual machines vs containers<\/caption>/);
    // Vue drops <style> from templates; the plugin's VitePress mode keeps all three (fonts, Mermaid's, themes).
    expect(index.match(/<style>/g)?.length).toBe(3);
    expect(index).toContain(".dark #vstack-docs-index-vm-vs-container{");
    expect(index).not.toMatch(/prefers-color-scheme: dark\)\{#vstack/); // darkSelector: the site's switch decides, not the OS
    // Drawn: the picture's background follows the .dark class VitePress's switch sets on <html>.
    const browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
    try {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(out, "index.html")).href);
      const background = () => page.$eval("#vstack-docs-index-vm-vs-container .vstack-background", (el) => getComputedStyle(el).fill);
      const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
      expect(await background()).toBe(rgb(BACKGROUND.light));
      await page.evaluate(() => document.documentElement.classList.add("dark"));
      expect(await background()).toBe(rgb(BACKGROUND.dark));
      // The embedded font is in use: the labels are not drawn in VitePress's Inter.
      const family = await page.$eval("#vstack-docs-index-vm-vs-container text.vstack-text", (el) => getComputedStyle(el).fontFamily);
      expect(family).toMatch(/^vstack-sans-/);
    } finally {
      await browser.close();
    }
  });

  it("fails the build at the bad fence's line in the page", async () => {
    const bad = ["---", "title: Broken", "---", "", "# Broken", "", "```vstack", "use: linux-contaners", "```", ""].join("\n");
    const { code, output } = await vitepressBuild(site("bad", { "docs/broken.md": bad }), tempDir());
    expect(code).not.toBe(0);
    expect(output).toContain("docs/broken.md:8:6:");
    expect(output).toContain('did you mean "linux-containers"');
  });
});
