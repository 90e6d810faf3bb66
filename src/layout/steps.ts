import type { Entry, Spec } from "../spec-format/types.js";
import type { DiagramModel } from "./model.js";

/**
 * The boxes of a picture in the order a talk builds it: one grid row at a time, bottom → top,
 * as the systems are built (hardware, then what runs on it). Comparisons share their rows, so
 * every stack grows at once on one baseline. Captions (a comparison's stack titles) show from
 * the first frame. Entries the spec gives the same `step:` number appear together, at the first
 * of their rows (`step: 3` on a group of VMs: each VM with everything in it at once); the
 * number only groups, the rows still give the order. Each step lists the Mermaid node ids that
 * appear with it.
 */
export function buildSteps(model: DiagramModel, spec: Spec): string[][] {
  const stated = statedStep(spec);
  const steps: string[][] = [];
  const groups = new Map<number, number>();
  for (const row of [...model.rows].reverse()) {
    let here: number | undefined;
    const own = () => (here ??= steps.push([]) - 1);
    for (const cell of row.cells) {
      if (cell.space || cell.kind === "caption") continue;
      const group = stated(cell.nodeId);
      if (group === undefined) steps[own()]!.push(cell.nodeId);
      else {
        if (!groups.has(group)) groups.set(group, own());
        steps[groups.get(group)!]!.push(cell.nodeId);
      }
    }
  }
  return steps;
}

/**
 * The `step:` a node joins: that of the innermost entry on its path that states one. Node ids
 * spell their path: `s1_` (the second compared stack), `e2` (its third entry), `u0` (that
 * entry's first unit), `_e1` (the second entry of the unit's own stack), and so on.
 */
function statedStep(spec: Spec): (nodeId: string) => number | undefined {
  return (nodeId) => {
    const compared = /^s(\d+)_/.exec(nodeId);
    let stack: Entry[] | undefined = spec.type === "stack" ? spec.stack : compared ? spec.stacks[Number(compared[1])]?.stack : undefined;
    let rest = compared ? nodeId.slice(compared[0].length) : nodeId;
    let found: number | undefined;
    for (let m = /^e(\d+)(?:u(\d+))?_?/.exec(rest); stack && m; m = /^e(\d+)(?:u(\d+))?_?/.exec(rest)) {
      const entry: Entry | undefined = stack[Number(m[1])];
      if (!entry) break;
      found = entry.step ?? found;
      if (m[2] === undefined || entry.type !== "units") break;
      stack = entry.units[Number(m[2])]?.stack;
      rest = rest.slice(m[0].length);
    }
    return found;
  };
}

/** File-name part of step `n` (1-based) of `count`: `step-01`, so names sort in order. */
export function stepName(n: number, count: number): string {
  return `step-${String(n).padStart(Math.max(2, String(count).length), "0")}`;
}
