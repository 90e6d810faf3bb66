import { LINK_STYLE_NAMES } from "../spec/links.js";
import type { Entry, Spec } from "../spec/types.js";
import { linksOf } from "./link-ends.js";

/** A plain-text reading of a diagram, bottom → top, then who talks to whom, for the SVG's `<desc>` and alt text. */
export function describeSpec(spec: Spec): string {
  const intro = spec.summary ? `${spec.summary} ` : "";
  const stacks = spec.type === "stack" ? `Bottom to top: ${describeStack(spec.stack)}.` : spec.stacks.map((s) => `${s.title}, bottom to top: ${describeStack(s.stack)}.`).join(" ");
  return `${intro}${stacks}${describeLinks(spec)}`;
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

/** "Arrows: docker CLI calls dockerd (Engine API, /var/run/docker.sock); …" */
function describeLinks(spec: Spec): string {
  const said = linksOf(spec).map((l) => {
    const verb = l.both ? `and ${l.toLabel} talk to each other` : `${LINK_STYLE_NAMES[l.style].verb} ${l.toLabel}`;
    return `${l.fromLabel} ${verb}${l.label !== undefined ? ` (${l.label})` : ""}`;
  });
  return said.length > 0 ? ` Arrows: ${said.join("; ")}.` : "";
}
