import type { Boundary } from "../kinds/palette.js";
import type { Layer, Unit } from "../spec-format/types.js";

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
