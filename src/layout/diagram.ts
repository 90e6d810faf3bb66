import { lookOf, type KindTable } from "../kinds/looks.js";
import { BACKGROUND, boundaryOutline, swatch, type Theme } from "../kinds/palette.js";
import { parseLookKey } from "./look-key.js";
import type { Spec, StackSpec } from "../spec-format/types.js";
import { BLOCK_PADDING, DEFAULT_LAYOUT, fitRows, type LayoutOptions } from "./fit-width.js";
import { flowOfStack, headerLinks } from "./flow.js";
import { fitFlow } from "./fit-flow.js";
import { flowItems } from "./flow-tree.js";
import { BOX_PADDING } from "./stack-layout.js";
import { block, layoutStack, mergeSpaces, naturalWidth, PLAIN, toGridRows, type GridPlan, type Rows } from "./grid.js";
import { linksOf } from "./link-ends.js";
import { legendKinds } from "./decorations.js";
import type { ClassModel, DiagramModel, FlowItem, FlowLink, GridCell } from "./model.js";

/**
 * Columns per box in a comparison, and in a stack with links: so the one-column gap between
 * stacks, or the lane left for an arrow between units, is narrow beside a box.
 */
export const COMPARE_SCALE = 4;

/** The narrowest a unit's box may be in a comparison before stacks wrap onto another band (CSS px). */
export const MIN_UNIT_WIDTH = 140;

/** Lays out a spec for one theme: every box, row and colour a template prints, text plain. */
export function buildModel(spec: Spec, theme: Theme, layout: LayoutOptions = DEFAULT_LAYOUT): DiagramModel {
  const arrows = linksOf(spec);
  const pairs = arrows.map((l) => [l.from, l.to] as const);
  const grid = spec.type === "stack" ? gridOfStack(spec, arrows.length > 0 ? { scale: COMPARE_SCALE, links: pairs } : PLAIN) : gridOfComparison(spec.stacks, layout.maxWidth, { scale: COMPARE_SCALE, links: pairs });
  const { columns } = grid;
  const fitted = { ...layout, ...(spec.lang && { lang: spec.lang }) };
  const rows = fitRows(grid.rows, columns, fitted);
  const drawn = spec.type === "stack" ? flowOf(spec) : flowOfComparison(spec.stacks);
  const { links } = drawn;
  const { flow, arrows: lined } = fitFlow(drawn.flow, links, arrows, fitted);
  const classes = classesOf(rows, flow, theme, spec.kinds);
  return {
    id: spec.id,
    title: spec.title,
    ...(spec.summary !== undefined && { summary: spec.summary }),
    sources: spec.sources,
    theme,
    mermaidTheme: theme === "dark" ? "dark" : "default",
    ink: swatch(theme, "caption").color,
    paper: BACKGROUND[theme],
    blockPadding: BLOCK_PADDING,
    boxPadding: BOX_PADDING,
    columns,
    rows: toGridRows(rows),
    flow,
    links,
    arrows: lined,
    classes,
    legend: legendOf(spec, classes),
    spanIds: spanIdsOf(flow),
  };
}

/** One legend box per kind drawn, with the class of a box of that kind (its own look, if any box has it). */
function legendOf(spec: Spec, classes: ClassModel[]): DiagramModel["legend"] {
  const seen = new Set<string>();
  return legendKinds(spec).flatMap(({ kind, label }) => {
    const className = classes.find((c) => c.name === kind)?.name ?? classes.find((c) => parseLookKey(c.name).kind === kind)?.name;
    if (!className || seen.has(label)) return [];
    seen.add(label);
    return [{ nodeId: `vstackLegend_${seen.size}`, label, className }];
  });
}

function spanIdsOf(flow: FlowItem[]): string {
  return [...flowItems(flow).values()].filter((it) => it.span).map((it) => it.nodeId).join(",");
}

function gridOfStack(spec: StackSpec, plan: GridPlan): { columns: number; rows: Rows } {
  const columns = naturalWidth(spec.stack, "", plan);
  return { columns, rows: layoutStack(spec.stack, columns, "", plan) };
}

/**
 * Stacks side by side, bases on one baseline, each under a caption naming it. Stacks that would
 * leave a box less than MIN_UNIT_WIDTH wide within the page's width wrap onto further bands,
 * read left to right, top to bottom; each band has its own baseline.
 */
function gridOfComparison(stacks: StackSpec[], maxWidth: number, plan: GridPlan): { columns: number; rows: Rows } {
  const sides = stacks.map((s, i) => {
    const width = naturalWidth(s.stack, `s${i}_`, plan);
    return { spec: s, units: Math.ceil(width / plan.scale), width, rows: layoutStack(s.stack, width, `s${i}_`, plan) };
  });
  const perBand = Math.max(1, Math.floor(maxWidth / MIN_UNIT_WIDTH));
  const bands: Array<typeof sides> = [];
  for (const side of sides) {
    const band = bands.at(-1);
    // Two stacks always share a baseline: that is what a comparison of two is for.
    if (band && (sides.length <= 2 || band.reduce((n, s) => n + s.units, 0) + side.units <= perBand)) band.push(side);
    else bands.push([side]);
  }
  const bandWidth = (band: typeof sides) => band.reduce((sum, s) => sum + s.width, 0) + band.length - 1;
  const columns = Math.max(...bands.map(bandWidth));
  const rows: Rows = [];
  // Rows go bottom → top: the last band first.
  for (const band of [...bands].reverse()) {
    const pad = columns - bandWidth(band);
    const padded = (cells: GridCell[]) => mergeSpaces(pad > 0 ? [...cells, { space: true, span: pad }] : cells);
    const height = Math.max(...band.map((s) => s.rows.length));
    for (let r = 0; r < height; r++) rows.push(padded(joinWithGaps(band.map((s) => s.rows[r] ?? [{ space: true, span: s.width }]))));
    rows.push(padded(joinWithGaps(band.map((s) => [block(`s${sides.indexOf(s)}_title`, "caption", s.spec.title, undefined, s.width)]))));
  }
  return { columns, rows };
}

function joinWithGaps(parts: GridCell[][]): GridCell[] {
  return parts.flatMap((cells, i) => (i === 0 ? cells : [{ space: true as const, span: 1 }, ...cells]));
}

function flowOf(spec: StackSpec): { flow: FlowItem[]; links: FlowLink[] } {
  const { items, links } = flowOfStack(spec.stack, "");
  return { flow: items, links };
}

function flowOfComparison(stacks: StackSpec[]): { flow: FlowItem[]; links: FlowLink[] } {
  const links: FlowLink[] = [];
  const flow = stacks.map((s, i): FlowItem => {
    const inner = flowOfStack(s.stack, `s${i}_`);
    links.push(...headerLinks(`s${i}_title`, inner), ...inner.links);
    return { nodeId: `s${i}_title`, kind: "caption", label: s.title, items: inner.items };
  });
  return { flow, links };
}

/** One class per look in use, in a fixed order, listing every node (grid and flow) drawn with it. */
function classesOf(rows: Rows, flow: FlowItem[], theme: Theme, kinds: KindTable): ClassModel[] {
  const byKind = new Map<string, Set<string>>();
  const add = (kind: string, id: string) => byKind.set(kind, (byKind.get(kind) ?? new Set()).add(id));
  for (const row of rows) for (const cell of row) if (!cell.space) add(cell.kind, cell.nodeId);
  for (const it of flowItems(flow).values()) add(it.kind, it.nodeId);
  return [...byKind.keys()].sort().map((key) => {
    const { kind, boundary } = parseLookKey(key);
    const look = lookOf(kind, kinds);
    const { width, dash } = boundaryOutline(boundary ?? look.boundary);
    return { name: key, ...look.swatches[theme], strokeWidth: width, ...(dash && { dash }), nodeIds: [...byKind.get(key)!].sort().join(",") };
  });
}
