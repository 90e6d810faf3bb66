import { realpathSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isMap, isScalar, parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { displayPath, isInside } from "../paths.js";
import { BUILTIN_DIR, builtinFile, builtinIds } from "./builtins.js";
import type { KindLook, KindTable } from "../kinds/looks.js";
import type { KindDeclarations } from "../kinds/schema.js";
import { expandStackSpec, kindTableOf, linkOf } from "./expand.js";
import { checkLinks, stackRefResolver } from "./check-links.js";
import { comparedBoxesMessage } from "./check-size.js";
import { FILE_LIMIT } from "../source/read-limits.js";
import type { ReadLog } from "../source/read-log.js";
import { eachBox } from "./boxes.js";
import { diagnosticAt, parseSource, positionAt, readSource } from "../source/yaml-source.js";
import type { CompareSpecInput, StackSpecInput } from "./schema.js";
import { metaOf, type Link, type Spec, type StackBoxRef, type StackSpec } from "./types.js";
import { validateSource } from "./validate.js";
import { didYouMean } from "../suggest.js";
import type { Lang } from "../langs.js";
import type { SourceDoc } from "../source/yaml-source.js";
import type { SpecInput } from "./schema.js";

export interface LoadResult {
  spec?: Spec;
  diagnostics: Diagnostic[];
  /** Set, with no spec, when a spec loaded as a reference turned out to be a comparison. */
  isComparison?: boolean;
  /** Set, with no spec and no diagnostics, when `skipNonSpec` found a file that is not a spec at all. */
  notASpec?: boolean;
  /** With a spec: what reads badly but is still drawn (a declared colour with low contrast). */
  warnings?: Diagnostic[];
}

/** Puts a validated spec's words into `lang`; a spec names no language of its own, so the reader supplies this. */
export interface Translation {
  lang: Lang;
  translate(spec: SpecInput, source: SourceDoc, shown: string, specDir: string): { spec?: SpecInput; warnings: Diagnostic[]; errors: Diagnostic[] };
}

export interface LoadOptions {
  /**
   * Loading a spec a comparison names: a comparison there is an error, so its own references
   * are never followed (a comparison naming itself cannot recurse).
   */
  asReference?: boolean;
  /** The project folder: paths are shown relative to it, and comparisons may read inside it (default: the working folder). */
  cwd?: string;
  /**
   * A file a folder input found rather than one the user named: when it is not meant as a spec
   * (a mapping with none of stack, compare and id, such as mkdocs.yml), skip it quietly.
   */
  skipNonSpec?: boolean;
  /** Kinds the config declares for every spec of the project; a spec's own declarations win. */
  kinds?: KindDeclarations;
  /** The language to draw it in, and how its words are put into it (English when absent): see i18n/translate-spec.ts. */
  translation?: Translation;
  /** Notes each file read (the spec, the specs a comparison names) as it is read. */
  reads?: ReadLog;
}

/** Reads, parses and validates one spec file, resolving the specs a comparison names. */
export async function loadSpec(file: string, options: LoadOptions = {}): Promise<LoadResult> {
  const shown = displayPath(file, options.cwd ?? process.cwd());
  const read = await readSource(file, FILE_LIMIT, options.reads);
  if ("error" in read) return { diagnostics: [{ ...read.error, file: shown }] };
  return loadSpecText(shown, read.text, dirname(resolve(file)), options);
}

/** The same, from text already in hand; `baseDir` resolves a comparison's relative paths. */
export async function loadSpecText(shown: string, text: string, baseDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { source, diagnostics } = parseSource(shown, text);
  if (options.skipNonSpec && !isSpecShaped(source.doc.contents)) return { diagnostics: [], notASpec: true };
  if (diagnostics.length > 0) return { diagnostics };
  const checked = validateSource(source, options.kinds);
  if (!checked.spec) return { diagnostics: checked.diagnostics };
  const warnings = checked.warnings ?? [];
  let spec = checked.spec;
  const lang = options.translation?.lang;
  if (options.translation) {
    const translated = options.translation.translate(spec, source, shown, baseDir);
    if (!translated.spec) return { diagnostics: translated.errors };
    warnings.push(...translated.warnings);
    spec = translated.spec;
  }
  if (!("compare" in spec)) return { spec: { ...expandStackSpec(spec as StackSpecInput, shown, options.kinds), ...(lang && { lang }) }, diagnostics: [], warnings };
  if (options.asReference) return { diagnostics: [], isComparison: true };

  const input = spec as CompareSpecInput;
  const stacks: StackSpec[] = [];
  const references: string[] = [];
  const problems: Diagnostic[] = [];
  let boxes = 0;
  for (const [i, ref] of input.compare.entries()) {
    const here = { file: shown, ...positionAt(source, ["compare", i]), path: `compare[${i}]`, source: text };
    const target = resolveRef(ref, baseDir);
    if (!target) {
      problems.push({ ...here, code: "unknown-ref", message: unknownRefMessage(ref) });
      continue;
    }
    const outside = outsideAllowed(target, baseDir, options.cwd ?? process.cwd());
    if (outside) {
      problems.push({ ...here, code: "ref-outside", message: `"${ref}" is outside ${outside}; a comparison may only name specs inside the project folder or beside this spec` });
      continue;
    }
    const loaded = await loadSpec(target, { ...options, asReference: true });
    if (loaded.isComparison || loaded.spec?.type === "compare") {
      problems.push({ ...here, code: "nested-compare", message: `"${ref}" is itself a comparison; a comparison names stack specs only` });
    } else if (!loaded.spec) {
      problems.push({ ...here, code: "bad-ref", message: `"${ref}" has errors of its own (below)` }, ...loaded.diagnostics);
    } else {
      // The stacks drawn together are one diagram: the spec that takes it past the box limit is named, and none after it read.
      eachBox(loaded.spec.stack, "", () => void boxes++);
      const tooMany = comparedBoxesMessage(boxes);
      if (tooMany) {
        problems.push({ ...here, code: "too-large", message: tooMany });
        break;
      }
      stacks.push(loaded.spec);
      references.push(target);
      warnings.push(...(loaded.warnings ?? []));
    }
  }
  const { kinds, conflicts } = mergedKinds(stacks, input.kinds);
  for (const { name, stack } of conflicts)
    problems.push({ file: shown, ...positionAt(source, ["compare", stack]), path: `compare[${stack}]`, source: text, code: "kind-conflict", message: `kind "${name}" is declared differently here and in an earlier stack; declare it once under kinds in this comparison to say how it looks` });
  if (problems.length > 0) return { diagnostics: problems };
  const at = diagnosticAt(source);
  const links: Link<StackBoxRef>[] = [];
  const resolve = stackRefResolver(stacks);
  const linkProblems = checkLinks(input.links, ["links"], at, (ref) => {
    const found = resolve(ref);
    return "problem" in found ? found.problem : undefined;
  });
  if (linkProblems.length > 0) return { diagnostics: linkProblems };
  // Every end resolved above; none is a problem now.
  for (const l of input.links ?? []) links.push(linkOf(l, resolve(l.from) as StackBoxRef, resolve(l.to) as StackBoxRef));
  return {
    spec: {
      type: "compare",
      // A comparison's sources are its own plus those of every stack it shows.
      ...metaOf({ ...input, sources: [...new Set([...(input.sources ?? []), ...stacks.flatMap((s) => s.sources)])], file: shown }),
      stacks,
      references,
      links,
      kinds,
      ...(lang && { lang }),
    },
    diagnostics: [],
    warnings,
  };
}

/**
 * One table of kinds for a comparison: every stack's declarations, with the comparison's own
 * over them. A name two stacks declare differently, and the comparison does not, is a conflict.
 */
function mergedKinds(stacks: StackSpec[], own: CompareSpecInput["kinds"]): { kinds: KindTable; conflicts: Array<{ name: string; stack: number }> } {
  const kinds: Record<string, KindLook> = {};
  const conflicts: Array<{ name: string; stack: number }> = [];
  stacks.forEach((s, i) => {
    for (const [name, look] of Object.entries(s.kinds)) {
      if (own?.[name] === undefined && name in kinds && JSON.stringify(kinds[name]) !== JSON.stringify(look)) conflicts.push({ name, stack: i });
      kinds[name] ??= look;
    }
  });
  return { kinds: { ...kinds, ...kindTableOf(own) }, conflicts };
}

/**
 * Where a comparison may read: under the project folder or under the referencing spec's
 * folder, judged after symlinks are followed, so a spec from a pull request cannot make
 * vstack read files elsewhere on the machine. Returns the folder it escapes, if it does.
 */
export function outsideAllowed(target: string, baseDir: string, cwd: string): string | undefined {
  if (isInside(target, BUILTIN_DIR)) return undefined;
  let real: string;
  try {
    real = realpathSync(target);
  } catch {
    return undefined; // missing: reported as unreadable when loaded
  }
  const roots = [cwd, baseDir].map((d) => realpathSync(d));
  return roots.some((root) => real !== root && isInside(real, root)) ? undefined : roots[0];
}

/** What is said of a reference that names neither a built-in nor a spec file: the closest built-in id, if one is close. */
export function unknownRefMessage(ref: string): string {
  return `"${ref}" is neither a built-in id (see \`vstack list\`) nor a path to a spec file${didYouMean(ref, builtinIds())}`;
}

/** Whether a reference names a file (it has a slash or a spec file ending) rather than a built-in. */
export function isPathRef(ref: string): boolean {
  return /[\\/]/.test(ref) || /\.(ya?ml|json)$/.test(ref);
}

/** A reference is a path when it looks like one (has a slash or a spec file ending), else a built-in id. */
export function resolveRef(ref: string, baseDir: string): string | undefined {
  if (isPathRef(ref)) return resolve(baseDir, ref);
  return builtinFile(ref);
}

/**
 * Whether text is meant as a spec (YAML or JSON with stack, compare or id) rather than, say,
 * Mermaid text. Text over the size limit is taken for one unparsed, to be refused as one.
 */
export function looksLikeSpec(text: string): boolean {
  if (Buffer.byteLength(text) > FILE_LIMIT.bytes) return true;
  return isSpecShaped(parseDocument(text, { uniqueKeys: false }).contents);
}

/** A mapping with a stack, a compare or an id: what every spec has, and other YAML files lack. */
function isSpecShaped(contents: unknown): boolean {
  return isMap(contents) && contents.items.some((pair) => isScalar(pair.key) && ["stack", "compare", "id"].includes(String(pair.key.value)));
}
