import type { FlowItem, FlowLink } from "./model.js";
import type { StackTree } from "./stack-layout.js";
import { FRAME, stackTree, SPAN, type TreeEdge, type TreeNode } from "./stack-tree.js";

/**
 * The stack tree of vstack's own flow (before it is printed), read as the page reads the printed
 * flowchart (stack-tree.ts): each group a frame `<id>_frame` holding its own box, `stacking` the
 * "runs on" lines. The picture's fitting (fit-flow.ts) and the terminal drawing lay out this tree.
 */
export function flowTree(flow: FlowItem[], stacking: FlowLink[]): StackTree {
  const nodes: TreeNode[] = [];
  const walk = (list: FlowItem[], parentId: string | undefined) => {
    for (const item of list) {
      const frame = item.items && `${item.nodeId}${FRAME}`;
      if (frame) nodes.push({ id: frame, isGroup: true, ...(parentId && { parentId }) });
      const parent = frame ?? parentId;
      nodes.push({ id: item.nodeId, ...(parent && { parentId: parent }), cssClasses: item.span ? `${item.kind} ${SPAN}` : item.kind });
      if (item.items) walk(item.items, frame);
    }
  };
  walk(flow, undefined);
  const edges: TreeEdge[] = stacking.map((l) => ({ start: l.from, end: l.to }));
  return stackTree(nodes, edges);
}

/** Every item of the flow, nested ones too, by node id. */
export function flowItems(flow: FlowItem[]): Map<string, FlowItem> {
  const items = new Map<string, FlowItem>();
  const index = (list: FlowItem[]): void => list.forEach((item) => (items.set(item.nodeId, item), item.items && index(item.items)));
  index(flow);
  return items;
}
