import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { expect } from "vitest";
import { ROOT } from "./paths.js";

/** Compares text with test/golden/<name>; `UPDATE_GOLDEN=1 npm test` accepts the new text. */
export function expectGolden(name: string, actual: string): void {
  const file = join(ROOT, "test", "golden", name);
  if (process.env.UPDATE_GOLDEN === "1") {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`no golden file ${name}; run UPDATE_GOLDEN=1 npm test and review the new file`);
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 to accept a deliberate change)`).toBe(readFileSync(file, "utf8"));
}
