import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { BUILTIN_DIR, builtinFile, builtinFiles } from "./spec/builtins.js";

/** What a folder input means: specs, raw Mermaid files and Markdown with mermaid fences. */
export const INPUT_GLOB = "**/*.{yaml,yml,json,mmd,md,markdown}";
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**", "**/.vstack-cache/**", "**/package*.json", "**/tsconfig*.json", "**/vstack.config.*"];

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/**
 * Turns what the user typed into input files, in a stable order and without repeats: a folder
 * means every input file under it (but never the output folder), a glob its matches, a
 * built-in id that spec, anything else a file (a missing one is reported when it is loaded).
 * No inputs means the built-in specs.
 */
export async function resolveInputs(inputs: string[], options: { exclude?: string[] } = {}): Promise<string[]> {
  if (inputs.length === 0) return builtinFiles();
  const excluded = (options.exclude ?? []).map((p) => resolve(p));
  const outside = (file: string) => !excluded.some((dir) => file === dir || file.startsWith(`${dir}/`));
  const files: string[] = [];
  for (const input of inputs.map(classifyInput)) {
    if (input.kind === "dir") {
      const found = await glob(INPUT_GLOB, { cwd: input.path, absolute: true, ignore: ALWAYS_IGNORED });
      files.push(...found.filter(outside).sort());
    } else if (input.kind === "glob") {
      files.push(...(await glob(input.pattern, { absolute: true, ignore: ALWAYS_IGNORED })).filter(outside).sort());
    } else {
      files.push(input.path);
    }
  }
  return [...new Set(files)];
}

/** One input as typed, understood: a folder, a glob (with its fixed leading folder), or a file. */
export type Input = { kind: "dir" | "file"; path: string } | { kind: "glob"; pattern: string; base: string };

/**
 * What an input names, in this order: a folder or file that is there, a glob, a built-in id,
 * else a file (a missing one is reported when it is loaded). Paths come back absolute.
 */
export function classifyInput(input: string): Input {
  const kind = statKind(input);
  if (kind) return { kind, path: resolve(input) };
  if (isDynamicPattern(input)) {
    const parts = input.split("/");
    return { kind: "glob", pattern: input, base: resolve(parts.slice(0, parts.findIndex((part) => isDynamicPattern(part))).join("/") || ".") };
  }
  return { kind: "file", path: builtinFile(input) ?? resolve(input) };
}

/**
 * The files of one shard: a file belongs to the shard its path's hash points to, so shards
 * stay stable as files come and go, and all shards together are the whole run.
 */
export function shardFiles(files: string[], shard: Shard): string[] {
  return files.filter((file) => {
    const hash = createHash("sha1").update(relative(process.cwd(), file)).digest();
    return hash.readUInt32BE(0) % shard.count === shard.index - 1;
  });
}

function statKind(path: string): "dir" | "file" | undefined {
  try {
    return statSync(path).isDirectory() ? "dir" : "file";
  } catch {
    return undefined;
  }
}

/**
 * What to watch so that every input a run could find is seen: a file or folder as it is, a
 * glob's fixed leading folder, a built-in id its file; no inputs means the built-in folder.
 */
export function watchRoots(inputs: string[]): string[] {
  if (inputs.length === 0) return [BUILTIN_DIR];
  return [...new Set(inputs.map(classifyInput).map((input) => (input.kind === "glob" ? input.base : input.path)))];
}
