import type { Boundary } from "../palette.js";
import type { Entry, Layer, Unit } from "./types.js";

/**
 * The name of the look a box is drawn with, safe as a Mermaid class name (which takes no dash):
 * its kind with `_` for `-`, and `_B<boundary>` after it for a unit whose outline says another
 * boundary. Kinds are lower-case with no `_`, so every name reads back one way.
 */
export function lookKey(box: Layer | Unit): string {
  const kind = box.kind.replaceAll("-", "_");
  return "boundary" in box && box.boundary ? `${kind}_B${box.boundary}` : kind;
}

/** A look's kind and, when a unit set one, its own boundary. */
export function parseLookKey(key: string): { kind: string; boundary?: Boundary } {
  const [kind, boundary] = key.split("_B") as [string, Boundary | undefined];
  return { kind: kind.replaceAll("_", "-"), ...(boundary && { boundary }) };
}

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
