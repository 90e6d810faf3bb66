import type { Kind } from "./kinds.js";

/** A validated spec with its repeats expanded: what layout works from. */
export type Spec = StackSpec | CompareSpec;

interface SpecMeta {
  id: string;
  title: string;
  summary?: string;
  notes: string[];
  sources: string[];
  /** The file it came from, as the user named it. */
  file: string;
}

export interface StackSpec extends SpecMeta {
  type: "stack";
  /** Bottom → top. */
  stack: Entry[];
}

export interface CompareSpec extends SpecMeta {
  type: "compare";
  /** The compared stacks, left → right. */
  stacks: StackSpec[];
  /** Absolute paths of the compared spec files (what a rebuild must watch besides this one). */
  references: string[];
}

export type Entry = Layer | UnitGroup;

export interface Layer {
  type: "layer";
  label: string;
  kind: Kind;
  detail?: string;
  id?: string;
}

export interface UnitGroup {
  type: "units";
  units: Unit[];
}

export interface Unit {
  label: string;
  kind: Kind;
  detail?: string;
  id?: string;
  /** Bottom → top; may be empty for a unit that is just a box. */
  stack: Entry[];
}
