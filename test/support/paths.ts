import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = join(ROOT, "bin", "vstack.js");
export const FIXTURES = join(ROOT, "test", "fixtures");

export function tempDir(prefix = "vstack-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
