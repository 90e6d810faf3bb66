import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/render/chromium.js";
import { runCli } from "../support/cli.js";
import { ROOT } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";
import { serveSite } from "../support/static-site.js";

/**
 * Real Docusaurus 3 and Astro builds of examples/docusaurus-site and examples/astro-site, with
 * vstack installed from its packed tarball as a docs repository installs it. The site tools come
 * from test/site-tools (installed by scripts/install-deps.sh, apart from vstack's own
 * devDependencies), found up the folder tree from the sites built below it. The built pages are
 * served and opened in Chromium: no console error (React hydration included), no failed request,
 * every picture URL answers with an SVG.
 */
const TOOLS = join(ROOT, "test", "site-tools");
const sites = join(TOOLS, ".sites", String(process.pid));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(sites, { recursive: true });
  const npm = (args: string[]) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd: sites, encoding: "utf8", env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" } });
  // dist/ as `npm test` built it (prepare would rebuild it under the other tests' CLI processes).
  const tarball = execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", sites, "--loglevel=error"], { cwd: ROOT, encoding: "utf8" }).trim().split("\n").at(-1)!;
  writeFileSync(join(sites, "package.json"), JSON.stringify({ name: "docs-sites", private: true }));
  npm(["install", `./${tarball}`]);
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(sites, { recursive: true, force: true });
});

function site(name: string): string {
  const dir = join(sites, name);
  cpSync(join(ROOT, "examples", name), dir, { recursive: true });
  return dir;
}

/** Runs a site tool's build; it must end by itself (vstack closes its browser when idle). */
function build(dir: string, bin: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(TOOLS, "node_modules", bin), ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1", DOCUSAURUS_TELEMETRY_DISABLED: "1", ASTRO_TELEMETRY_DISABLED: "1" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), 240_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

interface PageReport {
  problems: string[];
  images: Array<{ src: string; status: number; type: string }>;
  /** Width × height of each inline vstack SVG as drawn. */
  inline: Array<{ id: string; width: number; height: number }>;
}

/** Opens a built page in Chromium and reports what went wrong and what it shows. */
async function openPage(url: string): Promise<PageReport> {
  const page = await browser.newPage();
  const problems: string[] = [];
  // The browser asks every site for a favicon; the examples have none.
  const favicon = (u: string | undefined) => u?.endsWith("/favicon.ico") ?? false;
  page.on("console", (m) => void (m.type() === "error" && !favicon(m.location().url) && problems.push(`console: ${m.text()}`)));
  page.on("pageerror", (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()}`));
  page.on("response", (r) => void (r.status() >= 400 && !favicon(r.url()) && problems.push(`${r.status()}: ${r.url()}`)));
  try {
    await page.goto(url, { waitUntil: "networkidle0" });
    await new Promise((r) => setTimeout(r, 500)); // hydration errors are reported after load
    const sources = await page.$$eval(".vstack-fence img, figure.vstack img, picture source, picture img, img[src*='/vstack/']", (els) => [...new Set(els.map((el) => (el as HTMLImageElement).src || (el as HTMLSourceElement).srcset))]);
    const images = await Promise.all(
      sources.map(async (src) => {
        const r = await fetch(new URL(src, url));
        return { src, status: r.status, type: r.headers.get("content-type") ?? "" };
      }),
    );
    const inline = await page.$$eval("figure.vstack > svg", (svgs) => svgs.map((s) => ({ id: s.id, width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height })));
    return { problems, images, inline };
  } finally {
    await page.close();
  }
}

describe("Docusaurus 3 site build with vstack/remark (installed from the packed tarball)", () => {
  it("builds with the README's config; inline, picture and img pages hydrate with no error and every picture URL answers", async () => {
    const dir = site("docusaurus-site");
    const { code, output } = await build(dir, "@docusaurus/core/bin/docusaurus.mjs", ["build"]);
    expect(code, output).toBe(0);
    // picture and img files go where Docusaurus serves files as they are.
    const assets = readdirSync(join(dir, "static", "vstack"));
    expect(assets.filter((f) => f.startsWith("blog-2026-12-01-docker-desktop-docker-desktop-macos.")).map((f) => f.split(".").at(-2)).sort()).toEqual(["dark", "light"]);
    expect(assets.filter((f) => f.endsWith(".auto.svg"))).toHaveLength(1);
    expect(existsSync(join(dir, "public"))).toBe(false);
    const html = readFileSync(join(dir, "build", "docs", "index.html"), "utf8");
    expect(html).toContain("<svg id=vstack-docs-index-vm-vs-container"); // Docusaurus minifies quotes away

    const server = await serveSite(join(dir, "build"));
    try {
      const docs = await openPage(`${server.url}/docs/`);
      expect(docs.problems).toEqual([]);
      expect(docs.inline.map((s) => s.id)).toEqual(["vstack-docs-index-vm-vs-container"]);
      expect(docs.inline[0]!.width).toBeGreaterThan(300);
      const mdx = await openPage(`${server.url}/docs/own-stack`);
      expect(mdx.problems).toEqual([]);
      expect(mdx.inline.map((s) => s.id)).toEqual(["vstack-runner"]); // a fence with an id: is named by it
      const blog = await openPage(`${server.url}/blog/2026/12/01/docker-desktop`);
      expect(blog.problems).toEqual([]);
      expect(blog.images.length).toBe(2); // the <picture>'s dark source and light img
      for (const image of blog.images) expect(image, image.src).toMatchObject({ status: 200, type: "image/svg+xml" });
      const pages = await openPage(`${server.url}/`);
      expect(pages.problems).toEqual([]);
      expect(pages.images).toHaveLength(1);
      expect(pages.images[0]).toMatchObject({ status: 200, type: "image/svg+xml" });
      expect(pages.images[0]!.src).toMatch(/\/vstack\/src-pages-index-type-2-hypervisor\.[0-9a-f]{10}\.auto\.svg$/);
    } finally {
      await server.close();
    }
  });
});

describe("Astro site build with vstack/remark", () => {
  it("builds; the pages hold their inline pictures and table, with no console error", async () => {
    const dir = site("astro-site");
    const { code, output } = await build(dir, "astro/astro.js", ["build"]);
    expect(code, output).toBe(0);
    const server = await serveSite(join(dir, "dist"));
    try {
      const index = await openPage(`${server.url}/`);
      expect(index.problems).toEqual([]);
      expect(index.inline.map((s) => s.id)).toEqual(["vstack-src-pages-index-vm-vs-container"]);
      const desktop = await openPage(`${server.url}/desktop`);
      expect(desktop.problems).toEqual([]);
      expect(desktop.inline.map((s) => s.id)).toEqual(["vstack-src-pages-desktop-docker-desktop-windows"]);
      expect(readFileSync(join(dir, "dist", "index.html"), "utf8")).toContain('<table class="vstack-table"');
    } finally {
      await server.close();
    }
  });
});

describe("the plugin entry points load however a site's config is loaded", () => {
  const script = (name: string, text: string) => {
    writeFileSync(join(sites, name), text);
    return runCli([], { cwd: sites, command: [process.execPath, name] });
  };
  // Each draws a fence through the entry it loaded, so the whole module graph has run.
  const draw = 'await new P({}).page("page.md", "```vstack\\nuse: xen\\n```\\n").then((r) => { console.log(typeof plugin, r.pictures.length, r.pictures[0].html.slice(0, 30)); process.exit(0); });';

  it("plain Node ESM import", async () => {
    const r = await script("esm.mjs", `import plugin, { PagePictures as P } from "vstack/remark";\nimport md from "vstack/markdown-it";\nif (typeof md !== "function") throw new Error("markdown-it");\n${draw}`);
    expect(r.stdout.trim(), r.stderr).toBe('function 1 <figure class="vstack"><svg id');
  });

  it("CommonJS require", async () => {
    const r = await script("cjs.cjs", `const plugin = require("vstack/remark");\nconst md = require("vstack/markdown-it");\nif (typeof md !== "function" || md.default !== md) throw new Error("markdown-it");\nconst P = plugin.PagePictures;\n(async () => { ${draw} })();`);
    expect(r.stdout.trim(), r.stderr).toBe('function 1 <figure class="vstack"><svg id');
  });

  it("jiti, as Docusaurus loads its config (interopDefault)", async () => {
    const jiti = join(TOOLS, "node_modules", "jiti");
    const r = await script("jiti.cjs", `const load = require(${JSON.stringify(jiti)})(__filename, { interopDefault: true, requireCache: false });\nconst plugin = load("vstack/remark");\nconst P = plugin.PagePictures;\n(async () => { ${draw} })();`);
    expect(r.stdout.trim(), r.stderr).toBe('function 1 <figure class="vstack"><svg id');
  });
});
