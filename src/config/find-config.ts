import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { VstackError } from "../errors.js";

export const CONFIG_FILES = ["vstack.config.yaml", "vstack.config.yml", "vstack.config.json"];

/** A config file to read; `key` is set for package.json, where the config is under "vstack". */
export interface FoundConfig {
  file: string;
  key?: string;
}

/** A config file that cannot be used, with every problem found in it. */
export class ConfigError extends VstackError {
  constructor(diagnostics: Diagnostic[]) {
    super("config-invalid", `the config file has ${diagnostics.length === 1 ? "a problem" : `${diagnostics.length} problems`}`, diagnostics);
  }
}

/**
 * The config for a run: the file named with `--config`, else the first of vstack.config.yaml,
 * .yml, .json or a package.json with a `vstack` key in the working folder or the nearest
 * folder above it, up to the project's root. Kept apart from loading, which needs the
 * YAML parser and the schema: a run without a config loads neither.
 */
export function findConfig(explicit?: string, cwd = process.cwd()): FoundConfig | undefined {
  if (explicit) return { file: resolve(cwd, explicit), ...(explicit.endsWith("package.json") && { key: "vstack" }) };
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILES) if (existsSync(join(dir, name))) return { file: join(dir, name) };
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && hasVstackKey(pkg)) return { file: pkg, key: "vstack" };
    // The project's root (a folder with package.json or .git) ends the search.
    if (existsSync(pkg) || existsSync(join(dir, ".git")) || dirname(dir) === dir) return undefined;
  }
}

function hasVstackKey(pkg: string): boolean {
  try {
    const data: unknown = JSON.parse(readFileSync(pkg, "utf8"));
    return typeof data === "object" && data !== null && "vstack" in data;
  } catch {
    return false; // a broken package.json is npm's business, not vstack's
  }
}
