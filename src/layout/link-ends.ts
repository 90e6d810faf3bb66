import type { LinkStyle } from "../spec-format/links.js";
import { eachBox } from "../spec-format/boxes.js";
import type { Entry, Spec } from "../spec-format/types.js";

/** A link between two drawn boxes, by node id, with the boxes' labels (for the key and alt text). */
export interface BoxLink {
  from: string;
  to: string;
  fromLabel: string;
  toLabel: string;
  label?: string;
  /** The label in lines, as a flowchart edge prints it (set by fit-flow.ts). */
  lines?: string;
  style: LinkStyle;
  both: boolean;
  /** 0, or which further arrow this is of a link that fans out to copies (drawn without its label: one says it). */
  copy: number;
  /** The written link's ends in words, every copy named once ("Orchestrator → firecracker 1, firecracker 2"), for the key. */
  ends: string;
}

interface Box {
  nodeId: string;
  label: string;
}

/** The boxes each ref names: a box's id names it, and a repeated unit's id as written names every copy. */
export function boxesByRef(stack: Entry[], prefix: string): Map<string, Box[]> {
  const out = new Map<string, Box[]>();
  eachBox(stack, prefix, ({ id, family, label }, nodeId) => {
    for (const ref of [id, family]) if (ref !== undefined) out.set(ref, [...(out.get(ref) ?? []), { nodeId, label }]);
  });
  return out;
}

/** Every link of a spec between drawn boxes; a ref naming a repeated unit's copies fans out. */
export function linksOf(spec: Spec): BoxLink[] {
  const stacks = spec.type === "stack" ? [spec] : spec.stacks;
  const prefixOf = (i: number) => (spec.type === "stack" ? "" : `s${i}_`);
  const refs = stacks.map((s, i) => boxesByRef(s.stack, prefixOf(i)));
  const ends = [
    ...stacks.flatMap((s, i) => s.links.map((l) => ({ ...l, from: { stack: i, ref: l.from }, to: { stack: i, ref: l.to } }))),
    ...(spec.type === "compare" ? spec.links : []),
  ];
  const out: BoxLink[] = [];
  for (const link of ends) {
    // Validation made sure both ends name boxes. Two families of copies pair up by number
    // (shim → container: each shim to its own container); one box and a family fan out.
    const froms = refs[link.from.stack]?.get(link.from.ref) ?? [];
    const tos = refs[link.to.stack]?.get(link.to.ref) ?? [];
    const pairs = froms.length > 1 && froms.length === tos.length ? froms.map((f, k) => [f, tos[k]!] as const) : froms.flatMap((f) => tos.map((t) => [f, t] as const));
    const named = (boxes: Box[]) => [...new Set(boxes.map((b) => b.label))].join(", ");
    const ends = `${named(froms)} ${link.both ? "↔" : "→"} ${named(tos)}`;
    pairs.forEach(([from, to], copy) => {
      if (from.nodeId !== to.nodeId) out.push({ from: from.nodeId, to: to.nodeId, fromLabel: from.label, toLabel: to.label, ...(link.label !== undefined && { label: link.label }), style: link.style, both: link.both, copy, ends });
    });
  }
  return out;
}
