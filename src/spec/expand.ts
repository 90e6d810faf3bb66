import type { EntryInput, StackSpecInput, UnitInput } from "./schema.js";
import { metaOf, type Entry, type StackSpec, type Unit } from "./types.js";

/** Turns a validated stack spec into the model layout uses: repeats expanded, `{n}` filled in. */
export function expandStackSpec(input: StackSpecInput, file: string): StackSpec {
  return { type: "stack", ...metaOf({ ...input, file }), stack: expandStack(input.stack, undefined) };
}

function expandStack(stack: EntryInput[], n: number | undefined): Entry[] {
  return stack.map((entry): Entry => {
    if ("units" in entry) return { type: "units", units: entry.units.flatMap((u) => expandUnit(u, n)) };
    return {
      type: "layer",
      label: fill(entry.layer, n),
      kind: entry.kind,
      ...(entry.detail !== undefined && { detail: fill(entry.detail, n) }),
      ...(entry.id !== undefined && { id: suffix(entry.id, n) }),
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
      ...(unit.detail !== undefined && { detail: fill(unit.detail, n) }),
      ...(unit.id !== undefined && { id: suffix(unit.id, unit.repeat === undefined ? outer : n) }),
      stack: expandStack(unit.stack ?? [], n),
    };
  });
}

function fill(text: string, n: number | undefined): string {
  return n === undefined ? text : text.replaceAll("{n}", String(n));
}

function suffix(id: string, n: number | undefined): string {
  return n === undefined ? id : `${id}-${n}`;
}
