import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import type { Diagnostic } from "./diagnostics.js";
import { isInside } from "./paths.js";
import { BUILTIN_DIR, builtinFile, builtinFiles, builtinIds, builtinTableFiles } from "./spec-format/builtins.js";
import { didYouMean } from "./suggest.js";

/** What a folder input means: specs, raw Mermaid files and Markdown with mermaid fences. */
export const INPUT_GLOB = "**/*.{yaml,yml,json,mmd,md,markdown}";
const ALWAYS_IGNORED = ["**/node_modules/**", "**/.git/**", "**/.vstack-cache/**", "**/package*.json", "**/tsconfig*.json", "**/vstack.config.*"];

/** The input that means "the text on standard input" (`vstack render -`). */
export const STDIN = "-";
/** How what was read from standard input is named in messages and the manifest. */
export const STDIN_NAME = "<stdin>";

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface ResolvedInputs {
  /** Absolute paths, in a stable order, without repeats. */
  files: string[];
  /** The files a folder or glob found (rather than ones named one by one). */
  searched: Set<string>;
  /** Inputs named one by one that are neither a file, a folder, a glob nor a built-in id. */
  missing: Diagnostic[];
}

/**
 * Turns what the user typed into input files: a folder means every input file under it (but
 * never the output folders), a glob its matches, a built-in id that spec, a path that file.
 * No inputs means the built-in specs. Relative paths are taken against `cwd`.
 */
export async function resolveInputs(inputs: string[], options: { exclude?: string[]; cwd: string }): Promise<ResolvedInputs> {
  if (inputs.length === 0) return { files: [...builtinFiles(), ...builtinTableFiles()], searched: new Set(), missing: [] };
  const { cwd } = options;
  const excluded = (options.exclude ?? []).map((p) => resolve(cwd, p));
  const outside = (file: string) => !excluded.some((dir) => isInside(file, dir));
  const files: string[] = [];
  const searched = new Set<string>();
  const missing: Diagnostic[] = [];
  const classified = inputs.map((input) => classifyInput(input, cwd));
  for (const [i, input] of classified.entries()) {
    if (input.kind === "stdin") {
      files.push(STDIN);
      continue;
    }
    if (input.kind === "file") {
      if (input.exists) files.push(input.path);
      else missing.push({ code: "input-not-found", file: inputs[i]!, message: `no such file or folder, and no built-in spec of that id${didYouMean(inputs[i]!, builtinIds())} (see \`vstack list\`)` });
      continue;
    }
    const found = input.kind === "dir" ? await glob(INPUT_GLOB, { cwd: input.path, absolute: true, ignore: ALWAYS_IGNORED }) : await glob(input.pattern, { cwd, absolute: true, ignore: ALWAYS_IGNORED });
    for (const file of found.filter(outside).map((f) => resolve(f)).sort()) {
      files.push(file);
      searched.add(file);
    }
  }
  const unique = [...new Set(files)];
  // A file also named one by one is the user's explicit choice.
  for (const input of classified) if (input.kind === "file") searched.delete(input.path);
  return { files: unique, searched, missing };
}

/** One input as typed, understood: a folder, a glob (with its fixed leading folder), or a file. */
export type Input = { kind: "stdin" } | { kind: "dir"; path: string } | { kind: "file"; path: string; exists: boolean } | { kind: "glob"; pattern: string; base: string };

/**
 * What an input names, in this order: a folder or file that is there, a glob, a built-in id,
 * else a file that is not there. Paths come back absolute, resolved against `cwd`.
 */
export function classifyInput(input: string, cwd: string): Input {
  if (input === STDIN) return { kind: "stdin" };
  const path = resolve(cwd, input);
  const kind = statKind(path);
  if (kind === "dir") return { kind, path };
  if (kind === "file") return { kind, path, exists: true };
  if (isDynamicPattern(input)) {
    const parts = input.split("/");
    return { kind: "glob", pattern: input, base: resolve(cwd, parts.slice(0, parts.findIndex((part) => isDynamicPattern(part))).join("/") || ".") };
  }
  const builtin = builtinFile(input);
  return { kind: "file", path: builtin ?? path, exists: builtin !== undefined };
}

/**
 * The files of one shard: a file belongs to the shard its path's hash points to (relative to
 * the project folder, so every runner agrees), so shards stay stable as files come and go,
 * and all shards together are the whole run.
 */
export function shardFiles(files: string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => {
    const hash = createHash("sha1").update(relative(cwd, file)).digest();
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
export function watchRoots(inputs: string[], cwd: string): string[] {
  if (inputs.length === 0) return [BUILTIN_DIR];
  const roots = inputs.map((input) => classifyInput(input, cwd)).flatMap((input) => (input.kind === "glob" ? [input.base] : input.kind === "stdin" ? [] : [input.path]));
  return [...new Set(roots)];
}
