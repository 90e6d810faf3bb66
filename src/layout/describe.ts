import { READING, uiText } from "../i18n/ui-strings.js";
import { LINK_STYLE_NAMES } from "../spec-format/links.js";
import type { Entry, Spec } from "../spec-format/types.js";
import { linksOf } from "./link-ends.js";

/** A plain-text reading of a diagram, bottom → top, then who talks to whom, for the SVG's `<desc>` and alt text, in the spec's language. */
export function describeSpec(spec: Spec): string {
  const say = (template: string, values: Record<string, string>) => uiText(spec.lang, template).replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
  const describeStack = (stack: Entry[]): string =>
    stack
      .map((entry) => {
        if (entry.type === "layer") return entry.detail ? `${entry.label} (${entry.detail})` : entry.label;
        const units = entry.units.map((u) => (u.stack.length ? `${u.label}: ${describeStack(u.stack)}` : u.label));
        return say(READING.sideBySide, { units: units.join("; ") });
      })
      .join(" → ");
  const intro = spec.summary ? `${spec.summary} ` : "";
  const stacks = spec.type === "stack" ? say(READING.stack, { stack: describeStack(spec.stack) }) : spec.stacks.map((s) => say(READING.compared, { title: s.title, stack: describeStack(s.stack) })).join(" ");
  // "Arrows: containerd creates containerd-shim; docker CLI → dockerd: Engine API, /var/run/docker.sock; …"
  // A labelled arrow says what its label says, not its style's verb (a "limits" arrow does not "call").
  const said = linksOf(spec).map((l) =>
    l.label !== undefined ? `${l.fromLabel} ${l.both ? "↔" : "→"} ${l.toLabel}: ${l.label}` : say(l.both ? READING.both : LINK_STYLE_NAMES[l.style].says, { from: l.fromLabel, to: l.toLabel }),
  );
  return `${intro}${stacks}${said.length > 0 ? ` ${say(READING.arrows, { links: said.join("; ") })}` : ""}`;
}
