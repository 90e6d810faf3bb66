import type { KindTable } from "../kinds/looks.js";
import type { Facts } from "./facts.js";
import type { Family } from "./families.js";
import type { Boundary } from "../kinds/palette.js";
import type { LinkStyle } from "./links.js";
import type { Lang } from "../langs.js";

/** A validated spec with its repeats expanded: what layout works from. */
export type Spec = StackSpec | CompareSpec;

/** What is said about a diagram besides its boxes; copied from one thing to the next by metaOf. */
export interface SpecMeta {
  id: string;
  title: string;
  summary?: string;
  notes: string[];
  sources: string[];
  /** The group `vstack list` and the gallery show it in. */
  family?: Family;
  /** Words `vstack list --search` finds it by besides its id and title: "kvm", "wsl2". */
  tags: string[];
  /** The file it came from, as the user named it. */
  file: string;
}

/** The metadata fields of anything that has them (a spec, a diagram, a report), and nothing else. */
export function metaOf(from: Omit<SpecMeta, "notes" | "tags"> & { notes?: string[] | undefined; tags?: string[] | undefined }): SpecMeta {
  return {
    id: from.id,
    title: from.title,
    ...(from.summary !== undefined && { summary: from.summary }),
    notes: from.notes ?? [],
    sources: from.sources,
    ...(from.family !== undefined && { family: from.family }),
    tags: from.tags ?? [],
    file: from.file,
  };
}

export interface StackSpec extends SpecMeta {
  type: "stack";
  /** Bottom → top. */
  stack: Entry[];
  /** Arrows between boxes of this stack, by box id. */
  links: Link<string>[];
  /** The kinds it declares (a box's kind is one of these or a built-in). */
  kinds: KindTable;
  /** What a comparison table says of it, with sources. */
  facts: Facts;
  /** The language its strings were translated into (absent: English, as written). */
  lang?: Lang;
}

/**
 * An arrow between boxes, each end named by a box id: an id names one box, or every copy of
 * a repeated unit (whose copies are `<id>-1`, `<id>-2`, ...). `End` is the id in a stack, and
 * in a comparison the id with the index of its stack.
 */
export interface Link<End> {
  from: End;
  to: End;
  label?: string;
  style: LinkStyle;
  both: boolean;
}

export interface StackBoxRef {
  stack: number;
  ref: string;
}

export interface CompareSpec extends SpecMeta {
  type: "compare";
  /** The compared stacks, left → right. */
  stacks: StackSpec[];
  /** Absolute paths of the compared spec files (what a rebuild must watch besides this one). */
  references: string[];
  /** The comparison's own arrows, which may join stacks (each stack's own arrows stay with it). */
  links: Link<StackBoxRef>[];
  /** The kinds the stacks declare, with the comparison's own declarations over them. */
  kinds: KindTable;
  lang?: Lang;
}

export type Entry = Layer | UnitGroup;

export interface Layer {
  type: "layer";
  label: string;
  /** A built-in kind or one the spec declares. */
  kind: string;
  detail?: string;
  id?: string;
  /** The id as written, when a repeat made `id` its numbered copy (`shim` for `shim-2`). */
  family?: string;
  /** The build step it joins (see layout/steps.ts). */
  step?: number;
}

export interface UnitGroup {
  type: "units";
  units: Unit[];
  step?: number;
}

export interface Unit {
  label: string;
  kind: string;
  /** Set when the unit's outline is not its kind's. */
  boundary?: Boundary;
  detail?: string;
  id?: string;
  family?: string;
  /** As tall as its row, beside the frames in it (a unit without a stack). */
  span?: boolean;
  /** Bottom → top; may be empty for a unit that is just a box. */
  stack: Entry[];
}
