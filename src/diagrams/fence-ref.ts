import { existsSync } from "node:fs";
import { displayPath } from "../paths.js";
import { LANGS, type Lang } from "../langs.js";
import { outsideAllowed, resolveRef, unknownRefMessage, type LoadOptions } from "../spec-format/load-spec.js";

/**
 * What every spec of the project is loaded with: its folder, the kinds the config declares, and
 * the language a page's `use:` and `table:` fences draw in unless they name one (`lang:`).
 */
export type Project = Required<Pick<LoadOptions, "cwd">> & Pick<LoadOptions, "kinds" | "reads"> & { lang?: Lang };

/** A fence's `lang:`: one of the languages, or a diagnostic placed at it. */
export function fenceLang(value: unknown): Lang | { code: string; message: string } {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value) ? (value as Lang) : { code: "fence-lang", message: `lang is one of ${LANGS.join(", ")} (the catalogs beside the specs translate them)` };
}

/**
 * The spec file a fence names (`use:` or an entry of `table:`): a built-in id, or a path
 * relative to the page, inside the project or beside the page. Or why it names none.
 */
export function fenceRef(ref: string, pageDir: string, cwd: string): { target: string } | { code: string; message: string } {
  const target = resolveRef(ref, pageDir);
  if (!target) return { code: "unknown-ref", message: unknownRefMessage(ref) };
  const outside = outsideAllowed(target, pageDir, cwd);
  if (outside) return { code: "ref-outside", message: `"${ref}" is outside ${outside}; a fence may only use specs inside the project folder or beside this page` };
  if (!existsSync(target)) return { code: "unknown-ref", message: `"${ref}" is not there: a path in a fence is relative to its page (${displayPath(target, cwd)} does not exist)` };
  return { target };
}
