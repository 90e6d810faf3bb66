import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const CLI = join(ROOT, "bin", "vstack.js");
export const FIXTURES = join(ROOT, "test", "fixtures");

export function tempDir(prefix = "vstack-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temporary folder holding these files (paths may have folders; they are made). */
export function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
