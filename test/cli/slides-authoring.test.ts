import type { ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import puppeteer from "puppeteer-core";
import { afterEach, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/render/chromium.js";
import { runCli, startCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";

const SPEC = (label: string) => `id: demo
title: Demo stack
sources: [https://example.com/]
stack:
  - { layer: Hardware, kind: hardware }
  - { layer: "${label}", kind: kernel }
`;

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.kill("SIGTERM");
});

describe("slides", () => {
  it("--preset slide makes 1920x1080 transparent light and dark assets, and one-page PDFs", async () => {
    const dir = tempDir();
    const r = await runCli(["render", "vm-vs-container", "--preset", "slide"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/\(svg, png, pdf × light, dark\):/);
    const out = join(dir, "out/slides");
    for (const theme of ["light", "dark"]) {
      const png = PNG.sync.read(readFileSync(join(out, `vm-vs-container.${theme}.png`)));
      expect([png.width, png.height]).toEqual([1920, 1080]);
      expect(png.data[3]).toBe(0); // a corner is the transparent margin
      const svg = readFileSync(join(out, `vm-vs-container.${theme}.svg`), "utf8");
      expect(svg).toMatch(/<svg[^>]* width="1920"/);
      expect(svg).toMatch(/<svg[^>]* height="1080"/);
      expect(svg).toContain("background-color: transparent");
      const pdf = readFileSync(join(out, `vm-vs-container.${theme}.pdf`)).toString("latin1");
      expect(pdf.startsWith("%PDF-")).toBe(true);
      expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);
      expect(pdf).toMatch(/\/MediaBox \[\s*0 0 1440 810\s*\]/); // 1920x1080 CSS px in points
    }
    // The larger type: the same diagram's label text is drawn bigger than in the docs preset.
    const docs = await runCli(["render", "vm-vs-container", "-f", "svg", "-t", "light", "-o", "docs"], { cwd: dir });
    expect(docs.code).toBe(0);
    const fontSize = (file: string) => Number(/font-size:\s*(\d+)px/.exec(readFileSync(file, "utf8"))?.[1]);
    expect(fontSize(join(out, "vm-vs-container.light.svg"))).toBeGreaterThan(fontSize(join(dir, "docs/vm-vs-container.light.svg")));
    // PDFs carry no time stamp of their own: a second render gives the same bytes.
    const before = readFileSync(join(out, "vm-vs-container.light.pdf"));
    expect((await runCli(["render", "vm-vs-container", "--preset", "slide", "--no-cache"], { cwd: dir })).code).toBe(0);
    expect(readFileSync(join(out, "vm-vs-container.light.pdf")).equals(before)).toBe(true);
  });
});

describe("authoring", () => {
  it("init writes a spec with the schema modeline that validates; --from copies a built-in; never overwrites", async () => {
    const dir = tempDir();
    const made = await runCli(["init", "my-stack"], { cwd: dir });
    expect(made.code, made.stderr).toBe(0);
    const text = readFileSync(join(dir, "my-stack.yaml"), "utf8");
    const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
    expect(existsSync(join(dir, schema!))).toBe(true);
    expect(text).toMatch(/^id: my-stack$/m);
    expect((await runCli(["validate", "my-stack.yaml"], { cwd: dir })).code).toBe(0);
    const again = await runCli(["init", "my-stack"], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/my-stack\.yaml already exists; .*--force/);
    const copy = await runCli(["init", "ours", "--from", "xen"], { cwd: dir });
    expect(copy.code).toBe(0);
    expect(readFileSync(join(dir, "ours.yaml"), "utf8")).toMatch(/^id: ours\ntitle: Xen/m);
    expect((await runCli(["validate", "ours.yaml"], { cwd: dir })).code).toBe(0);
    const typo = await runCli(["init", "x", "--from", "xem"], { cwd: dir });
    expect(typo.stderr).toMatch(/no built-in spec "xem"; did you mean "xen"\?/);
  });

  it("watch re-renders a changed spec, reports a broken one and keeps watching", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Linux"));
    writeFileSync(join(dir, "other.yaml"), SPEC("Other").replace("id: demo", "id: other"));
    const cli = startCli(["watch", "demo.yaml", "other.yaml", "-f", "svg", "-t", "light"], dir);
    running.push(cli.child);
    await cli.waitFor(/watching for changes/);
    const svg = join(dir, "out/demo.light.svg");
    expect(readFileSync(svg, "utf8")).toContain("Linux");
    let mark = cli.output().length;
    writeFileSync(join(dir, "demo.yaml"), SPEC("Linux 6.12 LTS"));
    // Only what changed is drawn again: the other spec's picture comes from the cache.
    expect((await cli.waitFor(/vstack: updated (.*) \(2 diagrams, (\d+) drawn, 0 failed\)/, mark)).slice(1)).toEqual(["demo", "1"]);
    expect(readFileSync(svg, "utf8")).toContain("Linux 6.12 LTS");
    mark = cli.output().length;
    writeFileSync(join(dir, "demo.yaml"), SPEC("Broken").replace("kind: kernel", "kind: kernal"));
    await cli.waitFor(/demo\.yaml:6:\d+: stack\[1\]\.kind: unknown kind "kernal"/, mark);
    mark = cli.output().length;
    writeFileSync(join(dir, "demo.yaml"), SPEC("Fixed kernel"));
    await cli.waitFor(/updated demo/, mark);
    expect(readFileSync(svg, "utf8")).toContain("Fixed kernel");
    expect(cli.child.exitCode).toBe(null);
  });

  it("watch after a first build that failed watches its inputs, not the whole folder, and tries again on a change", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Linux"));
    const cli = startCli(["watch", "demo.yaml", "-f", "svg"], dir, { VSTACK_CHROMIUM: join(dir, "no-chromium") });
    running.push(cli.child);
    await cli.waitFor(/watching for changes/);
    const failures = () => cli.output().match(/Chromium not found/g)?.length ?? 0;
    expect(failures()).toBe(1);
    // A file beside the input is not a reason to build: written with the input's own change, in
    // one debounce window, the build that follows names the input alone (no fixed sleep).
    writeFileSync(join(dir, "notes.txt"), "not an input");
    writeFileSync(join(dir, "demo.yaml"), SPEC("Linux 6.12"));
    await cli.waitFor(/vstack: (.+) changed[\s\S]*Chromium not found/);
    expect(cli.output()).toMatch(/vstack: demo\.yaml changed\n/);
    expect(cli.output()).not.toMatch(/notes\.txt|2 files changed/);
    expect(failures()).toBe(2);
  });

  it("watch takes a changed config's browser: the next build uses the Chromium it names", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Linux"));
    writeFileSync(join(dir, "vstack.config.yaml"), "inputs: [demo.yaml]\nformats: [svg]\nthemes: [light]\n");
    const cli = startCli(["watch"], dir);
    running.push(cli.child);
    await cli.waitFor(/watching for changes/, 0, 60_000);
    expect(cli.output()).toMatch(/updated demo/);
    const from = cli.output().length;
    writeFileSync(join(dir, "vstack.config.yaml"), "inputs: [demo.yaml]\nformats: [svg]\nthemes: [light]\nchromium: ./no-chromium\n");
    writeFileSync(join(dir, "demo.yaml"), SPEC("Linux 6.12"));
    await cli.waitFor(/no-chromium/, from, 30_000);
  });

  it("preview serves a page that shows a label, reloads itself when the spec changes, and shows errors on the page", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("First label"));
    const cli = startCli(["preview", "demo.yaml", "--port", "0"], dir);
    running.push(cli.child);
    const url = (await cli.waitFor(/previewing at (http:\/\/127\.0\.0\.1:\d+\/)/))[1]!;
    await cli.waitFor(/preview updated/);
    const browser = await puppeteer.launch({ executablePath: ownChromium(), args: chromiumArgs(), headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(url);
      // The picture's own text (fetched as the page shows it) and its alt text carry the label.
      const shown = () =>
        page.evaluate(async () => {
          const img = document.querySelector("img");
          const svg = img ? await (await fetch(img.src)).text() : "";
          return { alt: img?.alt ?? "", svg, errors: document.querySelector(".errors")?.textContent ?? "" };
        });
      expect((await shown()).svg).toContain("First label");
      // Only the preview's own folder is served.
      const outside = await page.evaluate(async () => (await fetch("/..%2f..%2f..%2fetc%2fpasswd")).status);
      expect(outside).toBe(404);
      writeFileSync(join(dir, "demo.yaml"), SPEC("Second label"));
      await page.waitForFunction(() => document.querySelector("img")?.alt.includes("Second label"), { timeout: 20_000 });
      const now = await shown();
      expect(now.svg).toContain("Second label");
      expect(now.svg).not.toContain("First label");
      writeFileSync(join(dir, "demo.yaml"), SPEC("Third").replace("kind: kernel", "kind: kernal"));
      await page.waitForFunction(() => Boolean(document.querySelector(".errors")), { timeout: 20_000 });
      expect((await shown()).errors).toMatch(/demo\.yaml:6:\d+: stack\[1\]\.kind: unknown kind "kernal"; did you mean "kernel"\?/);
    } finally {
      await browser.close();
    }
  });
});
