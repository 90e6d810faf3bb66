import { isAbsolute, relative, resolve, sep } from "node:path";
import { PACKAGE_ROOT } from "./package-root.js";

/** True when `path` is `folder` itself or anything below it (compared by whole path segments). */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * A path as a reader should see it, the same on every machine: relative to the project folder
 * `cwd` (with `/`), vstack's own files as `vstack:<path in the package>`, anything else
 * absolute. What lands in outputs (manifest sources, alt text) is made with this, so it never
 * holds an absolute path of the machine for a file of the project or of vstack.
 */
/** How vstack's own files (outside the project) are named: not a path a project folder could have. */
const PACKAGE_PREFIX = "vstack:";

export function displayPath(file: string, cwd: string): string {
  if (isInside(file, cwd)) return toSlashes(relative(cwd, file)) || ".";
  if (isInside(file, PACKAGE_ROOT)) return `${PACKAGE_PREFIX}${toSlashes(relative(PACKAGE_ROOT, file))}`;
  return file;
}

/** The file a displayPath names, back as an absolute path. */
export function absolutePath(shown: string, cwd: string): string {
  return shown.startsWith(PACKAGE_PREFIX) ? resolve(PACKAGE_ROOT, shown.slice(PACKAGE_PREFIX.length)) : resolve(cwd, shown);
}

export function toSlashes(path: string): string {
  return path.split(sep).join("/");
}

/** A URL path decoded, or undefined when it is not valid percent-encoding (`/%E0%A4%A`). */
export function safeDecode(path: string): string | undefined {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
}
