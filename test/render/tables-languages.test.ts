import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";
import { visibleText } from "../support/svg.js";

/** Share of a PNG's pixels that are ink (darker than mid-grey and opaque). */
function inkShare(png: PNG): number {
  let ink = 0;
  for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]! > 128 && png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 3 * 110) ink++;
  return ink / (png.width * png.height);
}

describe("drawn tables and other languages (real CLI, real Chromium)", () => {
  it("vstack table draws the sourced table: SVG to stdout that librsvg draws, a 16:9 slide PNG, errors for binary output with nowhere to go", async () => {
    const dir = tempDir();
    const svg = await runCli(["table", "vm-vs-container", "-f", "svg"], { cwd: dir });
    expect(svg.stderr).toBe("");
    expect(svg.code).toBe(0);
    const text = visibleText(svg.stdout);
    for (const words of ["Virtual machines vs containers", "Isolation boundary", "Containers on Linux", "https://doi.org/10.1109/ISPASS.2015.7095802", "† illustrative"]) expect(text).toContain(words);
    // Fonts embedded, so it reads the same in any browser; librsvg draws it as laid out.
    expect(svg.stdout).toContain("@font-face");
    const drawn = PNG.sync.read(execFileSync("rsvg-convert", ["-f", "png"], { input: svg.stdout }));
    expect(drawn.width).toBe(880);
    expect(inkShare(drawn)).toBeGreaterThan(0.03);

    const slide = await runCli(["table", "isolation-spectrum-table", "-o", join(dir, "slide.png"), "--preset", "slide", "-t", "dark"], { cwd: dir });
    expect(slide.code, slide.stderr).toBe(0);
    const png = PNG.sync.read(readFileSync(join(dir, "slide.png")));
    expect([png.width, png.height]).toEqual([1920, 1080]);
    // The table fills the slide: opaque pixels (cells, rules, text) reach past 80% of its height.
    let bottom = 0;
    for (let y = 0; y < png.height; y++) for (let x = 0; x < png.width; x += 4) if (png.data[(y * png.width + x) * 4 + 3]! > 0) bottom = y;
    expect(bottom / png.height).toBeGreaterThan(0.8);

    const binary = await runCli(["table", "vm-vs-container", "-f", "png"], { cwd: dir });
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain("-o table.png");
  });

  it("--lang zh and de draw every label from the catalogs, Chinese in a CJK face embedded in the SVG; file names carry the language", async () => {
    const dir = tempDir();
    const run = await runCli(["render", "docker-engine-linux", "vm-vs-container-table", "--lang", "zh,de", "-f", "svg,png,pptx", "-t", "light", "-o", dir, "--no-cache"], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("missing-translation");
    const zh = readFileSync(join(dir, "docker-engine-linux.zh.light.svg"), "utf8");
    const words = visibleText(zh);
    for (const label of ["硬件", "Linux 内核", "容器", "由 runc 创建，", "containerd", "调用 / 控制"]) expect(words).toContain(label);
    for (const english of ["Hardware", "Bins / Libs", "calls / controls"]) expect(words).not.toContain(english);
    // Two subsets at least: Noto Sans for the Latin names and a CJK face for the Chinese.
    expect(zh.match(/@font-face/g)!.length).toBeGreaterThanOrEqual(2);
    expect(visibleText(readFileSync(join(dir, "vm-vs-container-table.de.light.svg"), "utf8"))).toContain("Virtuelle Maschinen und Container");
    // A deck per language, each with its two slides; the slides' SVGs carry the Chinese as outlines.
    expect(readdirSync(dir).filter((f) => f.endsWith(".pptx")).sort()).toEqual(["deck.de.light.pptx", "deck.zh.light.pptx"]);
    const deck = await JSZip.loadAsync(readFileSync(join(dir, "deck.zh.light.pptx")));
    expect(Object.keys(deck.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f))).toHaveLength(2);
    const slideSvgs = await Promise.all(Object.keys(deck.files).filter((f) => /^ppt\/media\/.*\.svg$/.test(f)).map((f) => deck.file(f)!.async("string")));
    expect(slideSvgs.some((svg) => svg.includes("硬件") && /<path /.test(svg))).toBe(true);
    // librsvg draws the Chinese picture with as much ink as Chromium's PNG of it (no tofu, no blanks).
    const chromium = PNG.sync.read(readFileSync(join(dir, "docker-engine-linux.zh.light.png")));
    const rsvg = PNG.sync.read(execFileSync("rsvg-convert", ["-w", String(chromium.width), "-f", "png"], { input: zh }));
    expect(inkShare(rsvg)).toBeGreaterThan(inkShare(chromium) * 0.8);
    expect(inkShare(rsvg)).toBeLessThan(inkShare(chromium) * 1.25);
  });

  it("vstack validate --lang checks a user's own catalog: untranslated strings at their line:col, entries whose English is gone at theirs; exit 1", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.yaml"), "id: s\ntitle: My stack\nsources: [https://example.com/]\nstack:\n  - { layer: Hardware, kind: hardware }\n  - { layer: Guest, kind: os }\n");
    mkdirSync(join(dir, "i18n"));
    writeFileSync(join(dir, "i18n", "de.po"), 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgctxt "s"\nmsgid "My stack"\nmsgstr "Mein Stapel"\n\nmsgctxt "s"\nmsgid "Hardware"\nmsgstr "Hardware"\n\nmsgctxt "s"\nmsgid "Old label"\nmsgstr "Alt"\n');
    const checked = await runCli(["validate", "s.yaml", "--lang", "de"], { cwd: dir });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain("s.yaml:6:14: stack.1.layer: i18n/de.po has no Deutsch translation of this");
    expect(checked.stderr).toContain('i18n/de.po:13:1: msgctxt "s": "Old label" is no longer in the spec');
    // Rendering draws the untranslated string in English and only warns.
    const drawn = await runCli(["render", "s.yaml", "--lang", "de", "-f", "mmd", "-o", join(dir, "out")], { cwd: dir });
    expect(drawn.code).toBe(0);
    expect(drawn.stderr).toContain("warning");
    expect(readFileSync(join(dir, "out", "s.de.light.mmd"), "utf8")).toContain("Guest");
    // Without --lang, validate checks the spec alone.
    expect((await runCli(["validate", "s.yaml"], { cwd: dir })).code).toBe(0);
  });
});
