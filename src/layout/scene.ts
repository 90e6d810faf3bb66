import type { LinkStyle } from "../spec-format/links.js";
import { linkLook } from "../spec-format/links.js";
import { arrowScene, route } from "./arrow-scene.js";
import type { LayoutOptions } from "./fit-width.js";
import { flowItems, flowTree } from "./flow-tree.js";
import type { ClassModel, DiagramModel } from "./model.js";
import { routeLinks } from "./route-links.js";
import { layoutStack, STACK_SPACING, type Rect } from "./stack-layout.js";
import { arrowLabelSize, boxSize, DETAIL_RATIO } from "./text-box.js";

/**
 * A stack diagram placed, in CSS pixels, by the layout the picture uses (layoutStack with the
 * same lanes, routeLinks with the same scene) but measured with the font metrics vstack carries
 * instead of in a browser: what a printer that draws without Mermaid reads (the editable deck).
 * Its positions match the SVG's to the metrics' accuracy: in the gallery every box within 6 px,
 * most within 2 (test/render/stack-layout.test.ts compares them).
 */
export interface Scene {
  width: number;
  height: number;
  /** The label size; details are drawn `1/DETAIL_RATIO` of it. */
  fontSize: number;
  detailSize: number;
  /** What a unit isolates, outer before inner: drawn first, with its unit's outline and no fill. */
  frames: SceneFrame[];
  boxes: SceneBox[];
  arrows: SceneArrow[];
  /** The words of arrows whose label had no room by their line, each shown there as its number. */
  keys: Array<{ n: number; text: string }>;
}

export interface SceneFrame {
  /** The unit's box id (its header band): a build step hides the frame with it. */
  id: string;
  rect: Rect;
  look: ClassModel;
  /** A compared stack's frame: no outline, its name as text above. */
  bare: boolean;
}

export interface SceneBox {
  id: string;
  rect: Rect;
  look: ClassModel;
  /** Lines as wrapped for the picture. */
  label: string[];
  detail: string[];
  bare: boolean;
}

export interface SceneArrow {
  from: string;
  to: string;
  /** The line, from the first box's border to the second's. */
  points: Array<[number, number]>;
  style: LinkStyle;
  strokeWidth: number;
  dash?: string;
  both: boolean;
  /** The label's lines and where they sit, when there was room by the line. */
  label?: { rect: Rect; lines: string[] };
  /** A numbered marker (its words in `keys`) where the label had no room. */
  marker?: { x: number; y: number; n: number };
}

/** The room Mermaid leaves round a drawing, each side. */
const MARGIN = 8;

/** Places a laid-out stack diagram (its labels already wrapped by fit-flow.ts). */
export function placeModel(model: DiagramModel, layout: LayoutOptions): Scene {
  const { fontSize } = layout;
  const items = flowItems(model.flow);
  const classOf = new Map<string, ClassModel>();
  for (const cls of model.classes) for (const id of cls.nodeIds.split(",")) classOf.set(id, cls);
  const sizes = new Map([...items].map(([id, it]) => [id, boxSize(it, fontSize)]));
  // As the page does: an arrow's lane holds its label when it is the first of its copies.
  const labels = new Map(model.arrows.map((a) => [a, arrowLabelSize(a, fontSize)]));
  const lanes = model.arrows.map((a) => ({ from: a.from, to: a.to, label: labels.get(a) ?? { width: 0, height: 0 } }));
  const placed = layoutStack(flowTree(model.flow, model.links), (id) => sizes.get(id) ?? { width: 0, height: 0 }, STACK_SPACING, lanes);
  const arrows = model.arrows.filter((a) => placed.boxes.has(a.from) && placed.boxes.has(a.to));
  const routes = routeLinks(arrowScene(placed, (id) => sizes.get(id), arrows.map((a) => ({ from: a.from, to: a.to, ...(labels.get(a) && { label: labels.get(a) }) }))));

  const keys: Scene["keys"] = [];
  const sceneArrows = arrows.map((a, i): SceneArrow => {
    const routed = routes[i]!;
    const points = routed.points.length >= 2 ? routed.points : route(placed.boxes.get(a.from)!, placed.boxes.get(a.to)!).map((p): [number, number] => [p.x, p.y]);
    const { width, dash } = linkLook(a.style);
    const lines = a.lines !== undefined && a.copy === 0 ? a.lines.split("\n") : undefined;
    const base = { from: a.from, to: a.to, points, style: a.style, strokeWidth: width, ...(dash && { dash }), both: a.both };
    if (!lines) return base;
    if (routed.label) return { ...base, label: { rect: routed.label, lines } };
    const text = `${a.ends}: ${a.label}`;
    const n = keys.find((k) => k.text === text)?.n ?? keys.length + 1;
    if (n > keys.length) keys.push({ n, text });
    const [x, y] = routed.markers[0] ?? points[Math.floor(points.length / 2)]!;
    return { ...base, marker: { x, y, n } };
  });

  const isBare = (id: string) => items.get(id)?.kind === "caption";
  const look = (id: string) => classOf.get(id) ?? model.classes[0]!;
  const scene: Scene = {
    width: 0,
    height: 0,
    fontSize,
    detailSize: fontSize / DETAIL_RATIO,
    frames: [...placed.frames].map(([id, rect]) => ({ id, rect, look: look(id), bare: isBare(id) })),
    boxes: [...placed.boxes].map(([id, rect]) => {
      const it = items.get(id)!;
      return { id, rect, look: look(id), label: it.label.split("\n"), detail: it.detail?.split("\n") ?? [], bare: isBare(id) };
    }),
    arrows: sceneArrows,
    keys,
  };
  return framed(scene);
}

/** The scene moved so that everything drawn sits inside it with Mermaid's margin round it. */
function framed(scene: Scene): Scene {
  const rects = [...scene.frames.map((f) => f.rect), ...scene.boxes.map((b) => b.rect), ...scene.arrows.flatMap((a) => (a.label ? [a.label.rect] : []))];
  const xs = [...rects.flatMap((r) => [r.x, r.x + r.width]), ...scene.arrows.flatMap((a) => a.points.map((p) => p[0]))];
  const ys = [...rects.flatMap((r) => [r.y, r.y + r.height]), ...scene.arrows.flatMap((a) => a.points.map((p) => p[1]))];
  const [dx, dy] = [MARGIN - Math.min(...xs), MARGIN - Math.min(...ys)];
  const move = (r: Rect): Rect => ({ ...r, x: r.x + dx, y: r.y + dy });
  return {
    ...scene,
    width: Math.max(...xs) - Math.min(...xs) + 2 * MARGIN,
    height: Math.max(...ys) - Math.min(...ys) + 2 * MARGIN,
    frames: scene.frames.map((f) => ({ ...f, rect: move(f.rect) })),
    boxes: scene.boxes.map((b) => ({ ...b, rect: move(b.rect) })),
    arrows: scene.arrows.map((a) => ({
      ...a,
      points: a.points.map(([x, y]): [number, number] => [x + dx, y + dy]),
      ...(a.label && { label: { ...a.label, rect: move(a.label.rect) } }),
      ...(a.marker && { marker: { ...a.marker, x: a.marker.x + dx, y: a.marker.y + dy } }),
    })),
  };
}

/**
 * The scene at a build step: the boxes not yet shown left out, with their frames and arrows, in
 * place (nothing moves between steps); the key keeps the numbers still drawn.
 */
export function sceneWithout(scene: Scene, hidden: readonly string[]): Scene {
  if (hidden.length === 0) return scene;
  const gone = new Set(hidden);
  const arrows = scene.arrows.filter((a) => !gone.has(a.from) && !gone.has(a.to));
  const numbers = new Set(arrows.flatMap((a) => (a.marker ? [a.marker.n] : [])));
  return {
    ...scene,
    frames: scene.frames.filter((f) => !gone.has(f.id)),
    boxes: scene.boxes.filter((b) => !gone.has(b.id)),
    arrows,
    keys: scene.keys.filter((k) => numbers.has(k.n)),
  };
}
