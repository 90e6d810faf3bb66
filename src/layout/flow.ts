import { lookKey } from "./look-key.js";
import type { Entry } from "../spec-format/types.js";
import type { FlowItem, FlowLink } from "./model.js";

/** A stack as nested flowchart items (bottom → top) with the links that join each entry to the next. */
export interface Flow {
  items: FlowItem[];
  links: FlowLink[];
}

/** Node ids match the grid's (see grid.ts), so the same classes colour both drawings. */
export function flowOfStack(stack: Entry[], prefix: string): Flow {
  const items: FlowItem[] = [];
  const links: FlowLink[] = [];
  let below: string[] = [];
  stack.forEach((entry, i) => {
    const id = `${prefix}e${i}`;
    let here: string[];
    if (entry.type === "layer") {
      items.push({ nodeId: id, kind: lookKey(entry), ...labelOf(entry) });
      here = [id];
    } else {
      here = entry.units.map((unit, j) => {
        const uid = `${id}u${j}`;
        if (unit.stack.length === 0) {
          items.push({ nodeId: uid, kind: lookKey(unit), ...labelOf(unit), ...(unit.span && { span: true }) });
        } else {
          const inner = flowOfStack(unit.stack, `${uid}_`);
          items.push({ nodeId: uid, kind: lookKey(unit), ...labelOf(unit), items: inner.items });
          links.push(...headerLinks(uid, inner), ...inner.links);
        }
        return uid;
      });
    }
    for (const from of below) for (const to of here) links.push({ from, to });
    below = here;
  });
  return { items, links };
}

/**
 * A group's own box (its header: the unit's name, inside its frame) stands under its stack, joined
 * to the stack's first entry: what is drawn inside a frame is then tied together, and arrows to
 * and from the unit end at a box, which every Mermaid draws (10.7 and 11.x drop an edge between a
 * subgraph and a node inside it).
 */
export function headerLinks(header: string, inner: Flow): FlowLink[] {
  const first = new Set(inner.links.map((l) => l.to));
  return inner.items.filter((item) => !first.has(item.nodeId)).map((item) => ({ from: header, to: item.nodeId }));
}

function labelOf(box: { label: string; detail?: string }): { label: string; detail?: string } {
  return { label: box.label, ...(box.detail !== undefined && { detail: box.detail }) };
}
