import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CACHE_BOUNDS, cacheKey } from "../../src/output/cache.js";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";

const SPEC = (label: string) => `id: demo\ntitle: Demo\nsources: [https://example.com/]\nstack:\n  - { layer: Hardware, kind: hardware }\n  - { layer: "${label}", kind: os }\n`;
const HOUR = 60 * 60 * 1000;

/** Every entry file of a cache folder (`<2 hex>/<64 hex>`), with its size. */
function entries(cacheDir: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const sub of readdirSync(cacheDir).filter((d) => /^[0-9a-f]{2}$/.test(d)))
    for (const name of readdirSync(join(cacheDir, sub))) found.set(name, statSync(join(cacheDir, sub, name)).size);
  return found;
}

describe("the cache is bounded", () => {
  it("a run that renders prunes the cache to its size, least recently used first, and drops entries unused for a month", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Kernel"));
    const cacheDir = join(dir, ".vstack-cache");
    // Entries of earlier runs: three of 100 MB (sparse files: no disk needed), used one, two and
    // three hours ago, and a small one unused for 40 days; and the preview's own folder.
    const fake = (name: string, size: number, ago: number) => {
      const key = cacheKey([name]);
      const file = join(cacheDir, key.slice(0, 2), key);
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, "");
      truncateSync(file, size);
      utimesSync(file, new Date(Date.now() - ago), new Date(Date.now() - ago));
      return key;
    };
    const [newer, older, oldest] = [1, 2, 3].map((h) => fake(`big-${h}`, 100 * 1024 * 1024, h * HOUR));
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
});
