import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_BOUNDS, cacheKey } from "../../src/output/cache.js";
import { runCli } from "../support/cli.js";
import { ROOT, tempDir } from "../support/paths.js";
// The package's own entry point, as a docs site imports it (dist/).
import { PagePictures } from "vstack/remark";
import { OWN_BROWSER_ENV, ownChromium } from "../support/shared-browser.js";

const SPEC = (label: string) => `id: demo\ntitle: Demo\nsources: [https://example.com/]\nstack:\n  - { layer: Hardware, kind: hardware }\n  - { layer: "${label}", kind: os }\n`;
const HOUR = 60 * 60 * 1000;

/** Every entry file of a cache folder (`<2 hex>/<64 hex>`), with its size. */
function entries(cacheDir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const sub of readdirSync(cacheDir).filter((d) => /^[0-9a-f]{2}$/.test(d)))
    for (const name of readdirSync(join(cacheDir, sub))) found.set(name, statSync(join(cacheDir, sub, name)).size);
  return found;
}

/** An entry of an earlier run in a cache folder: `size` bytes (a sparse file: no disk needed), last used `ago` ms ago. Returns its key. */
function fakeEntry(cacheDir: string, name: string, size: number, ago: number): string {
  const key = cacheKey([name]);
  const file = join(cacheDir, key.slice(0, 2), key);
  mkdirSync(join(file, ".."), { recursive: true });
  writeFileSync(file, "");
  truncateSync(file, size);
  utimesSync(file, new Date(Date.now() - ago), new Date(Date.now() - ago));
  return key;
}

describe("the cache is bounded", () => {
  it("a run that renders prunes the cache to its size, least recently used first, and drops entries unused for a month", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Kernel"));
    const cacheDir = join(dir, ".vstack-cache");
    // Entries of earlier runs: three of 100 MB (sparse files: no disk needed), used one, two and
    // three hours ago, and a small one unused for 40 days; and the preview's own folder.
    const fake = (name: string, size: number, ago: number) => fakeEntry(cacheDir, name, size, ago);
    const [newer, older, oldest] = [1, 2, 3].map((h) => fake(`big-${h}`, 100 * 1024 * 1024, h * HOUR)) as [string, string, string];
    const unused = fake("unused", 1024, 40 * 24 * HOUR);
    mkdirSync(join(cacheDir, "preview"));
    writeFileSync(join(cacheDir, "preview", "demo.light.svg"), "<svg/>");
    const before = new Set(entries(cacheDir).keys());

    const r = await runCli(["render", "demo.yaml", "-f", "svg", "--theme", "light"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const after = entries(cacheDir);
    const made = [...after.keys()].filter((k) => !before.has(k));
    expect(made.length).toBeGreaterThan(0);
    expect([newer, older, oldest, unused].map((k) => after.has(k))).toEqual([true, true, false, false]);
    expect([...after.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(CACHE_BOUNDS.bytes);
    expect(existsSync(join(cacheDir, "preview", "demo.light.svg"))).toBe(true);
  });

  it("a site plugin prunes the cache it added to when it closes", async () => {
    const dir = tempDir();
    const cacheDir = join(dir, ".vstack-cache");
    const unused = fakeEntry(cacheDir, "unused", 1024, 40 * 24 * HOUR);
    const pictures = new PagePictures({ cwd: dir });
    try {
      const { errors, pictures: drawn } = await pictures.page(join(dir, "page.md"), "# Xen\n\n```vstack\nuse: xen\n```\n");
      expect(errors).toEqual([]);
      expect(drawn).toHaveLength(1);
    } finally {
      await pictures.close();
    }
    expect(entries(cacheDir).has(unused)).toBe(false);
    expect(entries(cacheDir).size).toBeGreaterThan(0);
  });
});

describe("the cache key holds everything that changes a picture", () => {
  /** A project of one spec, and `vstack render` of it as SVG; says how many pictures it drew. */
  const project = () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Kernel"));
    return dir;
  };
  const render = async (dir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}, command?: string[]) => {
    const r = await runCli(["render", "demo.yaml", "-f", "svg", "--theme", "light", ...extra], { cwd: dir, env, ...(command && { command: [...command, "render", "demo.yaml", "-f", "svg", "--theme", "light", ...extra] }) });
    expect(r.code, r.stderr).toBe(0);
    return Number(/(\d+) drawn/.exec(r.stdout)?.[1]);
  };

  it("another browser version redraws; the same version at another path does not, and a rebuild with nothing changed starts no browser", async () => {
    const dir = project();
    const launches = join(dir, "launches.log");
    writeFileSync(launches, "");
    // Wrappers of the real browser that say another version: as an upgrade, or --chromium naming another browser, would.
    const wrapper = (name: string, version: string) => {
      const file = join(dir, name);
      writeFileSync(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${version}"; exit 0; fi\necho "${name}" >> "${launches}"\nexec "${ownChromium()}" "$@"\n`, { mode: 0o755 });
      return file;
    };
    const [a, b, sameAsA] = [wrapper("a.sh", "Chromium 1.0 (test a)"), wrapper("b.sh", "Chromium 2.0 (test b)"), wrapper("a2.sh", "Chromium 1.0 (test a)")];
    const launched = () => readFileSync(launches, "utf8").split("\n").filter(Boolean).length;
    expect(await render(dir, ["--chromium", a], OWN_BROWSER_ENV)).toBe(1);
    expect(await render(dir, ["--chromium", b], OWN_BROWSER_ENV)).toBe(1);
    expect(launched()).toBe(2);
    expect(await render(dir, ["--chromium", sameAsA], OWN_BROWSER_ENV)).toBe(0);
    const before = launched();
    expect(await render(dir, ["--chromium", sameAsA], OWN_BROWSER_ENV)).toBe(0);
    expect(launched()).toBe(before);
  });

  it("other font files, or a font file changed, redraw", async () => {
    const dir = project();
    expect(await render(dir)).toBe(1);
    // A fontconfig of its own whose Noto Sans is a copy in the project.
    const fonts = join(dir, "fonts");
    mkdirSync(fonts);
    for (const style of ["regular", "bold"]) {
      const file = execFileSync("fc-match", ["-f", "%{file}", `Noto Sans:${style}`], { encoding: "utf8" });
      copyFileSync(file, join(fonts, basename(file)));
    }
    const conf = join(dir, "fonts.conf");
    writeFileSync(conf, `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${fonts}</dir><cachedir>${join(dir, "fc-cache")}</cachedir></fontconfig>\n`);
    const env = { FONTCONFIG_FILE: conf };
    expect(await render(dir, [], env)).toBe(1);
    expect(await render(dir, [], env)).toBe(0);
    const regular = join(fonts, readdirSync(fonts).find((f) => /Regular/.test(f))!);
    const later = new Date(Date.now() + 60_000);
    utimesSync(regular, later, later);
    expect(await render(dir, [], env)).toBe(1);
  });

  it("other picture code (another build of vstack) redraws", async () => {
    // A copy of the built package, so that its build's fingerprint can be changed.
    const pkg = tempDir();
    for (const part of ["bin", "dist", "templates", "specs", "schema", "package.json"]) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"));
    const command = [process.execPath, join(pkg, "bin", "vstack.js")];
    const dir = project();
    expect(await render(dir, [], {}, command)).toBe(1);
    expect(await render(dir, [], {}, command)).toBe(0);
    const fingerprint = join(pkg, "dist", "picture-code.json");
    const built = existsSync(fingerprint) ? JSON.parse(readFileSync(fingerprint, "utf8")) : { packages: [] };
    writeFileSync(fingerprint, JSON.stringify({ ...built, hash: "0".repeat(64) }));
    expect(await render(dir, [], {}, command)).toBe(1);
  });
});
