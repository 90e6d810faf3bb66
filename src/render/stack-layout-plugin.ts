import { arrowScene, route } from "../layout/arrow-scene.js";
import { layoutStack, STACK_SPACING, type Rect } from "../layout/stack-layout.js";
import { isStacking, stackTree, FILLED, FRAME, SPAN, type TreeEdge, type TreeNode } from "../layout/stack-tree.js";
import { routeLinks } from "../layout/route-links.js";
import { BOX_LINES_CLASS, boxLineCss } from "../layout/box-lines.js";
import type { Keyed } from "./svg-link-key.js";

/**
 * vstack's stack layout as a Mermaid layout (`registerLayoutLoaders`, docs/mermaid-layout-api.md),
 * for the flowchart vstack prints (`config: layout: vstack-stack` in its front matter): Mermaid
 * parses, measures and draws; `layoutStack` decides where boxes and frames go. Where it is not
 * registered (GitHub, GitLab, mmdc) Mermaid falls back to dagre and the text still draws whole.
 * Bundled for the browser (dist/browser/stack-layout.mjs); it runs in the rendering page.
 * How the flowchart says its stack (frames, "runs on" lines, spans) is read in
 * layout/stack-tree.ts; every other edge is an arrow.
 */
export const STACK_LAYOUT = "vstack-stack";

interface LayoutNode extends TreeNode {
  cssCompiledStyles?: string[];
  useHtmlLabels?: boolean;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  padding?: number;
  dir?: string;
}
interface LayoutEdge extends TreeEdge {
  id: string;
  label?: string;
  points?: Array<{ x: number; y: number }>;
  x?: number;
  y?: number;
  curve?: string;
}
interface Selection {
  select(selector: string): Selection;
  insert(name: string): Selection;
  attr(name: string, value: string): Selection;
  remove(): void;
  node(): SVGGraphicsElement;
}
interface LayoutData {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  markers: unknown;
  type: string;
  diagramId: string;
}
interface Helpers {
  getConfig(): unknown;
  insertMarkers(elem: Selection, markers: unknown, type: string, id: string): void;
  insertNode(elem: Selection, node: LayoutNode, options: { config: unknown; dir?: string }): Promise<Selection>;
  insertCluster(elem: Selection, node: LayoutNode): Promise<unknown>;
  insertEdgeLabel(elem: Selection, edge: LayoutEdge): Promise<unknown>;
  insertEdge(elem: Selection, edge: LayoutEdge, clusterDb: Map<string, unknown>, type: string, start: LayoutNode, end: LayoutNode, id: string, skipIntersect: boolean): unknown;
  positionEdgeLabel(edge: LayoutEdge, paths: unknown): void;
}

/** Registers the layout with the page's Mermaid. */
export function registerStackLayout(mermaid: { registerLayoutLoaders(loaders: Array<{ name: string; loader: () => Promise<{ render: typeof render }> }>): void }): void {
  mermaid.registerLayoutLoaders([{ name: STACK_LAYOUT, loader: async () => ({ render }) }]);
}

async function render(data: LayoutData, svg: Selection, h: Helpers): Promise<void> {
  const root = svg.select("g");
  // Before any box is measured: its lines spaced as the layout in Node sizes them (box-lines.ts).
  svg.insert("style").attr("class", BOX_LINES_CLASS).node().textContent = boxLineCss(CSS.escape(svg.node().id));
  h.insertMarkers(root, data.markers, data.type, data.diagramId);
  const frameLayer = root.insert("g").attr("class", "clusters");
  const edgeLayer = root.insert("g").attr("class", "edgePaths");
  const labelLayer = root.insert("g").attr("class", "edgeLabels");
  const nodeLayer = root.insert("g").attr("class", "nodes");
  const config = h.getConfig();
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const boxes = data.nodes.filter((n) => !n.isGroup);
  // Said on each box, Mermaid's label code does not read its whole configuration again (a deep
  // copy, each time) to learn that labels are HTML: a fifth of the page's time went there.
  const html = (config as { htmlLabels?: unknown }).htmlLabels;
  if (html !== false && html !== "false") for (const n of boxes) n.useHtmlLabels ??= true;

  // Measured where Mermaid draws them, then drawn again at the size the layout gives.
  const measured = new Map<string, { width: number; height: number }>();
  for (const n of boxes) {
    const el = await h.insertNode(nodeLayer, n, { config, ...(n.dir && { dir: n.dir }) });
    const box = el.node().getBBox();
    measured.set(n.id, { width: box.width, height: box.height });
    el.remove();
  }
  // Labels are measured first too: the layout reserves a lane for each.
  const arrows = data.edges.filter((e) => !isStacking(e) && measured.has(e.start) && measured.has(e.end));
  for (const e of arrows) if (e.label) await h.insertEdgeLabel(labelLayer, e);
  const lanes = arrows.map((e) => ({ from: e.start, to: e.end, label: labelSize(e) }));
  const placed = layoutStack(stackTree(data.nodes, data.edges), (id) => measured.get(id) ?? { width: 0, height: 0 }, STACK_SPACING, lanes);
  const centre = (n: LayoutNode, r: Rect) => Object.assign(n, { x: r.x + r.width / 2, y: r.y + r.height / 2, width: r.width, height: r.height });

  for (const [id, rect] of placed.frames) {
    const frame = byId.get(`${id}${FRAME}`);
    if (!frame) continue;
    const drawn = (await h.insertCluster(frameLayer, centre(frame, rect))) as { cluster: Selection };
    // The frame is the unit's boundary: its own box's outline (VM heavy, container dashed), no fill.
    const outline = (byId.get(id)?.cssCompiledStyles ?? []).flatMap((d) => d.split(";")).filter((d) => /^\s*stroke(-width|-dasharray)?\s*:/.test(d));
    drawn.cluster.select("rect").attr("style", ["fill:none", ...outline].join(";"));
  }
  for (const n of boxes) {
    const rect = placed.boxes.get(n.id);
    if (!rect) continue;
    centre(n, rect);
    const el = await h.insertNode(nodeLayer, n, { config, ...(n.dir && { dir: n.dir }) });
    el.attr("transform", `translate(${n.x}, ${n.y})`);
    // A layer made as tall as its row (lined up with its neighbours' frames) says so, as a span does.
    const spans = n.cssClasses?.split(" ").includes(SPAN);
    if (!spans && !placed.frames.has(n.id) && rect.height > (measured.get(n.id)?.height ?? 0) + 1) el.node().classList.add(FILLED);
  }
  // Arrows: through the free space between boxes, never over one (vstack's router, as for block diagrams).
  const routes = routeLinks(arrowScene(placed, (id) => measured.get(id), arrows.map((e) => ({ from: e.start, to: e.end, ...(e.label && { label: labelSize(e) }) }))));
  // A label with no room by its line shows a number there instead, which the page explains in a
  // key under the picture (the words come from the page, as vstack wrote them before wrapping).
  const page = window as unknown as { vstackArrowKeys?: Array<{ from: string; to: string; key: string }>; vstackKeyed?: Keyed[] };
  const keyed = (page.vstackKeyed ??= []);
  arrows.forEach((e, i) => {
    const routed = routes[i]!;
    e.points = routed.points.length >= 2 ? routed.points.map(([x, y]) => ({ x, y })) : route(placed.boxes.get(e.start)!, placed.boxes.get(e.end)!);
    e.curve = "linear";
    const label = routed.label;
    const text = e.label && !label ? page.vstackArrowKeys?.find((k) => k.from === e.start && k.to === e.end)?.key : undefined;
    const marker = text !== undefined ? routed.markers[0] : undefined;
    if (text !== undefined && marker) keyed.push({ id: e.id, n: keyed.find((k) => k.text === text)?.n ?? new Set(keyed.map((k) => k.n)).size + 1, text });
    const mid = e.points[Math.floor((e.points.length - 1) / 2)]!;
    const next = e.points[Math.floor((e.points.length - 1) / 2) + 1] ?? mid;
    [e.x, e.y] = label ? [label.x + label.width / 2, label.y + label.height / 2] : marker ? marker : [(mid.x + next.x) / 2, (mid.y + next.y) / 2];
    h.insertEdge(edgeLayer, e, new Map(), data.type, byId.get(e.start)!, byId.get(e.end)!, data.diagramId, true);
    if (e.label) h.positionEdgeLabel(e, {});
    // The line and its label name the boxes they join, as a block diagram's links do: steps hide
    // and reveal them by their ends, not by taking their ids apart.
    const id = CSS.escape(e.id);
    for (const el of [edgeLayer.node().querySelector(`path[id$="-${id}"], path[data-id="${id}"]`), labelLayer.node().querySelector(`[data-id="${id}"]`)?.closest("g.edgeLabel")]) {
      el?.setAttribute("data-from", e.start);
      el?.setAttribute("data-to", e.end);
    }
  });
}

/** An edge label's size as insertEdgeLabel measured it. */
function labelSize(e: LayoutEdge): { width: number; height: number } {
  const measured = e as LayoutEdge & { width?: number; height?: number };
  return { width: measured.width ?? 0, height: measured.height ?? 0 };
}
