import type { Entry, Layer, Unit } from "./types.js";

/**
 * Visits every box of a stack (layers and units, a unit before its own stack) with the node id
 * the drawing gives it: `<prefix>e<i>` for the i-th entry, `u<j>` for its j-th unit, `_` before
 * a unit's own stack (`e2u0_e1`), as grid.ts and flow.ts number them.
 */
export function eachBox(stack: Entry[], prefix: string, visit: (box: Layer | Unit, nodeId: string) => void): void {
  stack.forEach((entry, i) => {
    const id = `${prefix}e${i}`;
    if (entry.type === "layer") return visit(entry, id);
    entry.units.forEach((unit, j) => {
      visit(unit, `${id}u${j}`);
      eachBox(unit.stack, `${id}u${j}_`, visit);
    });
  });
}
