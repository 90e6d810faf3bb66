/**
 * What `npm install vstack` puts on a machine: the packed tarball installed into an empty
 * project without dev dependencies (and without the browser puppeteer would download), measured
 * as the files' sizes on disk, with the largest packages named.
 */
import { execFileSync } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface InstallSize {
  packages: number;
  bytes: number;
  largest: Array<{ name: string; bytes: number }>;
}

/** Packs the checkout at `root` and installs the tarball in a fresh folder (needs the npm registry). */
export function installSize(root: string): InstallSize {
  const dir = mkdtempSync(join(tmpdir(), "vstack-install-"));
  const tarball = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], { cwd: root, encoding: "utf8" }).trim().split("\n").at(-1)!;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "install-size", private: true }));
  execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--silent", join(dir, tarball)], { cwd: dir, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" }, stdio: "ignore" });
  const modules = join(dir, "node_modules");
  const packages = packageDirs(modules).map((p) => ({ name: p.slice(modules.length + 1), bytes: sizeOf(p) }));
  return { packages: packages.length, bytes: sizeOf(modules), largest: packages.sort((a, b) => b.bytes - a.bytes).slice(0, 8) };
}

/** Every installed package folder, scoped ones included, at any depth. */
function packageDirs(modules: string): string[] {
  return readdirSync(modules, { withFileTypes: true }).flatMap((e) => {
    if (!e.isDirectory() || e.name.startsWith(".")) return [];
    const path = join(modules, e.name);
    if (e.name.startsWith("@")) return packageDirs(path);
    const nested = join(path, "node_modules");
    return [path, ...(exists(nested) ? packageDirs(nested) : [])];
  });
}

const exists = (path: string) => {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** The bytes of the files under `path`, symbolic links not followed. */
function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}
