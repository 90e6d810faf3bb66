/**
 * `npm run bench`: vstack against mermaid-cli on the same inputs, side by side.
 *
 *   vstack        the CLI as a process: cold (empty cache), warm (cache hit), one spec changed
 *   mmdc          mermaid-cli's CLI once per diagram (what users do today)
 *   renderMermaid mermaid-cli's API with one shared browser (the best a user can do with it)
 *   floor         mermaid's own render() inside an already-loaded page
 *
 * Figures are wall-clock on this machine; peak memory is the resident size of the whole
 * process tree (Node and Chromium). `--quick` uses smaller inputs; `--only layout` prints the
 * stack layout's figures (area, faults, time against block-beta) alone, `--only themes` the gallery
 * and what a second theme costs, `--only install` what
 * `npm install vstack` puts on disk (it packs this checkout and installs it from the registry).
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { renderMermaid } from "@mermaid-js/mermaid-cli";
import puppeteer, { type Browser } from "puppeteer-core";
import { chromiumArgs, findChromium } from "../src/render/chromium.js";
import { MERMAID_CONFIG } from "../src/render/mermaid-config.js";
import { builtinFiles } from "../src/spec-format/builtins.js";
import { largeSpec, typicalSpec, writeSpecs } from "./bench/inputs.js";
import { peakSampler } from "./bench/memory.js";
import { installSize } from "./bench/install-size.js";
import { measurePicture, pictureFaults } from "../test/support/picture-geometry.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "bin", "vstack.js");
const MMDC = join(ROOT, "node_modules", ".bin", "mmdc");
/** mermaid-cli 12 types its browser as puppeteer 25's; vstack runs puppeteer-core 24 (Node 20). Same protocol at run time. */
type CliBrowser = Parameters<typeof renderMermaid>[0];
const quick = process.argv.includes("--quick");
/** `--only layout`, `themes` or `install`: one part alone. */
const only = process.argv[process.argv.indexOf("--only") + 1];
const COUNTS = quick ? [10, 50] : [10, 50, 100, 500];
const SIZES = quick ? [10, 100] : [10, 50, 100, 250, 500];
const MMDC_SAMPLE = quick ? 10 : 50;
const SHARED_SAMPLE = quick ? 20 : 100;
const work = mkdtempSync(join(tmpdir(), "vstack-bench-"));
const browserArgs = { executablePath: findChromium(), headless: true, args: chromiumArgs() } as const;

interface Run {
  ms: number;
  peakBytes: number;
}

/** Runs a command to completion, timing it and sampling its process tree's memory. */
function timed(cmd: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    const sampler = peakSampler(child.pid!);
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const peakBytes = sampler.stop();
      if (code !== 0) reject(new Error(`${cmd} ${args.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms: performance.now() - started, peakBytes });
    });
  });
}

const vstack = (args: string[]) => timed(process.execPath, [CLI, "render", "--no-gallery", ...args]);

/** The Mermaid text vstack makes for each spec (light theme), written as .mmd files for the other tools. */
async function mermaidOf(specDir: string): Promise<string[]> {
  const out = join(specDir, "..", "mmd");
  await vstack([specDir, "-o", out, "-f", "mmd", "-t", "light", "--no-cache"]);
  return readdirSync(out).filter((f) => f.endsWith(".mmd")).sort().map((f) => join(out, f));
}

async function mmdcPerDiagram(files: string[]): Promise<number> {
  const config = join(work, "puppeteer.json");
  writeFileSync(config, JSON.stringify(browserArgs));
  const started = performance.now();
  for (const file of files) await timed(MMDC, ["-q", "-i", file, "-o", `${file}.mmdc.svg`, "-p", config]);
  return (performance.now() - started) / files.length;
}

async function sharedBrowserPerDiagram(browser: Browser, files: string[]): Promise<number> {
  const { startOnLoad: _, ...mermaidConfig } = MERMAID_CONFIG;
  const started = performance.now();
  for (const file of files) await renderMermaid(browser as unknown as CliBrowser, readFileSync(file, "utf8"), "svg", { mermaidConfig: mermaidConfig as never });
  return (performance.now() - started) / files.length;
}

/** mermaid.render() alone, in one page that already has mermaid loaded: the floor. */
async function floorPerDiagram(browser: Browser, files: string[]): Promise<number> {
  const page = await browser.newPage();
  await page.setContent("<!doctype html><body><div id=c></div></body>");
  await page.addScriptTag({ path: join(ROOT, "node_modules", "mermaid", "dist", "mermaid.min.js") });
  let total = 0;
  for (const [i, file] of files.entries()) {
    total += await page.evaluate(
      async (text, config, id) => {
        const m = (window as unknown as { mermaid: { initialize(c: unknown): void; render(id: string, t: string): Promise<unknown> } }).mermaid;
        m.initialize(config);
        const t = performance.now();
        await m.render(id, text);
        return performance.now() - t;
      },
      readFileSync(file, "utf8"),
      MERMAID_CONFIG as unknown as Record<string, unknown>,
      `d${i}`,
    );
  }
  await page.close();
  return total / files.length;
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;
const x = (n: number) => `${n.toFixed(1)}x`;

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n"));
}

async function gallery(browser: Browser): Promise<void> {
  const specs = join(work, "gallery", "specs");
  mkdirSync(specs, { recursive: true });
  for (const f of builtinFiles()) copyFileSync(f, join(specs, f.replace(/^.*\//, "")));
  const args = [specs, "-o", join(work, "gallery", "out"), "--cache-dir", join(work, "gallery", "cache")];
  const cold = await vstack(args);
  const warm = await vstack(args);
  const one = join(specs, "xen.yaml");
  writeFileSync(one, readFileSync(one, "utf8").replace("layer: Xen hypervisor", "layer: Xen hypervisor (edited)"));
  const changed = await vstack(args);
  const n = builtinFiles().length;
  console.log(`\n## Built-in gallery: ${n} specs × light, dark × svg, png, mmd (${n * 6} files)\n`);
  table(
    ["run", "wall", "per diagram", "peak memory"],
    [
      ["vstack cold (empty cache)", ms(cold.ms), ms(cold.ms / n), mb(cold.peakBytes)],
      ["vstack warm (cache hit, no browser)", ms(warm.ms), ms(warm.ms / n), mb(warm.peakBytes)],
      ["vstack, one spec changed", ms(changed.ms), "-", mb(changed.peakBytes)],
    ],
  );
  console.log(`\ntarget: cache-hit rebuild under 300 ms: ${warm.ms < 300 ? "met" : "NOT met"} (${ms(warm.ms)})`);
  await themes(specs, n, browser);
}

/** What the second theme costs: the gallery's SVGs in light alone, light and dark, and the one auto SVG. */
async function themes(specs: string, n: number, browser: Browser): Promise<void> {
  const svg = (name: string, themes: string) => vstack([specs, "-o", join(work, "themes", name), "-f", "svg", "-t", themes, "--no-cache"]);
  const light = await svg("light", "light");
  const both = await svg("both", "light,dark");
  const auto = await svg("auto", "auto");
  const files = await mermaidOf(specs);
  const mmdc = await mmdcPerDiagram(files);
  const floor = await floorPerDiagram(browser, files);
  console.log(`\n## Themes: the gallery's ${n} specs as SVG\n`);
  table(
    ["run", "wall", "per diagram", "vs light alone"],
    [
      ["light", ms(light.ms), ms(light.ms / n), "1.0x"],
      ["light + dark", ms(both.ms), ms(both.ms / n), x(both.ms / light.ms)],
      ["auto (one SVG for both)", ms(auto.ms), ms(auto.ms / n), x(auto.ms / light.ms)],
      ["mmdc, light, per diagram", ms(mmdc * n), ms(mmdc), "-"],
      ["floor: mermaid.render() alone, one warm page", ms(floor * n), ms(floor), "-"],
    ],
  );
  console.log(`\ntarget: light + dark at most 1.3x light alone: ${both.ms / light.ms <= 1.3 ? "met" : "NOT met"} (${x(both.ms / light.ms)})`);
  console.log(`target: mmdc per gallery diagram at least 20x slower than vstack's: ${mmdc / (light.ms / n) >= 20 ? "met" : "NOT met"} (${x(mmdc / (light.ms / n))})`);
  // What bounds the second target: Mermaid's own drawing of each diagram, which every renderer pays.
  console.log(`mmdc is ${x(mmdc / floor)} the floor, and vstack's light run ${x(light.ms / n / floor)} of it (start-up included)`);
}

async function counts(browser: Browser): Promise<void> {
  console.log(`\n## Growing count: N generated specs (about 10 boxes each), SVG, light theme\n`);
  const rows: string[][] = [];
  const peaks = new Map<number, number>();
  const verdicts: string[] = [];
  for (const n of COUNTS) {
    const dir = writeSpecs(join(work, `count-${n}`, "specs"), Array.from({ length: n }, (_, i) => typicalSpec(i)));
    const run = await vstack([dir, "-o", join(work, `count-${n}`, "out"), "-f", "svg", "-t", "light", "--no-cache"]);
    peaks.set(n, run.peakBytes);
    const files = await mermaidOf(dir);
    const mmdc = await mmdcPerDiagram(files.slice(0, MMDC_SAMPLE));
    const shared = await sharedBrowserPerDiagram(browser, files.slice(0, SHARED_SAMPLE));
    const floor = await floorPerDiagram(browser, files);
    const mine = run.ms / n;
    rows.push([String(n), ms(run.ms), ms(mine), mb(run.peakBytes), ms(mmdc), ms(shared), ms(floor), x(mmdc / mine), x(shared / mine), x(mine / floor)]);
    if (n >= 50) verdicts.push(`N=${n}: ${x(mmdc / mine)} faster than mmdc (target 15x) · ${x(shared / mine)} faster than renderMermaid (target 5x) · ${x(mine / floor)} of the floor (target ≤ 1.3x)`);
  }
  table(["N", "vstack wall", "vstack /diagram", "vstack peak", "mmdc /diagram", "renderMermaid /diagram", "floor /diagram", "vs mmdc", "vs renderMermaid", "vs floor"], rows);
  console.log(`\nmmdc is timed on the first ${MMDC_SAMPLE} diagrams and renderMermaid on the first ${SHARED_SAMPLE} of each set (their cost per diagram does not fall with N).`);
  for (const v of verdicts) console.log(v);
  const [small, large] = [COUNTS.at(-2)!, COUNTS.at(-1)!];
  console.log(`peak memory at ${large} diagrams is ${x(peaks.get(large)! / peaks.get(small)!)} that at ${small} (target ≤ 1.2x)`);
}

/** The built-ins' light SVGs' area when #27 was written (31 specs, block-beta), and the specs added since. */
const AREA_THEN = 14.46e6;
const ADDED_SINCE = ["container-networking", "guest-hardware-access", "image-layers", "namespaces-cgroups"];

/** The stack layout (the flowchart template) against the block-beta grid it replaced, on the built-in gallery. */
async function stackLayout(browser: Browser): Promise<void> {
  const specs = join(work, "layout", "specs");
  mkdirSync(specs, { recursive: true });
  for (const f of builtinFiles()) copyFileSync(f, join(specs, f.replace(/^.*\//, "")));
  const out = (name: string) => join(work, "layout", name);
  const svgs = (dir: string, keep = (_file: string) => true) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".svg") && keep(f))
      .sort()
      .map((f) => readFileSync(join(dir, f), "utf8"));
  /** viewBox width × height, summed. */
  const area = (dir: string, keep?: (file: string) => boolean) =>
    svgs(dir, keep).reduce((sum, svg) => {
      const [, , w = 0, h = 0] = (/viewBox="([^"]*)"/.exec(svg)?.[1] ?? "").split(/[\s,]+/).map(Number);
      return sum + w * h;
    }, 0);
  const n = builtinFiles().length;
  const block = await vstack([specs, "-o", out("block"), "-f", "svg", "-t", "light", "--no-cache", "--template", "block"]);
  const stack = await vstack([specs, "-o", out("stack"), "-f", "svg", "-t", "light", "--no-cache"]);
  await vstack([specs, "-o", out("both"), "-f", "svg", "-t", "light,dark", "--no-cache"]);
  const page = await browser.newPage();
  const faults = { text: 0, boxes: 0, labels: 0 };
  for (const svg of svgs(out("both"))) {
    const f = pictureFaults(await measurePicture(page, svg));
    faults.text += f.textOverlaps.length;
    faults.boxes += f.edgesThroughBoxes.length;
    faults.labels += f.edgesThroughLabels.length;
  }
  await page.close();
  const [blockArea, stackArea] = [area(out("block")), area(out("stack"))];
  const mpx = (a: number) => `${(a / 1e6).toFixed(2)} Mpx²`;
  console.log(`\n## Stack layout vs block-beta: the ${n} built-ins, light SVG at the default width\n`);
  table(
    ["template", "area (viewBox w × h, summed)", "vs block", "wall", "per diagram"],
    [
      ["block (block-beta grid)", mpx(blockArea), "1.00x", ms(block.ms), ms(block.ms / n)],
      ["flowchart (vstack's stack layout)", mpx(stackArea), x(stackArea / blockArea), ms(stack.ms), ms(stack.ms / n)],
    ],
  );
  console.log(`\nfaults in the gallery (light and dark, ${2 * n} SVGs): ${faults.text} text over text · ${faults.boxes} arrows through boxes · ${faults.labels} arrows through labels`);
  console.log(`target: area at most 75% of block-beta's: ${stackArea <= 0.75 * blockArea ? "met" : "NOT met"} (${((100 * stackArea) / blockArea).toFixed(0)}%)`);
  // #27's own yardstick: the built-ins of its day, drawn with block-beta then, measured 14.46 Mpx².
  const thenArea = area(out("stack"), (f) => !ADDED_SINCE.some((id) => f.startsWith(`${id}.`)));
  console.log(`target: the ${n - ADDED_SINCE.length} built-ins of #27's day at most 75% of the 14.46 Mpx² they took then: ${thenArea <= 0.75 * AREA_THEN ? "met" : "NOT met"} (${mpx(thenArea)}, ${((100 * thenArea) / AREA_THEN).toFixed(1)}%)`);
  console.log(`target: 0 overlaps and 0 arrows through boxes or labels: ${faults.text + faults.boxes + faults.labels === 0 ? "met" : "NOT met"}`);
  console.log(`target: per diagram no slower than block-beta: ${stack.ms <= block.ms * 1.05 ? "met" : "NOT met"} (${x(stack.ms / block.ms)})`);
}

async function sizes(browser: Browser): Promise<void> {
  console.log(`\n## Growing size: one diagram of N layers, SVG, light theme\n`);
  const rows: string[][] = [];
  for (const n of SIZES) {
    const dir = writeSpecs(join(work, `size-${n}`, "specs"), [largeSpec(n)]);
    const run = await vstack([dir, "-o", join(work, `size-${n}`, "out"), "-f", "svg", "-t", "light", "--no-cache"]);
    const files = await mermaidOf(dir);
    const shared = await sharedBrowserPerDiagram(browser, files);
    const floor = await floorPerDiagram(browser, files);
    rows.push([String(n), ms(run.ms), mb(run.peakBytes), ms(shared), ms(floor)]);
  }
  table(["layers", "vstack wall (incl. start-up)", "vstack peak", "renderMermaid", "floor"], rows);
}

/** The install's size against the 180 MB aim (#29). */
function install(): void {
  console.log(`\n## Installed size: npm install of the packed tarball, no dev dependencies\n`);
  const size = installSize(ROOT);
  table(["packages", "on disk", "aim"], [[String(size.packages), mb(size.bytes), "under 180 MB"]]);
  console.log("");
  table(["largest packages (with what they nest)", "on disk"], size.largest.map((p) => [p.name, mb(p.bytes)]));
}

async function main(): Promise<void> {
  console.log(`# vstack benchmark${quick ? " (quick)" : ""}\n\nmachine: ${(await import("node:os")).cpus().length} cores, Node ${process.version}; work folder ${work}`);
  if (only === "install") return install();
  const browser = await puppeteer.launch(browserArgs);
  try {
    if (only !== "layout") await gallery(browser);
    if (only === "themes") return;
    await stackLayout(browser);
    if (only === "layout") return;
    await counts(browser);
    await sizes(browser);
  } finally {
    await browser.close();
  }
  install();
}

await main();
