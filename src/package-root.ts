import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * vstack's own folder (where package.json, specs/ and templates/ are), found by walking up
 * from this module: the same answer from src/ under tests, from dist/ and from the bundle, and
 * whatever name the package is published under.
 */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (["package.json", "specs", "templates"].every((name) => existsSync(join(dir, name)))) return dir;
    if (dirname(dir) === dir) throw new Error(`vstack's package folder (package.json, specs/, templates/) not found above ${from}`);
  }
}

export const PACKAGE_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));
