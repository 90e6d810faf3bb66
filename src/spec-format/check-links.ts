import type { Diagnostic } from "../diagnostics.js";
import { didYouMean } from "../suggest.js";
import type { At } from "../source/yaml-source.js";
import { eachBox } from "./boxes.js";
import type { Entry, StackBoxRef } from "./types.js";

type Path = ReadonlyArray<PropertyKey>;

/**
 * What a link end may name, given the boxes that have ids: an id, and for a unit repeated N
 * times also `<id>-1` … `<id>-N` (its copies). `counts` maps each id to the repeat that
 * numbers it (undefined: not under a repeat).
 */
export function linkRefs(counts: ReadonlyMap<string, number | undefined>): string[] {
  return [...counts].flatMap(([id, n]) => [id, ...Array.from({ length: n ?? 0 }, (_, i) => `${id}-${i + 1}`)]);
}

/**
 * The checks the schema cannot make on a spec's links: each end names a box (else the closest
 * id is suggested), no link joins a box to itself, none is listed twice. `problemOf` says what
 * is wrong with a reference, or nothing when it names a box.
 */
export function checkLinks(links: unknown, path: Path, at: At, problemOf: (ref: string) => string | undefined): Diagnostic[] {
  if (!Array.isArray(links)) return [];
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  links.forEach((link: unknown, i) => {
    if (link === null || typeof link !== "object") return;
    const { from, to, both, style } = link as Record<string, unknown>;
    if (typeof from !== "string" || typeof to !== "string") return;
    for (const [key, ref] of [["from", from], ["to", to]] as const) {
      const problem = problemOf(ref);
      if (problem) out.push(at([...path, i, key], "unknown-box", problem));
    }
    if (from === to) {
      out.push(at([...path, i, "to"], "self-link", `the link goes from "${from}" to itself; an arrow joins two different boxes`));
      return;
    }
    // A two-way link is the same link written either way round.
    const ends = both === true ? [from, to].sort().join("↔") : `${from}→${to}`;
    const key = `${ends} ${typeof style === "string" ? style : "control"}`;
    const first = seen.get(key);
    if (first !== undefined) out.push(at([...path, i], "duplicate-link", `the same link as links[${first}] (${from} → ${to}); list each arrow once, with one label`));
    else seen.set(key, i);
  });
  return out;
}

/** The problem with a reference in a single stack, against the refs it may use. */
export function unknownRef(ref: string, refs: readonly string[]): string | undefined {
  if (refs.includes(ref)) return undefined;
  if (refs.length === 0) return `no box has an id "${ref}": give the layer or unit an id (id: ${ref}) to link to it`;
  return `no box has the id "${ref}"${didYouMean(ref, refs)} (ids: ${refs.slice(0, 12).join(", ")}${refs.length > 12 ? ", ..." : ""})`;
}

/** Every ref a link may use for the boxes of an expanded stack: ids, and families of repeated ids. */
export function refsOfStack(stack: Entry[]): string[] {
  const refs = new Set<string>();
  eachBox(stack, "", ({ id, family }) => {
    for (const ref of [id, family]) if (ref !== undefined) refs.add(ref);
  });
  return [...refs];
}

/**
 * Resolves a comparison's link ends: `<spec id>.<box id>`, or a bare box id that exactly one of
 * the compared stacks has, to the stack's index, or to what is wrong. The stacks' ids are read once.
 */
export function stackRefResolver(stacks: ReadonlyArray<{ id: string; stack: Entry[] }>): (ref: string) => StackBoxRef | { problem: string } {
  const refs = stacks.map((s) => refsOfStack(s.stack));
  return (ref) => resolveIn(ref, stacks, refs);
}

function resolveIn(ref: string, stacks: ReadonlyArray<{ id: string }>, refs: string[][]): StackBoxRef | { problem: string } {
  const dot = ref.indexOf(".");
  if (dot >= 0) {
    const [specId, box] = [ref.slice(0, dot), ref.slice(dot + 1)];
    const index = stacks.findIndex((s) => s.id === specId);
    if (index < 0) return { problem: `"${specId}" is not one of the compared specs${didYouMean(specId, stacks.map((s) => s.id))} (${stacks.map((s) => s.id).join(", ")})` };
    const problem = unknownRef(box, refs[index]!);
    return problem ? { problem: `in ${specId}: ${problem}` } : { stack: index, ref: box };
  }
  const having = stacks.flatMap((s, i) => (refs[i]!.includes(ref) ? [i] : []));
  if (having.length === 1) return { stack: having[0]!, ref };
  if (having.length > 1) return { problem: `"${ref}" names a box in ${having.map((i) => stacks[i]!.id).join(" and ")}; say which: ${having.map((i) => `${stacks[i]!.id}.${ref}`).join(" or ")}` };
  return { problem: unknownRef(ref, [...new Set(refs.flat())])! };
}
