import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, type BuildOptions } from "../../src/run/index.js";
import { builtinFiles, builtinIds } from "../../src/spec-format/builtins.js";
import { useRenderer } from "../support/renderer.js";
import { tempDir } from "../support/paths.js";

/**
 * The dark picture of a light+dark run is the light one recoloured, not drawn again
 * (build/derive-picture.ts): it must be byte for byte what drawing it would give.
 */
const renderer = useRenderer();

async function run(dir: string, options: BuildOptions) {
  return build({ renderer: renderer.get(), outDir: dir, cache: false, gallery: false, manifest: false, fonts: "system", ...options });
}

describe("the dark theme derived from the light one", () => {
  it("is the SVG a dark render draws, for every built-in spec", async () => {
    const [real, derived] = [tempDir(), tempDir()];
    await run(real, { inputs: builtinFiles(), formats: ["svg"], themes: ["dark"] });
    const report = await run(derived, { inputs: builtinFiles(), formats: ["svg"], themes: ["light", "dark"] });
    // Every built-in's dark picture was derived: none fell back to drawing.
    expect(report.diagrams.filter((d) => d.derived !== 1).map((d) => d.diagram.id)).toEqual([]);
    expect(report.diagrams).toHaveLength(builtinIds().length);
    for (const id of builtinIds()) {
      const [a, b] = [real, derived].map((dir) => readFileSync(join(dir, `${id}.dark.svg`), "utf8"));
      expect(b, id).toBe(a);
      expect(b).not.toBe(readFileSync(join(derived, `${id}.light.svg`), "utf8"));
    }
  });

  it("gives the same PNG, PDF, embedded fonts and build-step frames as drawing it", async () => {
    const [real, derived] = [tempDir(), tempDir()];
    const look: BuildOptions = { inputs: ["vm-vs-container"], formats: ["svg", "png", "pdf"], steps: true, fonts: "embed" };
    await run(real, { ...look, themes: ["dark"] });
    const report = await run(derived, { ...look, themes: ["light", "dark"] });
    const files = report.diagrams[0]!.files.filter((f) => f.includes(".dark."));
    // The whole picture and one frame per row, each in three formats.
    expect(files.length).toBeGreaterThanOrEqual(12);
    expect(report.diagrams[0]!.derived).toBe(files.length);
    for (const file of files) expect(readFileSync(join(derived, file)).equals(readFileSync(join(real, file))), file).toBe(true);
  });

  it("is drawn for real when the themes differ in more than colours (raw Mermaid)", async () => {
    const dir = tempDir();
    const mmd = join(dir, "raw.mmd");
    writeFileSync(mmd, "flowchart LR\n  a --> b\n");
    const report = await run(join(dir, "out"), { inputs: [mmd], formats: ["svg"], themes: ["light", "dark"] });
    expect(report.diagrams[0]!.rendered).toBe(2);
    expect(report.diagrams[0]!.derived).toBe(0);
  });
});
