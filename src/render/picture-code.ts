import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/**
 * The code that shapes pictures, as part of every output's cache key: the hash of its source
 * that `npm run build` wrote (scripts/picture-code.mjs), the installed version of each
 * package it uses (read now: an install may hold other versions than the build did), and the
 * versions of the Mermaid and DOMPurify builds copied into dist/mermaid/. The CLI
 * bundle and the library read the same file, so they share cache entries.
 */
export function pictureCode(): { code: string; packages: Record<string, string> } {
  const file = join(PACKAGE_ROOT, "dist", "picture-code.json");
  // Unbuilt (tests run from src/ before a build): every key says so, and nothing built shares them.
  if (!existsSync(file)) return { code: "unbuilt", packages: {} };
  const { hash, packages } = JSON.parse(readFileSync(file, "utf8")) as { hash: string; packages: string[] };
  const vendored = join(PACKAGE_ROOT, "dist", "mermaid", "versions.json");
  const copied = existsSync(vendored) ? (JSON.parse(readFileSync(vendored, "utf8")) as Record<string, string>) : { mermaid: "not built" };
  return { code: hash, packages: { ...Object.fromEntries(packages.map((name) => [name, installedVersion(name)])), ...copied } };
}

const own = createRequire(import.meta.url);

/** A package's version as installed where vstack finds it. */
function installedVersion(name: string): string {
  let entry: string;
  try {
    entry = own.resolve(name);
  } catch {
    return "not installed";
  }
  for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const data = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (data.name === name) return data.version ?? "unknown";
  }
  return "unknown";
}
