import type { Entry, Spec } from "../spec/types.js";

/** A plain-text reading of a diagram, bottom → top, for the SVG's `<desc>` and alt text. */
export function describeSpec(spec: Spec): string {
  const intro = spec.summary ? `${spec.summary} ` : "";
  if (spec.type === "stack") return `${intro}Bottom to top: ${describeStack(spec.stack)}.`;
  return `${intro}${spec.stacks.map((s) => `${s.title}, bottom to top: ${describeStack(s.stack)}.`).join(" ")}`;
}

function describeStack(stack: Entry[]): string {
  return stack
    .map((entry) => {
      if (entry.type === "layer") return entry.detail ? `${entry.label} (${entry.detail})` : entry.label;
      const units = entry.units.map((u) => (u.stack.length ? `${u.label}: ${describeStack(u.stack)}` : u.label));
      return `side by side [${units.join("; ")}]`;
    })
    .join(" → ");
}
