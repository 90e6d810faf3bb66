import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cacheKey, OutputCache } from "../../src/output/cache.js";
import { tempDir } from "../support/paths.js";

const KB = Buffer.alloc(1024, 7);
const DAY = 24 * 60 * 60 * 1000;
const key = (name: string) => cacheKey([name]);
const fileOf = (dir: string, name: string) => join(dir, key(name).slice(0, 2), key(name));
const usedAgo = (dir: string, name: string, ms: number) => utimesSync(fileOf(dir, name), new Date(Date.now() - ms), new Date(Date.now() - ms));
const kept = (dir: string, names: string[]) => names.filter((n) => existsSync(fileOf(dir, n)));

describe("the output cache stays within its bounds", () => {
  it("evicts the least recently used entries, a hit counting as a use, until it is within its size", async () => {
    const dir = tempDir();
    const cache = new OutputCache(dir, { bytes: 2.5 * 1024, days: 30 });
    for (const name of ["a", "b", "c"]) await cache.put(key(name), KB);
    ["a", "b", "c"].forEach((name, i) => usedAgo(dir, name, (3 - i) * 60_000));
    expect(await cache.get(key("a"))).toEqual(KB); // a, the oldest written, is now the latest used
    await cache.put(key("d"), KB);
    expect(await cache.prune()).toEqual({ removed: 2, bytes: 2048 });
    expect(kept(dir, ["a", "b", "c", "d"])).toEqual(["a", "d"]);
  });

  it("evicts entries unused for longer than its age, however small it is; a run that added nothing prunes nothing", async () => {
    const dir = tempDir();
    const reader = new OutputCache(dir, { bytes: 1024 * 1024, days: 30 });
    const writer = new OutputCache(dir, { bytes: 1024 * 1024, days: 30 });
    for (const name of ["old", "new"]) await writer.put(key(name), KB);
    usedAgo(dir, "old", 31 * DAY);
    expect(await reader.prune()).toEqual({ removed: 0, bytes: 0 });
    expect(kept(dir, ["old", "new"])).toEqual(["old", "new"]);
    expect(await writer.prune()).toEqual({ removed: 1, bytes: 1024 });
    expect(kept(dir, ["old", "new"])).toEqual(["new"]);
  });

  it("touches nothing in its folder but its own entries and run records", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "preview"));
    mkdirSync(join(dir, "runs"));
    writeFileSync(join(dir, "preview", "demo.light.svg"), KB);
    writeFileSync(join(dir, "runs", `${key("run")}.json`), KB);
    writeFileSync(join(dir, "notes.txt"), KB);
    for (const f of [join(dir, "preview", "demo.light.svg"), join(dir, "runs", `${key("run")}.json`), join(dir, "notes.txt")]) utimesSync(f, new Date(0), new Date(0));
    const cache = new OutputCache(dir, { bytes: 0, days: 30 });
    await cache.put(key("x"), KB);
    await cache.prune();
    expect(readdirSync(join(dir, "preview"))).toEqual(["demo.light.svg"]);
    expect(readdirSync(join(dir, "runs"))).toEqual([]);
    expect(existsSync(join(dir, "notes.txt"))).toBe(true);
  });
});
