import type { BoxLink } from "../layout/link-ends.js";
import type { BlockCell, DiagramModel, FlowItem, SpaceCell } from "../layout/model.js";
import type { LinkStyle } from "../spec-format/links.js";
import { commentText, escapeLabel, formatLabel } from "./escape.js";

export interface PrintBlockCell extends BlockCell {
  /** Label and detail escaped and formatted for a Mermaid `"..."` string. */
  text: string;
}

export interface PrintFlowItem extends Omit<FlowItem, "items"> {
  text: string;
  items?: PrintFlowItem[];
}

/**
 * What a template gets: the laid-out model with every text escaped for Mermaid, once, here.
 * Templates do no escaping of their own (`{{escape}}` is there for text a user's template adds).
 */
export interface PrintArrow extends BoxLink {
  /** Mermaid's flowchart operator for the style and direction: `-->`, `<==>`, `-.->`. */
  arrow: string;
  /** The label, escaped (absent: no label). */
  text?: string;
}

/** Mermaid's line for each style: solid for a call, thick for data, dotted for "creates". */
const ARROWS: Record<LinkStyle, string> = { control: "-->", data: "==>", creates: "-.->" };

export interface PrintModel extends Omit<DiagramModel, "rows" | "flow" | "arrows" | "legend"> {
  /** One-line comment text safe to print after `%%`. */
  comment: string;
  rows: Array<{ cells: Array<PrintBlockCell | SpaceCell> }>;
  flow: PrintFlowItem[];
  arrows: PrintArrow[];
  /** The legend's boxes, each with its words escaped as `text`. */
  legend: Array<DiagramModel["legend"][number] & { text: string }>;
}

export function printModel(model: DiagramModel): PrintModel {
  return {
    ...model,
    comment: commentText(`${model.title} (vstack spec "${model.id}")`),
    rows: model.rows.map((row) => ({ cells: row.cells.map((cell) => (cell.space ? cell : { ...cell, text: formatLabel(cell.label, cell.detail) })) })),
    flow: model.flow.map(printItem),
    legend: model.legend.map((entry) => ({ ...entry, text: escapeLabel(entry.label) })),
    arrows: model.arrows.map((a) => ({ ...a, arrow: `${a.both ? "<" : ""}${ARROWS[a.style]}`, ...(a.label !== undefined && a.copy === 0 && { text: escapeLabel(a.lines ?? a.label) }) })),
  };
}

function printItem({ items, ...item }: FlowItem): PrintFlowItem {
  const text = formatLabel(item.label, item.detail);
  return { ...item, text, ...(items && { items: items.map(printItem) }) };
}
