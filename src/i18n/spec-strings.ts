import type { EntryInput, SpecInput, StackSpecInput } from "../spec-format/schema.js";

/** Where a string sits in a spec, as a YAML path: `["stack", 1, "detail"]` (for positions and catalog comments). */
export type StringPath = Array<string | number>;

type Change = (text: string, path: StringPath) => string;

/**
 * Every string of a spec a reader sees (title, summary, notes, labels, details, link labels,
 * declared kinds' legend wording, facts' values), passed through `change`. Ids, kinds, tags
 * and sources are not prose: they stay. One walk serves extraction (a `change` that records
 * and returns its input) and translation.
 */
export function mapSpecStrings<S extends SpecInput>(spec: S, change: Change): S {
  const out = { ...spec, title: change(spec.title, ["title"]) };
  if (spec.summary !== undefined) out.summary = change(spec.summary, ["summary"]);
  if (spec.notes) out.notes = spec.notes.map((n, i) => change(n, ["notes", i]));
  if ("stack" in spec) {
    const stack = out as StackSpecInput;
    stack.stack = mapEntries(spec.stack, ["stack"], change);
    if (spec.facts) stack.facts = Object.fromEntries(Object.entries(spec.facts).map(([key, f]) => [key, f && { ...f, value: change(f.value, ["facts", key, "value"]) }]));
  }
  if (spec.links) out.links = spec.links.map((l, i) => (l.label === undefined ? l : { ...l, label: change(l.label, ["links", i, "label"]) }));
  if (spec.kinds)
    out.kinds = Object.fromEntries(Object.entries(spec.kinds).map(([name, k]) => [name, k.label === undefined ? k : { ...k, label: change(k.label, ["kinds", name, "label"]) }]));
  return out as S;
}

function mapEntries(entries: EntryInput[], path: StringPath, change: Change): EntryInput[] {
  return entries.map((entry, i) => {
    const at = [...path, i];
    if ("layer" in entry) return { ...entry, layer: change(entry.layer, [...at, "layer"]), ...(entry.detail !== undefined && { detail: change(entry.detail, [...at, "detail"]) }) };
    return {
      ...entry,
      units: entry.units.map((unit, j) => {
        const here = [...at, "units", j];
        return {
          ...unit,
          unit: change(unit.unit, [...here, "unit"]),
          ...(unit.detail !== undefined && { detail: change(unit.detail, [...here, "detail"]) }),
          ...(unit.stack && { stack: mapEntries(unit.stack, [...here, "stack"], change) }),
        };
      }),
    };
  });
}

/** A spec's strings in reading order, each once, with the path where it first appears. */
export function specStrings(spec: SpecInput): Array<{ text: string; path: StringPath }> {
  const found = new Map<string, StringPath>();
  mapSpecStrings(spec, (text, path) => {
    if (!found.has(text)) found.set(text, path);
    return text;
  });
  return [...found].map(([text, path]) => ({ text, path }));
}
