import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import JSZip from "jszip";
import { PNG } from "pngjs";
import puppeteer from "puppeteer-core";
import { beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/render/chromium.js";
import { decorationsOf } from "../../src/layout/decorations.js";
import { buildModel } from "../../src/layout/diagram.js";
import { placeModel } from "../../src/layout/scene.js";
import { UNDER_TITLE } from "../../src/output/deck.js";
import { fitShapes } from "../../src/output/deck-shapes.js";
import { PRESETS } from "../../src/presets.js";
import { layoutOf } from "../../src/run/options.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";
import { parseSvg } from "../support/svg.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * The issue's own command: `render vm-vs-container --preset slide --steps --format png,pptx`.
 * Frames that build the stack row by row on one canvas, and a deck that LibreOffice Impress
 * opens with one slide per step, each with its title and its picture.
 */
const dir = tempDir();
const out = join(dir, "out");
const STEPS = 6; // hardware, hypervisor | kernel, VMs | engine, guest OS | containers, bins/libs, apps
let run: { code: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  run = await runCli(["render", "vm-vs-container", "--preset", "slide", "--steps", "--format", "png,pptx", "-o", out, "--cache-dir", join(dir, "cache")]);
});

const png = (file: string) => PNG.sync.read(readFileSync(join(out, file)));
/** How much of a picture is drawn: pixels neither transparent nor the background white. */
function inked(p: PNG, box = { x: 0, y: 0, w: p.width, h: p.height }): number {
  let n = 0;
  for (let y = box.y; y < box.y + box.h; y++) {
    for (let x = box.x; x < box.x + box.w; x++) {
      const i = (y * p.width + x) * 4;
      if (p.data[i + 3]! > 128 && p.data[i]! + p.data[i + 1]! + p.data[i + 2]! < 750) n++;
    }
  }
  return n / (box.w * box.h);
}

/** How many pixels differ between two pictures of one size. */
function differing(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (a.data.readUInt32BE(i) !== b.data.readUInt32BE(i)) n++;
  return n;
}

/** The tallest run of blank rows between the first and last drawn row, in pixels. */
function largestGap(p: PNG): number {
  const drawn = Array.from({ length: p.height }, (_, y) => inked(p, { x: 0, y, w: p.width, h: 1 }) > 0);
  const [first, last] = [drawn.indexOf(true), drawn.lastIndexOf(true)];
  let best = 0;
  for (let y = first, run = 0; y <= last; y++) best = Math.max(best, (run = drawn[y] ? 0 : run + 1));
  return best;
}

describe("build steps", () => {
  it("writes one frame per row in each theme, every frame the same canvas, listed in order", () => {
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out);
    for (const theme of ["light", "dark"]) {
      const frames = files.filter((f) => f.startsWith("vm-vs-container.step-") && f.endsWith(`.${theme}.png`)).sort();
      expect(frames).toEqual(Array.from({ length: STEPS }, (_, i) => `vm-vs-container.step-0${i + 1}.${theme}.png`));
      for (const f of frames) expect([png(f).width, png(f).height]).toEqual([1920, 1080]);
    }
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as { diagrams: Array<{ outputs: Array<{ file: string }> }> };
    const listed = manifest.diagrams[0]!.outputs.map((o) => o.file).filter((f) => f.includes(".step-") && f.endsWith(".light.png"));
    expect(listed).toEqual([...listed].sort());
    expect(listed).toHaveLength(STEPS);
  });

  it("builds bottom → top: each frame adds to the last, nothing moves, and the last is the whole picture", () => {
    const frames = Array.from({ length: STEPS }, (_, i) => png(`vm-vs-container.step-0${i + 1}.light.png`));
    const whole = png("vm-vs-container.light.png");
    const amounts = frames.map((f) => inked(f));
    for (let i = 1; i < STEPS; i++) expect(amounts[i]!, `frame ${i + 1}`).toBeGreaterThan(amounts[i - 1]!);
    expect(Buffer.compare(frames.at(-1)!.data, whole.data)).toBe(0);
    // Nothing moves: every pixel drawn in a frame is the same in the next (a box only appears).
    for (let i = 0; i < STEPS - 1; i++) {
      const [a, b] = [frames[i]!.data, frames[i + 1]!.data];
      let moved = 0;
      for (let p = 0; p < a.length; p += 4) if (a[p + 3]! > 0 && a.readUInt32BE(p) !== b.readUInt32BE(p)) moved++;
      expect(moved, `frame ${i + 1} → ${i + 2}`).toBe(0);
    }
    // The first frame draws the bottom row (with the captions and legend, shown throughout):
    // between the stack titles and the hardware lies the empty height of the rows to come.
    expect(largestGap(frames[0]!)).toBeGreaterThan(300);
    expect(largestGap(whole)).toBeLessThan(120);
  });
});

describe("PowerPoint deck", () => {
  it("opens in LibreOffice Impress with one slide per step, each filled with its frame's picture", () => {
    expect(readdirSync(out).filter((f) => f.endsWith(".pptx")).sort()).toEqual(["deck.dark.pptx", "deck.light.pptx"]);
    const pdfDir = join(dir, "pdf");
    mkdirSync(pdfDir);
    execFileSync("libreoffice", ["--headless", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "pdf", "--outdir", pdfDir, join(out, "deck.light.pptx")], { stdio: "pipe", timeout: 120_000 });
    const pdf = join(pdfDir, "deck.light.pdf");
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(new RegExp(`Pages:\\s+${STEPS}\\n`));
    execFileSync("pdftoppm", ["-r", "96", "-png", pdf, join(pdfDir, "page")]);
    const pages = readdirSync(pdfDir).filter((f) => f.startsWith("page-")).sort();
    expect(pages).toHaveLength(STEPS);
    for (let k = 1; k <= STEPS; k++) {
      // The title shows once, in the picture: the slide's own title is off the slide.
      expect(execFileSync("pdftotext", ["-f", String(k), "-l", String(k), pdf, "-"], { encoding: "utf8" })).not.toContain("Virtual machines vs containers");
      // The picture fills the slide (it is a 16:9 slide canvas with its own margin), compared
      // with vstack's own PNG of that step: as much of it drawn, within what scaling to 96 dpi takes away.
      const drawn = inked(PNG.sync.read(readFileSync(join(pdfDir, pages[k - 1]!))));
      const own = inked(png(`vm-vs-container.step-0${k}.light.png`));
      expect(drawn, `slide ${k}: the picture is drawn`).toBeGreaterThan(0.02);
      expect(drawn / own, `slide ${k}: ${drawn.toFixed(3)} inked vs ${own.toFixed(3)} in vstack's PNG`).toBeGreaterThan(0.7);
      expect(drawn / own, `slide ${k}`).toBeLessThan(1.4);
    }
  });

  it("shows each title once: a captioned picture fills the slide and the slide's title (for the outline and screen readers) sits off it; an uncaptioned one sits under its title", async () => {
    const captioned = await readDeck(join(out, "deck.light.pptx"));
    expect(captioned.map((s) => s.title)).toEqual(Array.from({ length: STEPS }, (_, i) => `Virtual machines vs containers (${i + 1}/${STEPS})`));
    for (const s of captioned) {
      expect(s.titleShown, s.title).toBe(false);
      expect(s.pictureCaption, s.title).toBe("Virtual machines vs containers");
      expect(s.picture).toEqual(s.slide);
    }
    // The same slide canvas without its caption: the slide shows the title, above the picture.
    const plain = join(dir, "plain");
    const r = await runCli(["render", "xen", "--preset", "slide", "--no-caption", "-f", "pptx", "-t", "light", "-o", plain, "--cache-dir", join(dir, "cache")]);
    expect(r.code, r.stderr).toBe(0);
    const [slide] = await readDeck(join(plain, "deck.light.pptx"));
    expect(slide!.title).toBe("Xen Project hypervisor");
    expect(slide!.titleShown).toBe(true);
    expect(slide!.pictureCaption).toBeUndefined();
    expect(slide!.picture!.y).toBeGreaterThanOrEqual(slide!.titleBottom);
  });

  it("carries the vector picture with text as outlines, and the notes and sources for the speaker", () => {
    const listing = execFileSync("unzip", ["-l", join(out, "deck.light.pptx")], { encoding: "utf8" });
    expect(listing.match(/ppt\/media\/\S+\.svg/g)).toHaveLength(STEPS);
    expect(listing.match(/ppt\/media\/\S+\.png/g)).toHaveLength(STEPS);
    const svg = execFileSync("unzip", ["-p", join(out, "deck.light.pptx"), listing.match(/ppt\/media\/\S+\.svg/)![0]], { encoding: "utf8" });
    expect(svg).not.toMatch(/@font-face/); // outlined: no font needed on the presenter's machine
    const notes = execFileSync("unzip", ["-p", join(out, "deck.light.pptx"), "ppt/notesSlides/notesSlide1.xml"], { encoding: "utf8" });
    expect(notes).toContain("Sources:");
    // The picture's alt text is the diagram read out, as the SVG's description, not just its title.
    const slide = execFileSync("unzip", ["-p", join(out, "deck.light.pptx"), "ppt/slides/slide1.xml"], { encoding: "utf8" });
    expect(slide).toMatch(/<p:cNvPr [^>]*descr="[^"]*Type 1 \(bare-metal\) hypervisor, bottom to top: Hardware/);
  });

  it("is the same file when made again (render --check can compare it)", async () => {
    const before = readFileSync(join(out, "deck.light.pptx"));
    // The pictures come from the cache: what is made again is the deck itself, the part that could carry a date.
    const again = await runCli(["render", "vm-vs-container", "--preset", "slide", "--steps", "--format", "png,pptx", "-o", out, "--cache-dir", join(dir, "cache")]);
    expect(again.code, again.stderr).toBe(0);
    expect(Buffer.compare(readFileSync(join(out, "deck.light.pptx")), before)).toBe(0);
  });
});

describe("PowerPoint deck of shapes (--deck shapes)", () => {
  it("draws each step as shapes to edit, laid out as the picture: in LibreOffice Impress every box's words sit in its box, and the file holds no picture", async () => {
    const shapesOut = join(dir, "shapes");
    const r = await runCli(["render", "vm-vs-container", "--preset", "slide", "--steps", "-f", "pptx", "--deck", "shapes", "-t", "light", "-o", shapesOut, "--cache-dir", join(dir, "cache")]);
    expect(r.code, r.stderr).toBe(0);
    const file = join(shapesOut, "deck.light.pptx");
    expect(execFileSync("unzip", ["-l", file], { encoding: "utf8" })).not.toMatch(/ppt\/media\//);
    // The scene the run drew, and where the deck put it.
    const { spec } = await loadSpec(builtinFiles().find((f) => f.endsWith("/vm-vs-container.yaml"))!);
    const layout = layoutOf(PRESETS.slide);
    const scene = placeModel(buildModel(spec!, "light", layout), layout);
    const legend = decorationsOf(spec!, "light", { legend: "bottom", caption: false, arrows: false }).legend!.entries;
    const { k, x0, y0 } = fitShapes({ scene, legend }, UNDER_TITLE);
    // Each arrow is one line shape with its head; each box a shape holding its words.
    const last = execFileSync("unzip", ["-p", file, `ppt/slides/slide${STEPS}.xml`], { encoding: "utf8" });
    expect(last.match(/<a:custGeom>/g)).toHaveLength(scene.arrows.length);
    expect(last.match(/<a:tailEnd type="triangle"/g)!.length).toBeGreaterThanOrEqual(scene.arrows.length);

    const pdfDir = join(dir, "shapes-pdf");
    mkdirSync(pdfDir);
    execFileSync("libreoffice", ["--headless", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "pdf", "--outdir", pdfDir, file], { stdio: "pipe", timeout: 120_000 });
    const pdf = join(pdfDir, "deck.light.pdf");
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(new RegExp(`Pages:\\s+${STEPS}\\n`));
    /** The words LibreOffice drew on a page, in points from the top-left (72 per inch). */
    const words = (page: number) => {
      const html = execFileSync("pdftotext", ["-bbox", "-f", String(page), "-l", String(page), pdf, "-"], { encoding: "utf8" });
      return Array.from(new DOMParser().parseFromString(html, "text/xml").getElementsByTagName("word")).map((w) => {
        const at = (name: string) => Number(w.getAttribute(name));
        return { text: w.textContent ?? "", x: (at("xMin") + at("xMax")) / 2, y: (at("yMin") + at("yMax")) / 2 };
      });
    };
    const drawn = words(STEPS);
    for (const box of scene.boxes) {
      const word = box.label[0]!.split(" ")[0]!;
      const r = { x: (x0 + box.rect.x * k) * 72, y: (y0 + box.rect.y * k) * 72, w: box.rect.width * k * 72, h: box.rect.height * k * 72 };
      const found = drawn.some((w) => w.text === word && w.x >= r.x - 1 && w.x <= r.x + r.w + 1 && w.y >= r.y - 1 && w.y <= r.y + r.h + 1);
      expect(found, `"${word}" of ${box.id} in its box at ${JSON.stringify(r)}`).toBe(true);
    }
    // The first step has the bottom row only; its legend is the whole one (shown throughout).
    const first = words(1).map((w) => w.text);
    expect(first.filter((w) => w === "Hardware")).toHaveLength(2);
    expect(first).not.toContain("App");
    expect(first).toContain("hypervisor"); // the legend's words

    // A title too long for one line at the master's 26 pt is set smaller, on two lines, above the diagram.
    const long = join(dir, "shapes-long");
    const again = await runCli(["render", "container-networking", "--preset", "slide", "-f", "pptx", "--deck", "shapes", "-t", "light", "-o", long, "--cache-dir", join(dir, "cache")]);
    expect(again.code, again.stderr).toBe(0);
    const [slide] = await readDeck(join(long, "deck.light.pptx"));
    expect(slide!.titleSize).toBeLessThanOrEqual(20);
    // Its short two-way arrows (veth ↔ bridge ↔ routing) get small heads, so the two do not meet;
    // its long ones keep PowerPoint's medium heads.
    const lines = Array.from(new DOMParser().parseFromString(execFileSync("unzip", ["-p", join(long, "deck.light.pptx"), "ppt/slides/slide1.xml"], { encoding: "utf8" }), "text/xml").getElementsByTagName("a:ln")).filter((ln) => ln.getElementsByTagName("a:headEnd").length > 0);
    const length = (ln: XmlElement) => {
      const pts = Array.from((ln.parentNode as XmlElement).getElementsByTagName("a:pt")).map((pt) => [Number(pt.getAttribute("x")), Number(pt.getAttribute("y"))]);
      return pts.slice(1).reduce((sum, [x, y], i) => sum + Math.hypot(x! - pts[i]![0]!, y! - pts[i]![1]!), 0);
    };
    const small = (ln: XmlElement) => ln.getElementsByTagName("a:headEnd")[0]!.getAttribute("w") === "sm";
    const short = lines.filter((ln) => length(ln) < 12 * Number(ln.getAttribute("w")));
    expect(short.length).toBeGreaterThanOrEqual(4);
    expect(short.every(small)).toBe(true);
    expect(lines.filter((ln) => !short.includes(ln)).some(small)).toBe(false);
    expect(slide!.titleBottom).toBeLessThanOrEqual(Math.min(...slide!.shapes.map((b) => b.y)));
  });

  it("sets Chinese in Noto Sans CJK, and follows a change of --deck in the same folder", async () => {
    const zh = join(dir, "shapes-zh");
    const r = await runCli(["render", "vm-vs-container", "--lang", "zh", "--preset", "slide", "-f", "pptx", "--deck", "shapes", "-t", "light", "-o", zh, "--cache-dir", join(dir, "cache")]);
    expect(r.code, r.stderr).toBe(0);
    const deck = join(zh, "deck.zh.light.pptx");
    const xml = execFileSync("unzip", ["-p", deck, "ppt/slides/slide1.xml"], { encoding: "utf8" });
    expect(xml).toContain('lang="zh-CN"');
    expect(xml).not.toContain('typeface="Noto Sans"');
    const pdfDir = join(dir, "shapes-zh-pdf");
    execFileSync("libreoffice", ["--headless", `-env:UserInstallation=file://${join(dir, "lo-profile")}`, "--convert-to", "pdf", "--outdir", pdfDir, deck], { stdio: "pipe", timeout: 120_000 });
    // Impress drew the text in the CJK face the deck names, not a fallback of its own.
    const fonts = execFileSync("pdffonts", [join(pdfDir, "deck.zh.light.pdf")], { encoding: "utf8" });
    expect(fonts).toMatch(/NotoSansCJK/);
    // The same folder, the same cache: a picture deck now, then shapes again.
    const again = (style: string) => runCli(["render", "vm-vs-container", "--lang", "zh", "--preset", "slide", "-f", "pptx", "--deck", style, "-t", "light", "-o", zh, "--cache-dir", join(dir, "cache")]);
    const media = () => execFileSync("unzip", ["-l", deck], { encoding: "utf8" }).includes("ppt/media/");
    expect((await again("picture")).code).toBe(0);
    expect(media()).toBe(true);
    expect((await again("shapes")).code).toBe(0);
    expect(media()).toBe(false);
  });
});

describe("animated build (--steps animate)", () => {
  it("plays the build once in a browser, and shows the whole picture at once to a reader who asks for less motion", async () => {
    const anim = join(dir, "anim");
    const r = await runCli(["render", "docker-engine-linux", "-f", "svg", "-t", "light", "--steps", "animate", "-o", anim, "--cache-dir", join(dir, "cache")]);
    expect(r.code, r.stderr).toBe(0);
    const animated = readFileSync(join(anim, "docker-engine-linux.animated.light.svg"), "utf8");
    const still = readFileSync(join(anim, "docker-engine-linux.light.svg"), "utf8");
    const browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
    try {
      /** The SVG drawn with its animations held at `time` (ms; "end": finished), in the given motion preference. */
      const shot = async (svg: string, motion: "reduce" | "no-preference", time: number | "end") => {
        const page = await browser.newPage();
        await page.emulateMediaFeatures([{ name: "prefers-reduced-motion", value: motion }]);
        await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
        const count = await page.evaluate((t) => {
          const all = document.getAnimations();
          for (const a of all) {
            a.pause();
            if (t === "end") a.finish();
            else a.currentTime = t;
          }
          return all.length;
        }, time);
        const png = PNG.sync.read(Buffer.from(await (await page.$("svg"))!.screenshot({ type: "png" })));
        await page.close();
        return { png, count };
      };
      const final = (await shot(still, "no-preference", 0)).png;
      const start = await shot(animated, "no-preference", 0);
      const end = await shot(animated, "no-preference", "end");
      const calm = await shot(animated, "reduce", 0);
      expect(start.count).toBeGreaterThan(5);
      expect(inked(start.png)).toBeLessThan(inked(final) * 0.8); // the upper rows are not there yet
      expect(differing(calm.png, final)).toBe(0);
      expect(calm.count).toBe(0);
      // Finished: every box and arrow fully there. (Not pixel for pixel: Chromium rasterises an
      // element it animated on a layer of its own, and the edges of its text round differently.)
      expect(Math.abs(inked(end.png) / inked(final) - 1)).toBeLessThan(0.01);
      expect(differing(end.png, final)).toBeLessThan(final.width * final.height * 0.03);
    } finally {
      await browser.close();
    }
  });
});

/**
 * What each slide of a deck shows, read from its XML: the text of its title placeholder, its size
 * and whether it lies on the slide, where its picture is and the caption drawn in the picture, or
 * (a slide of shapes, no picture) where its other shapes are.
 */
async function readDeck(file: string) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = async (name: string) => new DOMParser().parseFromString(await zip.file(name)!.async("string"), "text/xml");
  const size = (await xml("ppt/presentation.xml")).getElementsByTagName("p:sldSz")[0]!;
  const slide = { x: 0, y: 0, w: Number(size.getAttribute("cx")), h: Number(size.getAttribute("cy")) };
  const boxOf = (shape: XmlElement) => {
    const xfrm = shape.getElementsByTagName("a:xfrm")[0]!;
    const [off, ext] = [xfrm.getElementsByTagName("a:off")[0]!, xfrm.getElementsByTagName("a:ext")[0]!];
    return { x: Number(off.getAttribute("x")), y: Number(off.getAttribute("y")), w: Number(ext.getAttribute("cx")), h: Number(ext.getAttribute("cy")) };
  };
  const names = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return Promise.all(
    names.map(async (name) => {
      const doc = await xml(name);
      const title = Array.from(doc.getElementsByTagName("p:sp")).find((sp) => sp.getElementsByTagName("p:ph")[0]?.getAttribute("type") === "title")!;
      const at = boxOf(title);
      const run = title.getElementsByTagName("a:rPr")[0];
      const about = { title: title.getElementsByTagName("a:t")[0]!.textContent ?? "", titleSize: Number(run?.getAttribute("sz") ?? 0) / 100, titleBottom: at.y + at.h };
      const shapes = Array.from(doc.getElementsByTagName("p:sp")).filter((sp) => sp !== title).map(boxOf);
      const pic = doc.getElementsByTagName("p:pic")[0];
      if (!pic) return { ...about, shapes, titleShown: true, picture: undefined, slide, pictureCaption: undefined };
      const rels = await xml(name.replace("slides/", "slides/_rels/").replace(/\.xml$/, ".xml.rels"));
      const svgId = pic.getElementsByTagName("asvg:svgBlip")[0]!.getAttribute("r:embed");
      const target = Array.from(rels.getElementsByTagName("Relationship")).find((r) => r.getAttribute("Id") === svgId)!.getAttribute("Target")!;
      const svg = parseSvg(await zip.file(`ppt/${target.replace(/^\.\.\//, "")}`)!.async("string"));
      const caption = Array.from(svg.getElementsByTagName("g")).find((g) => g.getAttribute("class") === "vstack-caption");
      return {
        ...about,
        shapes,
        titleShown: at.y < slide.h && at.y + at.h > 0 && at.x < slide.w && at.x + at.w > 0,
        picture: boxOf(pic),
        slide,
        // The first line of the caption is the title (the words stay, invisible, over their outlines).
        pictureCaption: caption ? caption.getElementsByTagName("text")[0]?.textContent : undefined,
      };
    }),
  );
}
