import { appendFileSync, cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script, plain JavaScript
import { pictureCode } from "../../scripts/picture-code.mjs";
import { ROOT, tempDir } from "../support/paths.js";

type Fingerprint = { hash: string; files: string[]; packages: string[] };

describe("the picture code's fingerprint (part of every cache key)", () => {
  it("changes with each module that shapes a picture, theme derivation and colour code included, and with no other", async () => {
    const root = tempDir();
    cpSync(join(ROOT, "src"), join(root, "src"), { recursive: true });
    const first = (await pictureCode(root)) as Fingerprint;
    const shaping = ["src/output/derive-theme.ts", "src/run/derive-picture.ts", "src/output/css-colours.ts", "src/output/svg-source.ts", "src/output/auto-theme.ts", "src/colour.ts", "src/kinds/palette.ts", "src/layout/decorations.ts", "src/render/warm-page.ts", "src/render/svg-labels.ts", "src/render/pdf-metadata.ts", "src/fonts/font-set.ts", "src/fonts/embed-fonts.ts", "src/run/diagram-outputs.ts", "src/render/stack-layout-plugin.ts", "src/layout/stack-layout.ts", "src/output/deck.ts", "src/output/deck-shapes.ts", "src/layout/scene.ts"];
    expect(shaping.filter((f) => !first.files.includes(f))).toEqual([]);
    expect(first.packages).toEqual(expect.arrayContaining(["culori", "harfbuzzjs", "subset-font", "pdf-lib", "puppeteer-core"]));
    let last = first.hash;
    for (const file of shaping) {
      appendFileSync(join(root, file), "\n// changed\n");
      const now = ((await pictureCode(root)) as Fingerprint).hash;
      expect(now, file).not.toBe(last);
      last = now;
    }
    for (const file of ["src/cli/commands/list.ts", "src/spec-format/validate.ts", "src/preview/server.ts"]) {
      expect(first.files).not.toContain(file);
      appendFileSync(join(root, file), "\n// changed\n");
      expect(((await pictureCode(root)) as Fingerprint).hash, file).toBe(last);
    }
  });
});
