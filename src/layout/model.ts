import type { Theme } from "../kinds/palette.js";
import type { BoxLink } from "./link-ends.js";

/**
 * The laid-out diagram: every number a template needs (rows, spans, columns) is decided here,
 * so templates do no arithmetic. Text stays plain; emit escapes it once, for Mermaid
 * (`emit/print-model.ts`), so layout knows nothing of Mermaid's syntax.
 */
export interface DiagramModel {
  id: string;
  title: string;
  summary?: string;
  sources: string[];
  theme: Theme;
  /** Mermaid's own theme under our palette: `default` for light, `dark` for dark. */
  mermaidTheme: "default" | "dark";
  /** The theme's text colour and page colour (arrow labels are written in one on the other). */
  ink: string;
  paper: string;
  /** Mermaid's block padding: the room around a label is 2× it on each side, and the gap between boxes. */
  blockPadding: number;
  /** Mermaid's flowchart padding: the room round a label is 2× it each side, 1× above and below. */
  boxPadding: number;
  /** The grid for block diagrams: `columns` wide, rows top → bottom. */
  columns: number;
  rows: GridRow[];
  /** The same diagram as nested groups, for flowcharts: items bottom → top. */
  flow: FlowItem[];
  links: FlowLink[];
  /** Arrows between boxes (who talks to whom): edges in a flowchart; drawn over a block diagram by the renderer. */
  arrows: BoxLink[];
  /** One class per kind in use, with the nodes that carry it. */
  classes: ClassModel[];
  /**
   * The legend as boxes of the flowchart's text (`subgraph vstackLegend`), one per kind drawn, with
   * the class it is drawn with: plain Mermaid shows it; vstack's layout leaves it to the page's own.
   */
  legend: Array<{ nodeId: string; label: string; className: string }>;
  /** Comma-separated ids of the boxes that span their row (class `vstackSpan`, read by the stack layout); empty when none. */
  spanIds: string;
}

export interface GridRow {
  cells: GridCell[];
}

export type GridCell = BlockCell | SpaceCell;

export interface BlockCell {
  space?: false;
  /** A Mermaid-safe node id. */
  nodeId: string;
  /** The look it is drawn with: a kind, `<kind>_<boundary>` (see look-key.ts) or caption. */
  kind: string;
  label: string;
  detail?: string;
  span: number;
}

export interface SpaceCell {
  space: true;
  span: number;
}

export interface FlowItem {
  nodeId: string;
  /** The look it is drawn with: a kind, `<kind>_<boundary>` (see look-key.ts) or caption. */
  kind: string;
  label: string;
  detail?: string;
  /**
   * Present for a group (a unit with a stack of its own, or a compared stack): its items, bottom
   * → top, drawn in a frame (`<nodeId>_frame`) that also holds the group's own box (`nodeId`).
   */
  items?: FlowItem[];
  /** A box as tall as its row, beside the frames in it. */
  span?: boolean;
}

export interface FlowLink {
  from: string;
  to: string;
}

export interface ClassModel {
  name: string;
  fill: string;
  stroke: string;
  color: string;
  /** The outline's width in px and dash pattern (none: solid). */
  strokeWidth: number;
  dash?: string;
  /** Comma-separated node ids, as `class a,b,c name` wants them. */
  nodeIds: string;
}
