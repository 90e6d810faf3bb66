import type { BlockCell, DiagramModel, FlowItem, SpaceCell } from "../layout/model.js";
import { commentText, formatInlineLabel, formatLabel } from "./escape.js";

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
export interface PrintModel extends Omit<DiagramModel, "rows" | "flow"> {
  /** One-line comment text safe to print after `%%`. */
  comment: string;
  rows: Array<{ cells: Array<PrintBlockCell | SpaceCell> }>;
  flow: PrintFlowItem[];
}

export function printModel(model: DiagramModel): PrintModel {
  return {
    ...model,
    comment: commentText(`${model.title} (vstack spec "${model.id}")`),
    rows: model.rows.map((row) => ({ cells: row.cells.map((cell) => (cell.space ? cell : { ...cell, text: formatLabel(cell.label, cell.detail) })) })),
    flow: model.flow.map(printItem),
  };
}

function printItem({ items, ...item }: FlowItem): PrintFlowItem {
  const text = item.inline ? formatInlineLabel(item.label, item.detail) : formatLabel(item.label, item.detail);
  return { ...item, text, ...(items && { items: items.map(printItem) }) };
}
