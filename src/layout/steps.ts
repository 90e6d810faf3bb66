import type { DiagramModel } from "./model.js";

/**
 * The boxes of a picture in the order a talk builds it: one grid row at a time, bottom → top,
 * as the systems are built (hardware, then what runs on it). Comparisons share their rows, so
 * every stack grows at once on one baseline. Captions (a comparison's stack titles) show from
 * the first frame. Each step lists the Mermaid node ids that appear with it.
 */
export function buildSteps(model: DiagramModel): string[][] {
  const steps: string[][] = [];
  for (const row of [...model.rows].reverse()) {
    const ids = row.cells.flatMap((c) => (c.space || c.kind === "caption" ? [] : [c.nodeId]));
    if (ids.length > 0) steps.push(ids);
  }
  return steps;
}

/** File-name part of step `n` (1-based) of `count`: `step-01`, so names sort in order. */
export function stepName(n: number, count: number): string {
  return `step-${String(n).padStart(Math.max(2, String(count).length), "0")}`;
}
