import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/run/index.js";
import { shardFiles } from "../../src/inputs.js";
import { builtinFile } from "../../src/spec-format/builtins.js";
import { tempDir } from "../support/paths.js";
import { visibleText } from "../support/svg.js";

describe("the content-hash cache", () => {
  it("rebuilds with nothing changed without a browser, and re-renders only the spec that changed", async () => {
    const dir = tempDir();
    for (const id of ["xen", "hyper-v", "kvm-qemu"]) copyFileSync(builtinFile(id)!, join(dir, `${id}.yaml`));
    const opts: BuildOptions = { inputs: [dir], outDir: join(dir, "out"), cacheDir: join(dir, "cache"), formats: ["svg", "png"], themes: ["light"] };

    const cold = await build(opts);
    expect(cold.browserUsed).toBe(true);
    expect(cold.diagrams.map((d) => [d.diagram.id, d.rendered, d.written])).toEqual([
      ["hyper-v", 2, 2],
      ["kvm-qemu", 2, 2],
      ["xen", 2, 2],
    ]);

    const warm = await build(opts);
    expect(warm.browserUsed).toBe(false);
    expect(warm.diagrams.map((d) => [d.rendered, d.written])).toEqual([[0, 0], [0, 0], [0, 0]]);

    // An output changed by hand is put back, from the cache.
    const svg = join(dir, "out", "hyper-v.light.svg");
    const good = readFileSync(svg, "utf8");
    writeFileSync(svg, "<svg/>");
    const restored = await build(opts);
    expect(restored.browserUsed).toBe(false);
    expect(restored.diagrams.map((d) => d.written)).toEqual([1, 0, 0]);
    expect(readFileSync(svg, "utf8")).toBe(good);

    const xen = join(dir, "xen.yaml");
    writeFileSync(xen, readFileSync(xen, "utf8").replace("layer: Xen hypervisor", "layer: Xen 4.19 hypervisor"));
    const changed = await build(opts);
    expect(changed.diagrams.map((d) => [d.diagram.id, d.rendered])).toEqual([
      ["hyper-v", 0],
      ["kvm-qemu", 0],
      ["xen", 2],
    ]);
    expect(readFileSync(join(dir, "out", "xen.light.svg"), "utf8")).toContain("Xen 4.19 hypervisor");

    // Deleting an output brings it back from the cache, without a browser.
    rmSync(join(dir, "out", "xen.light.png"));
    const again = await build({ ...opts, inputs: [xen] });
    expect(again.browserUsed).toBe(false);
    expect(again.diagrams[0]!.written).toBe(1);
    expect(existsSync(join(dir, "out", "xen.light.png"))).toBe(true);
    const forced = await build({ ...opts, cache: false });
    expect(forced.diagrams.every((d) => d.rendered === 2)).toBe(true);
    expect(forced.diagrams.every((d) => d.written === 0)).toBe(true); // same bytes as the cached ones
  });

  it("re-renders a comparison when a spec it names changes, even one outside the inputs", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "parts"));
    copyFileSync(builtinFile("linux-containers")!, join(dir, "parts", "containers.yaml"));
    writeFileSync(join(dir, "cmp.yaml"), "id: cmp\ntitle: Compare\ncompare: [type-1-hypervisor, ./parts/containers.yaml]\n");
    const opts: BuildOptions = { inputs: [join(dir, "cmp.yaml")], outDir: join(dir, "out"), cacheDir: join(dir, "cache"), formats: ["svg"], themes: ["light"] };
    expect((await build(opts)).diagrams[0]!.rendered).toBe(1);
    expect((await build(opts)).diagrams[0]!.rendered).toBe(0);
    const part = join(dir, "parts", "containers.yaml");
    writeFileSync(part, readFileSync(part, "utf8").replace("unit: Container engine", "unit: Podman"));
    const again = await build(opts);
    expect(again.diagrams[0]!.rendered).toBe(1);
    expect(readFileSync(join(dir, "out", "cmp.light.svg"), "utf8")).toContain("Podman");
  });

  it("keys outputs by everything that shapes them: theme, scale and background", async () => {
    const dir = tempDir();
    const base: BuildOptions = { inputs: [builtinFile("xen")!], outDir: join(dir, "out"), cacheDir: join(dir, "cache"), formats: ["png"], themes: ["light"], scale: 1 };
    await build(base);
    for (const change of [{ scale: 2 }, { background: "transparent" }, { themes: ["dark" as const] }]) {
      const r = await build({ ...base, ...change });
      expect(r.diagrams[0]!.rendered, JSON.stringify(change)).toBe(1);
    }
  });
});

describe("raw Mermaid inputs", () => {
  it("renders .mmd files as they are and every mermaid fence of a Markdown file, as mermaid-cli names them", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "flow.mmd"), "flowchart LR\n  accTitle: Request path\n  a[Browser] --> b[(Database)]\n");
    writeFileSync(join(dir, "guide.md"), "# Guide\n\n```mermaid\nsequenceDiagram\n  Alice->>Bob: Hello\n```\n\nText.\n\n~~~mermaid\npie title Pets\n  \"Dogs\" : 3\n  \"Cats\" : 2\n~~~\n\n```js\nnot mermaid\n```\n");
    const r = await build({ inputs: [dir], outDir: join(dir, "out"), cache: false, formats: ["svg", "mmd"], themes: ["light", "dark"] });
    expect(r.failures).toEqual([]);
    expect(r.diagrams.map((d) => [d.diagram.id, d.diagram.title])).toEqual([
      ["flow", "Request path"],
      ["guide-1", "guide-1"],
      ["guide-2", "guide-2"],
    ]);
    expect(readdirSync(join(dir, "out")).filter((f) => f.endsWith(".svg")).sort()).toEqual(
      ["flow", "guide-1", "guide-2"].flatMap((id) => [`${id}.dark.svg`, `${id}.light.svg`]),
    );
    expect(visibleText(readFileSync(join(dir, "out", "guide-1.light.svg"), "utf8"))).toMatch(/Alice.*Bob.*Hello/);
    expect(visibleText(readFileSync(join(dir, "out", "guide-2.dark.svg"), "utf8"))).toMatch(/Pets/);
    expect(readFileSync(join(dir, "out", "flow.light.mmd"), "utf8")).toBe(readFileSync(join(dir, "flow.mmd"), "utf8"));
    // The theme reaches raw Mermaid, which does not set one itself.
    expect(readFileSync(join(dir, "out", "flow.dark.svg"), "utf8")).not.toBe(readFileSync(join(dir, "out", "flow.light.svg"), "utf8"));
  });

  it("reports Mermaid that does not parse, at its file, and renders the rest", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bad.mmd"), "flowchart LR\n  a --> \n  [[[\n");
    writeFileSync(join(dir, "good.mmd"), "flowchart LR\n  a --> b\n");
    const r = await build({ inputs: [dir], outDir: join(dir, "out"), cache: false, formats: ["svg"], themes: ["light"] });
    expect(r.failed).toBe(1);
    expect(r.failures[0]).toMatchObject({ code: "mermaid-rejected" });
    expect(r.failures[0]!.file).toMatch(/bad\.mmd$/);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["good.light.svg", "manifest.json"]);
  });
});

describe("shards", () => {
  it("split the inputs into disjoint shares that together are the whole, stably", () => {
    const files = Array.from({ length: 40 }, (_, i) => `/docs/diagram-${i}.yaml`);
    const shares = [1, 2, 3].map((index) => shardFiles(files, { index, count: 3 }, "/docs"));
    expect(shares.flat().sort()).toEqual([...files].sort());
    expect(new Set(shares.flat()).size).toBe(files.length);
    for (const share of shares) expect(share.length).toBeGreaterThan(5);
    expect(shardFiles(files, { index: 2, count: 3 }, "/docs")).toEqual(shares[1]);
    // A file keeps its shard when others come and go.
    const fewer = files.filter((_, i) => i % 2 === 0);
    expect(shardFiles(fewer, { index: 1, count: 3 }, "/docs")).toEqual(shares[0]!.filter((f) => fewer.includes(f)));
  });
});
