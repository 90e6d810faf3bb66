import { lookKey } from "./look-key.js";
import type { Entry } from "../spec/types.js";
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
          items.push({ nodeId: uid, kind: lookKey(unit), ...labelOf(unit) });
        } else {
          const inner = flowOfStack(unit.stack, `${uid}_`);
          items.push({ nodeId: uid, kind: lookKey(unit), ...labelOf(unit), inline: true, items: inner.items });
          links.push(...inner.links);
        }
        return uid;
      });
    }
    for (const from of below) for (const to of here) links.push({ from, to });
    below = here;
  });
  return { items, links };
}

function labelOf(box: { label: string; detail?: string }): { label: string; detail?: string } {
  return { label: box.label, ...(box.detail !== undefined && { detail: box.detail }) };
}
