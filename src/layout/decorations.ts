import { lookOf } from "../kinds/looks.js";
import { BACKGROUND, BOUNDARIES, BOUNDARY_NAMES, boundaryOutline, swatch, type Boundary, type Theme } from "../kinds/palette.js";
import { KINDS } from "../kinds/builtin-kinds.js";
import { linkLook, LINK_STYLE_NAMES, LINK_STYLES } from "../spec-format/links.js";
import { eachBox } from "../spec-format/boxes.js";
import type { Spec } from "../spec-format/types.js";
import { linksOf, type BoxLink } from "./link-ends.js";
import { uiText, WORDS } from "../i18n/ui-strings.js";
import type { LegendPlace } from "../presets.js";


export interface LegendEntry {
  label: string;
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
  /** A link style's sample (a short arrow) rather than a kind's swatch. */
  line?: true;
}

/** An arrow for the page to draw over Mermaid's drawing: ends by node id, look, and its words. */
export interface DrawnLink {
  from: string;
  to: string;
  label?: string;
  strokeWidth: number;
  dash?: string;
  both: boolean;
  /** The whole link in words, for the key when the label is shown as a number. */
  key: string;
}

/**
 * What vstack draws around Mermaid's drawing, in the page, as plain SVG: a legend of the kinds
 * used (so a reader can decode the colours and outlines) and a caption (the title above, the
 * sources' hosts below), for pictures pasted where the page's own heading is not.
 */
export interface Decorations {
  /** The colour of legend and caption text. */
  ink: string;
  /** The page's colour under labels and marker numbers. */
  paper: string;
  legend?: { place: "bottom" | "right"; entries: LegendEntry[] };
  caption?: { title: string; footer?: string };
  /** Arrows the page draws (block diagrams; a flowchart draws its own as Mermaid edges). */
  links?: DrawnLink[];
  /**
   * A flowchart's labelled arrows in words, by their ends: the key's text for an arrow whose
   * label vstack's layout finds no room for by its line and shows as a number.
   */
  keys?: Array<{ from: string; to: string; key: string }>;
}

export interface DecorationOptions {
  legend: LegendPlace;
  caption: boolean;
  /** Whether the page draws the links (false when Mermaid's text has them as edges). */
  arrows: boolean;
}

export function decorationsOf(spec: Spec, theme: Theme, { legend, caption, arrows }: DecorationOptions): Decorations {
  const ink = swatch(theme, "caption").color;
  // Built-in words in the spec's language (a declared kind's own label is translated with the spec).
  const say = (text: string) => uiText(spec.lang, text);
  const links = linksOf(spec);
  const used = kindsUsed(spec);
  const kinds = used.kinds.map((kind): LegendEntry => {
    const look = lookOf(kind, spec.kinds);
    const { width, dash } = boundaryOutline(look.boundary);
    return { label: kindWords(spec, kind), fill: look.swatches[theme].fill, stroke: look.swatches[theme].stroke, strokeWidth: width, ...(dash && { dash }) };
  });
  // A unit drawn with another kind's outline: the outline alone, explained.
  const outlines = used.boundaries.map((b): LegendEntry => {
    const { width, dash } = boundaryOutline(b);
    return { label: say(BOUNDARY_NAMES[b]), fill: "none", stroke: ink, strokeWidth: width, ...(dash && { dash }) };
  });
  const styles = LINK_STYLES.filter((s) => links.some((l) => l.style === s)).map((style): LegendEntry => {
    const { width, dash } = linkLook(style);
    return { label: say(LINK_STYLE_NAMES[style].legend), fill: "none", stroke: ink, strokeWidth: width, ...(dash && { dash }), line: true };
  });
  const entries = dedupe([...kinds, ...outlines, ...styles]);
  const hosts = [...new Set(spec.sources.flatMap((s) => hostOf(s) ?? []))];
  return {
    ink,
    paper: BACKGROUND[theme],
    ...(arrows && links.length > 0 && { links: links.map(drawnLink) }),
    ...(!arrows && links.some((l) => l.label !== undefined && l.copy === 0) && { keys: links.filter((l) => l.label !== undefined && l.copy === 0).map((l) => ({ from: l.from, to: l.to, key: keyOf(l) })) }),
    ...(legend !== "off" && entries.length > 0 && { legend: { place: legend, entries } }),
    ...(caption && { caption: { title: spec.title, ...(hosts.length > 0 && { footer: `${say(WORDS.sources)}: ${hosts.join(", ")}` }) } }),
  };
}

/** A link in words, for a key when its label is shown as a number: "docker CLI → dockerd: Engine API". */
function keyOf(link: BoxLink): string {
  return `${link.ends}${link.label !== undefined ? `: ${link.label}` : ""}`;
}

function drawnLink(link: BoxLink): DrawnLink {
  const { width, dash } = linkLook(link.style);
  return {
    from: link.from,
    to: link.to,
    ...(link.label !== undefined && link.copy === 0 && { label: link.label }),
    strokeWidth: width,
    ...(dash && { dash }),
    both: link.both,
    key: keyOf(link),
  };
}

/**
 * Every kind the spec draws, built-ins in the order of KINDS (bottom of a stack to top), then
 * declared kinds in the order they are first drawn; and the boundaries units draw in place of
 * their kind's.
 */
/** The kinds a spec draws, in the legend's order, each with its legend words in the spec's language. */
export function legendKinds(spec: Spec): Array<{ kind: string; label: string }> {
  return kindsUsed(spec).kinds.map((kind) => ({ kind, label: kindWords(spec, kind) }));
}

/** A kind's legend words (a declared kind's own label is translated with the spec; built-in words here). */
function kindWords(spec: Spec, kind: string): string {
  return uiText(spec.lang, lookOf(kind, spec.kinds).label);
}

function kindsUsed(spec: Spec): { kinds: string[]; boundaries: Exclude<Boundary, "none">[] } {
  const kinds = new Set<string>();
  const boundaries = new Set<Boundary>();
  for (const stack of spec.type === "stack" ? [spec] : spec.stacks)
    eachBox(stack.stack, "", (box) => {
      kinds.add(box.kind);
      if ("boundary" in box && box.boundary && box.boundary !== lookOf(box.kind, spec.kinds).boundary) boundaries.add(box.boundary);
    });
  const builtins: readonly string[] = KINDS;
  return {
    kinds: [...builtins.filter((k) => kinds.has(k)), ...[...kinds].filter((k) => !builtins.includes(k))],
    boundaries: BOUNDARIES.filter((b): b is Exclude<Boundary, "none"> => b !== "none" && boundaries.has(b)),
  };
}

/** One entry for kinds that look and read the same (an alias drawn beside the kind it borrows from). */
function dedupe(entries: LegendEntry[]): LegendEntry[] {
  return [...new Map(entries.map((e) => [JSON.stringify(e), e])).values()];
}

function hostOf(source: string): string | undefined {
  try {
    return new URL(source).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}
