import type { StackTree } from "./stack-layout.js";

/**
 * The stack a flowchart vstack printed says, read back from its nodes and lines: a frame is
 * `subgraph <id>_frame` holding the unit's own box `<id>`; `a --- b` (a line without heads) says
 * b runs on a, and within a frame a box's row is one above the highest box it runs on; a box of
 * class `vstackSpan` spans its row. Read the same way in the page (from what Mermaid parsed) and
 * in Node (from vstack's own flow, to fit labels to the width before printing).
 */

/** What the reading needs of a node: Mermaid's layout data has these fields. */
export interface TreeNode {
  id: string;
  parentId?: string;
  isGroup?: boolean;
  cssClasses?: string;
}
export interface TreeEdge {
  start: string;
  end: string;
  arrowTypeStart?: string;
  arrowTypeEnd?: string;
}

export const FRAME = "_frame";
/** The legend's subgraph: boxes for plain Mermaid, left out of the stack (the page draws its own legend). */
export const LEGEND = "vstackLegend";

/** The class that marks a box as tall as its row (printed by the flowchart template). */
export const SPAN = "vstackSpan";
/** The class the page gives a box drawn taller than its text: a layer that fills a row lined up with frames beside it. */
export const FILLED = "vstackFilled";

/** Classes that mark how a box is drawn, not its kind: Mermaid's own `default`, and vstack's. */
const MARKS = new Set(["default", SPAN, FILLED]);

/** A line without heads: "runs on", structure the layout reads, never drawn. */
export const isStacking = (e: TreeEdge) => [e.arrowTypeStart, e.arrowTypeEnd].every((head) => head === undefined || head === "none" || head === "arrow_open");

/** The stacks of a flowchart vstack printed: the top level's, and each frame's. */
export function stackTree(nodes: TreeNode[], edges: TreeEdge[]): StackTree {
  // Indexed once: each frame's children, and what each box runs on.
  const children = new Map<string | undefined, TreeNode[]>();
  for (const n of nodes) children.get(n.parentId)?.push(n) ?? children.set(n.parentId, [n]);
  const runsOn = new Map<string, string[]>();
  for (const e of edges) if (isStacking(e)) runsOn.get(e.end)?.push(e.start) ?? runsOn.set(e.end, [e.start]);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const level = new Map<string, number>();
  const stackOf = (container: string | undefined): StackTree => {
    const header = container?.endsWith(FRAME) ? container.slice(0, -FRAME.length) : undefined;
    // In the order vstack printed them (Mermaid lists subgraphs apart, last first): vstack's ids
    // number entries and units from the bottom left.
    const inside = (children.get(container) ?? []).filter((n) => n.id !== header && n.id !== LEGEND).sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }));
    // A child frame stands in its row as its own box, the header it holds.
    const cellOf = new Map(inside.map((n) => [n.isGroup && n.id.endsWith(FRAME) ? n.id.slice(0, -FRAME.length) : n.id, n]));
    const levelOf = (id: string, seen: Set<string>): number => {
      if (level.has(id)) return level.get(id)!;
      if (seen.has(id)) return 0;
      seen.add(id);
      const below = (runsOn.get(id) ?? []).filter((b) => cellOf.has(b));
      const l = Math.max(-1, ...below.map((b) => levelOf(b, seen))) + 1;
      level.set(id, l);
      return l;
    };
    const rows: StackTree = [];
    for (const [id, node] of cellOf) {
      const l = levelOf(id, new Set());
      const classes = (byId.get(id)?.cssClasses ?? "").split(" ");
      const look = classes.filter((c) => c !== "" && !MARKS.has(c)).sort().join(" ");
      const cell = { id, ...(look && { look }) };
      (rows[l] ??= { cells: [] }).cells.push(node.isGroup ? { ...cell, stack: stackOf(node.id) } : classes.includes(SPAN) ? { ...cell, span: true } : cell);
    }
    return rows.filter(Boolean);
  };
  return stackOf(undefined);
}
