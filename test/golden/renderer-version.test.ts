import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { RENDERER_FILES, RENDERER_VERSION } from "../../src/render/renderer-version.js";
import { ROOT } from "../support/paths.js";

// The cache key holds RENDERER_VERSION, not the renderer's code: this keeps the two in step.
it("RENDERER_VERSION is bumped whenever the renderer's code changes", () => {
  const hash = createHash("sha256");
  for (const file of RENDERER_FILES) hash.update(`${file}\n`).update(readFileSync(join(ROOT, "src/render", file)));
  const now = `${RENDERER_VERSION} ${hash.digest("hex")}\n`;
  const golden = join(ROOT, "test/golden/renderer-version.txt");
  const [version, recorded] = existsSync(golden) ? readFileSync(golden, "utf8").trim().split(" ") : [];
  if (process.env.UPDATE_GOLDEN && (recorded === undefined || Number(version) !== RENDERER_VERSION)) writeFileSync(golden, now);
  else if (recorded !== now.trim().split(" ")[1]) {
    expect(Number(version), `src/render changed (${RENDERER_FILES.join(", ")}): bump RENDERER_VERSION in src/render/renderer-version.ts, then run UPDATE_GOLDEN=1 vitest run test/golden`).not.toBe(RENDERER_VERSION);
    throw new Error("RENDERER_VERSION was bumped: record it with UPDATE_GOLDEN=1 vitest run test/golden");
  }
});
