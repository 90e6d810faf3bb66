import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { PACKAGE_ROOT } from "../package-root.js";

/** The folder of built-in specs shipped with vstack (specs/ at the package root). */
export const BUILTIN_DIR = join(PACKAGE_ROOT, "specs");

/** Built-in spec files, sorted; a built-in's file name is its id. */
export function builtinFiles(): string[] {
  return readdirSync(BUILTIN_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort()
    .map((f) => join(BUILTIN_DIR, f));
}

export function builtinIds(): string[] {
  return builtinFiles().map(idOfFile);
}

/** The folder of built-in comparison tables (`table:` files), drawn with the built-in gallery. */
export const BUILTIN_TABLE_DIR = join(BUILTIN_DIR, "tables");

/** Built-in table files, sorted; like a spec, a table's file name is its id. */
export function builtinTableFiles(): string[] {
  return readdirSync(BUILTIN_TABLE_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(BUILTIN_TABLE_DIR, f));
}

/** The file of a built-in spec or table by its id. */
export function builtinFile(id: string): string | undefined {
  return [...builtinFiles(), ...builtinTableFiles()].find((f) => idOfFile(f) === id);
}

/** `specs/xen.yaml` → `xen`. */
function idOfFile(file: string): string {
  return basename(file).replace(/\.(ya?ml|json)$/, "");
}
