import { declaredLook, type KindTable } from "../kinds/looks.js";
import type { KindDeclarations } from "../kinds/schema.js";
import type { EntryInput, LinkInput, StackSpecInput, UnitInput } from "./schema.js";
import { metaOf, type Entry, type Link, type StackSpec, type Unit } from "./types.js";

/** Turns a validated stack spec into the model layout uses: repeats expanded, `{n}` filled in. */
export function expandStackSpec(input: StackSpecInput, file: string, project: KindDeclarations = {}): StackSpec {
  return {
    type: "stack",
    ...metaOf({ ...input, file }),
    stack: expandStack(input.stack, undefined),
    links: (input.links ?? []).map((l) => linkOf(l, l.from, l.to)),
    kinds: kindTableOf({ ...project, ...input.kinds }),
    facts: input.facts ?? {},
  };
}

/** Declared kinds with their looks worked out (borrowed, derived colours filled in). */
export function kindTableOf(kinds: KindDeclarations | undefined): KindTable {
  return Object.fromEntries(Object.entries(kinds ?? {}).map(([name, decl]) => [name, declaredLook(name, decl)]));
}

/** A link with its defaults filled in and its ends given as `End`. */
export function linkOf<End>(input: LinkInput, from: End, to: End): Link<End> {
  return { from, to, ...(input.label !== undefined && { label: input.label }), style: input.style ?? "control", both: input.both ?? false };
}

function expandStack(stack: EntryInput[], n: number | undefined): Entry[] {
  return stack.map((entry): Entry => {
    const step = entry.step !== undefined ? { step: entry.step } : {};
    if ("units" in entry) return { type: "units", units: entry.units.flatMap((u) => expandUnit(u, n)), ...step };
    return {
      type: "layer",
      label: fill(entry.layer, n),
      kind: entry.kind,
      ...(entry.detail !== undefined && { detail: fill(entry.detail, n) }),
      ...ids(entry.id, n),
      ...step,
    };
  });
}

/** A unit with `repeat: N` becomes N units; `{n}` counts 1..N (the innermost repeat wins). */
function expandUnit(unit: UnitInput, outer: number | undefined): Unit[] {
  const count = unit.repeat ?? 1;
  return Array.from({ length: count }, (_, i) => {
    const n = unit.repeat === undefined ? outer : i + 1;
    return {
      label: fill(unit.unit, n),
      kind: unit.kind,
      ...(unit.boundary !== undefined && { boundary: unit.boundary }),
      ...(unit.detail !== undefined && { detail: fill(unit.detail, n) }),
      ...ids(unit.id, n),
      ...(unit.span === true && { span: true }),
      stack: expandStack(unit.stack ?? [], n),
    };
  });
}

function fill(text: string, n: number | undefined): string {
  return n === undefined ? text : text.replaceAll("{n}", String(n));
}

/** A box's id, numbered under a repeat (`shim-2`), with the id as written kept as its family. */
function ids(id: string | undefined, n: number | undefined): { id?: string; family?: string } {
  if (id === undefined) return {};
  return n === undefined ? { id } : { id: `${id}-${n}`, family: id };
}
