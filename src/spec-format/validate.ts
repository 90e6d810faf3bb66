import type { Diagnostic } from "../diagnostics.js";
import { didYouMean } from "../suggest.js";
import { issueDiagnostics, type IssueRules } from "../source/zod-diagnostics.js";
import { formatPath, valueAt } from "../source/data-path.js";
import { LIMITS } from "../source/limits.js";
import { ID_RULE } from "../source/id-rule.js";
import { KINDS } from "../kinds/builtin-kinds.js";
import { badKindName, checkKinds, kindWarnings, knownKinds, unknownKindMessage } from "../kinds/check.js";
import type { KindDeclarations } from "../kinds/schema.js";
import { diagnosticAt, documentData, type At, type SourceDoc } from "../source/yaml-source.js";
import { compareSpecSchema, entryKindOf, KEYS, KNOWN_KEYS, stackSpecSchema, type SpecInput } from "./schema.js";
import { checkLinks, linkRefs, unknownRef } from "./check-links.js";
import { checkSize } from "./check-size.js";

export { LIMITS } from "../source/limits.js";

type Path = ReadonlyArray<PropertyKey>;

/**
 * Checks a parsed document against the format; every problem at once, each with its place.
 * With a spec come its warnings (declared colours that read badly), which fail nothing.
 * `project`: the kinds the config declares for every spec.
 */
export function validateSource(source: SourceDoc, project: KindDeclarations = {}): { spec?: SpecInput; diagnostics: Diagnostic[]; warnings?: Diagnostic[] } {
  const at = diagnosticAt(source);

  const read = documentData(source.doc);
  if ("problem" in read) return { diagnostics: [at([], read.problem.code, read.problem.message)] };
  const { data } = read;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    const what = data === null || data === undefined ? "empty" : Array.isArray(data) ? "a list" : `a ${typeof data}`;
    return { diagnostics: [at([], "not-a-spec", `the file is ${what}; a spec is a mapping with id, title, sources and stack (or compare)`)] };
  }
  const size = checkSize(data as Record<string, unknown>, at);
  if (size.length > 0) return { diagnostics: sortByPlace(size) };
  const isCompare = "compare" in data && !("stack" in data);
  const schema = isCompare ? compareSpecSchema : stackSpecSchema;
  const result = schema.safeParse(data);
  const kinds = knownKinds((data as { kinds?: unknown }).kinds, project);
  const diagnostics = result.success ? [] : issueDiagnostics(result.error.issues, data, at, specRules(data, at, kinds));
  diagnostics.push(...checkKinds((data as { kinds?: unknown }).kinds, at));
  if (!isCompare && "stack" in data) {
    const ids = new Map<string, number | undefined>();
    diagnostics.push(...checkStack((data as { stack: unknown }).stack, ["stack"], undefined, 1, at, ids, kinds));
    const refs = linkRefs(ids);
    diagnostics.push(...checkLinks((data as { links?: unknown }).links, ["links"], at, (ref) => unknownRef(ref, refs)));
  }
  if (!result.success || diagnostics.length > 0) return { diagnostics: sortByPlace(dedupe(diagnostics)) };
  return { spec: result.data, diagnostics, warnings: sortByPlace(kindWarnings(result.data.kinds, at, project)) };
}

/** What only a spec knows about its schema's issues: kinds, missing keys, sources of facts, label length. */
function specRules(data: unknown, at: At, kinds: string[]): IssueRules {
  return {
    // Report only the branch the entry means: "units" when it has that key, else a layer.
    branch: (value) => (entryKindOf(value) === "units" ? 1 : 0),
    unknownKey: (key, path) => unknownKeyMessage(key, path, data),
    badRecordKey: badKindName,
    special(issue, path, value) {
      // A kind is a built-in's name or an id; either way the words are about kinds.
      if (path.at(-1) === "kind" && typeof value === "string") return [at(path, "unknown-kind", unknownKindMessage(value, kinds))];
      if ((issue.code === "invalid_type" || issue.code === "invalid_value") && value === undefined) {
        const key = String(path.at(-1));
        return [at(path.slice(0, -1), "missing-key", `missing required key "${key}"${hintFor(key)}`)];
      }
      if (issue.code === "custom" && path.at(-3) === "facts" && path.at(-1) === "source") return [at(path.slice(0, -1), "unsourced-fact", issue.message)];
      // The schema's one bound on text (LIMITS.label), the one editors see too.
      if (issue.code === "too_big" && issue.origin === "string") return [at(path, "label-too-long", `is ${String(value).length} characters; a label longer than ${LIMITS.label} cannot be read in a diagram`)];
      return undefined;
    },
  };
}

/**
 * Checks the format cannot express: ids unique, `{n}` only under a repeat, bounded depth (the
 * size was checked first: checkSize). Fills `ids` with every box id and the repeat that numbers
 * it (the innermost), for links.
 */
function checkStack(stack: unknown, path: Path, repeat: number | undefined, depth: number, at: At, ids: Map<string, number | undefined>, kinds: string[], seen = new Map<string, Path>()): Diagnostic[] {
  if (!Array.isArray(stack)) return [];
  const out: Diagnostic[] = [];
  if (depth > LIMITS.depth) return [at(path, "too-deep", `units are nested more than ${LIMITS.depth} levels deep; no diagram can show that legibly`)];
  stack.forEach((entry: unknown, i) => {
    const here = [...path, i];
    if (entry === null || typeof entry !== "object") return;
    const items: Array<{ item: Record<string, unknown>; path: Path }> =
      entryKindOf(entry) === "units"
        ? ((entry as { units?: unknown }).units instanceof Array ? ((entry as { units: unknown[] }).units) : []).map((u, j) => ({ item: u as Record<string, unknown>, path: [...here, "units", j] }))
        : [{ item: entry as Record<string, unknown>, path: here }];
    for (const { item, path: p } of items) {
      if (item === null || typeof item !== "object") continue;
      const underRepeat = repeat !== undefined || "repeat" in item;
      const numbered = typeof item.repeat === "number" ? item.repeat : repeat;
      for (const key of ["layer", "unit", "detail"]) {
        const text = item[key];
        if (typeof text !== "string") continue;
        if (text.includes("{n}") && !underRepeat) out.push(at([...p, key], "n-without-repeat", `"{n}" is only replaced inside a unit with "repeat"; add repeat: N to the unit or remove {n}`));
      }
      if (typeof item.id === "string") {
        const prior = seen.get(item.id);
        if (prior) out.push(at([...p, "id"], "duplicate-id", `duplicate id "${item.id}", first used at ${formatPath(prior)}`));
        else seen.set(item.id, [...p, "id"]);
        ids.set(item.id, numbered);
      }
      // A kind the schema let through (an id) that no one declared.
      if (typeof item.kind === "string" && ID_RULE.pattern.test(item.kind) && !kinds.includes(item.kind)) out.push(at([...p, "kind"], "unknown-kind", unknownKindMessage(item.kind, kinds)));
      if (item.span === true && "stack" in item) out.push(at([...p, "span"], "span-with-stack", "a unit with a stack is a frame, already as tall as what it holds; span is for a box beside frames (remove span, or move the stack into a unit of its own)"));
      if ("stack" in item) out.push(...checkStack(item.stack, [...p, "stack"], numbered ?? (underRepeat ? 1 : undefined), depth + 1, at, ids, kinds, seen));
    }
  });
  return out;
}

function unknownKeyMessage(key: string, path: Path, data: unknown): string {
  if (key === "unit" && path.at(-2) === "stack") return 'a unit stands in a group of side-by-side units: write "- units: [{ unit: ..., kind: ... }]", or "layer:" for a layer across the whole width';
  const near = didYouMean(key, allowedKeys(path, data));
  // `{ layer: dockerd, containerd }`: in a { } mapping a comma ends the value, and what follows is read as a key with no value.
  const comma = !near && valueAt(data, [...path, key]) === null ? `; inside { } a comma ends a value: put quotes around text that holds one ("..., ${key}")` : "";
  return `unknown key "${key}"${near}${comma}`;
}

/** The keys allowed where an unknown key was found, judged from the keys around it. */
function allowedKeys(path: Path, data: unknown): string[] {
  const obj = valueAt(data, path);
  if (path.length === 0) return KEYS.spec;
  if (path.at(-2) === "units") return KEYS.unit;
  if (path.at(-2) === "links") return KEYS.link;
  if (path.at(-2) === "kinds") return KEYS.kind;
  if (path.at(-1) === "facts") return KEYS.facts;
  if (path.at(-2) === "facts") return KEYS.fact;
  if (path.at(-3) === "kinds") return KEYS.colours;
  if (obj && typeof obj === "object" && entryKindOf(obj) === "units") return KEYS.units;
  return path.at(-2) === "stack" ? [...KEYS.layer, ...KEYS.units] : KNOWN_KEYS;
}

function hintFor(key: string): string {
  const hints: Record<string, string> = {
    kind: ` (one of: ${KINDS.join(", ")})`,
    layer: ' (an entry is either "layer: <label>" or "units: [...]")',
    sources: " (links a reader can check, e.g. the vendor's documentation)",
    stack: " (the layers bottom → top), or compare: [spec, spec] for a comparison",
  };
  return hints[key] ?? "";
}

function sortByPlace(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.line}:${d.col}:${d.code}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
