import { outline, swatch, type Theme } from "../palette.js";
import { KIND_NAMES, KINDS, type Kind } from "../spec/kinds.js";
import type { Spec } from "../spec/types.js";

/** Where the legend of kinds goes: under the drawing, beside it, or nowhere. */
export const LEGEND_PLACES = ["bottom", "right", "off"] as const;
export type LegendPlace = (typeof LEGEND_PLACES)[number];

export interface LegendEntry {
  label: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
}

/**
 * What vstack draws around Mermaid's drawing, in the page, as plain SVG: a legend of the kinds
 * used (so a reader can decode the colours and outlines) and a caption (the title above, the
 * sources' hosts below), for pictures pasted where the page's own heading is not.
 */
export interface Decorations {
  /** The colour of legend and caption text. */
  ink: string;
  legend?: { place: "bottom" | "right"; entries: LegendEntry[] };
  caption?: { title: string; footer?: string };
}

export function decorationsOf(spec: Spec, theme: Theme, { legend, caption }: { legend: LegendPlace; caption: boolean }): Decorations {
  const entries = kindsUsed(spec).map((kind): LegendEntry => {
    const { fill, stroke } = swatch(theme, kind);
    const { width, dash } = outline(kind);
    return { label: KIND_NAMES[kind], fill, stroke, strokeWidth: width, ...(dash && { dash }) };
  });
  const hosts = [...new Set(spec.sources.flatMap((s) => hostOf(s) ?? []))];
  return {
    ink: swatch(theme, "caption").color,
    ...(legend !== "off" && entries.length > 0 && { legend: { place: legend, entries } }),
    ...(caption && { caption: { title: spec.title, ...(hosts.length > 0 && { footer: `Sources: ${hosts.join(", ")}` }) } }),
  };
}

/** Every kind the spec draws, in the order of KINDS (bottom of a stack to top). */
function kindsUsed(spec: Spec): Kind[] {
  const used = new Set<Kind>();
  const walk = (stack: Extract<Spec, { type: "stack" }>["stack"]) => {
    for (const entry of stack) {
      if (entry.type === "layer") used.add(entry.kind);
      else
        for (const unit of entry.units) {
          used.add(unit.kind);
          walk(unit.stack);
        }
    }
  };
  for (const stack of spec.type === "stack" ? [spec] : spec.stacks) walk(stack.stack);
  return KINDS.filter((k) => used.has(k));
}

function hostOf(source: string): string | undefined {
  try {
    return new URL(source).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}
