import { realpathSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { BUILTIN_DIR, builtinFile, builtinIds, displayPath } from "./builtins.js";
import { expandStackSpec } from "./expand.js";
import { parseSource, positionAt, readSource } from "./load.js";
import type { CompareSpecInput, StackSpecInput } from "./schema.js";
import type { Spec, StackSpec } from "./types.js";
import { validateSource } from "./validate.js";
import { didYouMean } from "../suggest.js";

export interface LoadResult {
  spec?: Spec;
  diagnostics: Diagnostic[];
  /** Set, with no spec, when a spec loaded as a reference turned out to be a comparison. */
  isComparison?: boolean;
}

export interface LoadOptions {
  /**
   * Loading a spec a comparison names: a comparison there is an error, so its own references
   * are never followed (a comparison naming itself cannot recurse).
   */
  asReference?: boolean;
}

/** Reads, parses and validates one spec file, resolving the specs a comparison names. */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const shown = displayPath(file);
  const read = await readSource(file);
  if ("error" in read) return { diagnostics: [{ ...read.error, file: shown }] };
  return loadSpecText(shown, read.text, dirname(resolve(file)), options);
}

/** The same, from text already in hand; `baseDir` resolves a comparison's relative paths. */
export async function loadSpecText(shown: string, text: string, baseDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { source, diagnostics } = parseSource(shown, text);
  if (diagnostics.length > 0) return { diagnostics };
  const checked = validateSource(source);
  if (!checked.spec) return { diagnostics: checked.diagnostics };
  if (!("compare" in checked.spec)) return { spec: expandStackSpec(checked.spec as StackSpecInput, shown), diagnostics: [] };
  if (options.asReference) return { diagnostics: [], isComparison: true };

  const input = checked.spec as CompareSpecInput;
  const stacks: StackSpec[] = [];
  const references: string[] = [];
  const problems: Diagnostic[] = [];
  for (const [i, ref] of input.compare.entries()) {
    const here = { file: shown, ...positionAt(source, ["compare", i]), path: `compare[${i}]`, source: text };
    const target = resolveRef(ref, baseDir);
    if (!target) {
      problems.push({ ...here, code: "unknown-ref", message: `"${ref}" is neither a built-in id (see \`vstack list\`) nor a path to a spec file${didYouMean(ref, builtinIds())}` });
      continue;
    }
    const outside = outsideAllowed(target, baseDir);
    if (outside) {
      problems.push({ ...here, code: "ref-outside", message: `"${ref}" is outside ${outside}; a comparison may only name specs inside the working folder or beside this spec (run vstack from a folder that holds both)` });
      continue;
    }
    const loaded = await loadSpec(target, { asReference: true });
    if (loaded.isComparison || loaded.spec?.type === "compare") {
      problems.push({ ...here, code: "nested-compare", message: `"${ref}" is itself a comparison; a comparison names stack specs only` });
    } else if (!loaded.spec) {
      problems.push({ ...here, code: "bad-ref", message: `"${ref}" has errors of its own (below)` }, ...loaded.diagnostics);
    } else {
      stacks.push(loaded.spec);
      references.push(target);
    }
  }
  if (problems.length > 0) return { diagnostics: problems };
  return {
    spec: {
      type: "compare",
      id: input.id,
      title: input.title,
      ...(input.summary !== undefined && { summary: input.summary }),
      notes: input.notes ?? [],
      // A comparison's sources are its own plus those of every stack it shows.
      sources: [...new Set([...(input.sources ?? []), ...stacks.flatMap((s) => s.sources)])],
      file: shown,
      stacks,
      references,
    },
    diagnostics: [],
  };
}

/**
 * Where a comparison may read: under the working folder or under the referencing spec's
 * folder, judged after symlinks are followed, so a spec from a pull request cannot make
 * vstack read files elsewhere on the machine. Returns the folder it escapes, if it does.
 */
export function outsideAllowed(target: string, baseDir: string): string | undefined {
  if (target.startsWith(BUILTIN_DIR)) return undefined;
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return undefined; // missing: reported as unreadable when loaded
  }
  const roots = [process.cwd(), baseDir].map((d) => realpathSync(d));
  const inside = roots.some((root) => {
    const rel = relative(root, real);
    return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel);
  });
  return inside ? undefined : roots[0];
}

/** A reference is a path when it looks like one (has a slash or a spec file ending), else a built-in id. */
export function resolveRef(ref: string, baseDir: string): string | undefined {
  if (/[\\/]/.test(ref) || /\.(ya?ml|json)$/.test(ref)) return resolve(baseDir, ref);
  return builtinFile(ref);
}
