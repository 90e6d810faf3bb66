import { statSync } from "node:fs";
import { resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { builtinFile, builtinFiles } from "./spec/builtins.js";

export const SPEC_GLOB = "**/*.{yaml,yml,json}";

/**
 * Turns what the user typed into spec files, in a stable order and without repeats: a folder
 * means every spec file under it, a glob its matches, a built-in id that spec, anything else
 * a file (a missing one is reported when it is loaded). No inputs means the built-in specs.
 */
export async function resolveInputs(inputs: string[]): Promise<string[]> {
  if (inputs.length === 0) return builtinFiles();
  const files: string[] = [];
  for (const input of inputs) {
    const kind = statKind(input);
    if (kind === "dir") {
      const found = await glob(SPEC_GLOB, { cwd: input, absolute: true, ignore: ["**/node_modules/**", "**/package*.json", "**/tsconfig*.json", "**/vstack.config.*"] });
      files.push(...found.sort());
    } else if (kind === "file") {
      files.push(resolve(input));
    } else if (isDynamicPattern(input)) {
      files.push(...(await glob(input, { absolute: true, ignore: ["**/node_modules/**"] })).sort());
    } else {
      files.push(builtinFile(input) ?? resolve(input));
    }
  }
  return [...new Set(files)];
}

function statKind(path: string): "dir" | "file" | undefined {
  try {
    return statSync(path).isDirectory() ? "dir" : "file";
  } catch {
    return undefined;
  }
}
