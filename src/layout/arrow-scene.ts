import type { LinkScene } from "./route-links.js";
import { BOX_PAD, type Rect, type Size, type StackPlacement } from "./stack-layout.js";
import { FRAME } from "./stack-tree.js";

/** A numbered marker's diameter, as the page draws it (render/svg-link-key.ts). */
export const MARKER = 20;

/** An arrow between two placed boxes, with its label's size when it has one. */
export interface PlacedArrow {
  from: string;
  to: string;
  label?: Size;
}

/**
 * What the router (route-links.ts) sees of a placed stack: its boxes, its frames and their
 * headers, the text in each box, and the arrows. An arrow between a unit and a box outside it
 * leaves or enters the unit's frame as a whole (the VM calls /dev/kvm, the engine creates the
 * container): from the frame's border, not from its header band through what the frame holds.
 * `measured`: each box's size round its text (its text is that, less the box's padding, centred).
 * Arrows are drawn under the boxes: one across a narrow gap stops at their borders.
 */
export function arrowScene(placed: StackPlacement, measured: (id: string) => Size | undefined, arrows: PlacedArrow[]): LinkScene {
  const within = (outer: Rect, inner: Rect) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  const frames = Object.fromEntries([...placed.frames].map(([id, rect]) => [`${id}${FRAME}`, rect]));
  const endOf = (id: string, other: string) => {
    const frame = placed.frames.get(id);
    return !frame || within(frame, placed.boxes.get(other)!) ? id : `${id}${FRAME}`;
  };
  const links = arrows.map((a) => ({ from: endOf(a.from, a.to), to: endOf(a.to, a.from), ...(a.label && { label: a.label }) }));
  // A header's text is centred on its band, as wide as the label measured.
  const headers = Object.fromEntries(
    [...placed.frames.keys()].flatMap((id) => {
      const [band, size] = [placed.boxes.get(id), measured(id)];
      return band && size ? [[`${id}${FRAME}`, { box: id, text: { ...band, x: band.x + (band.width - size.width) / 2, width: size.width } }]] : [];
    }),
  );
  // Each box's text, centred in it, as large as measured without its padding.
  const texts = [...placed.boxes].map(([id, box]) => {
    const size = measured(id) ?? box;
    const [width, height] = [Math.min(box.width, size.width - BOX_PAD.x), Math.min(box.height, size.height - BOX_PAD.y)];
    return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
  });
  return { boxes: Object.fromEntries(placed.boxes), frames, headers, texts, links, marker: MARKER, into: 0 };
}

/**
 * An orthogonal route from one box's border to another's: straight where they face each other
 * across a shared span, else out of the source's side and into the target's top or bottom.
 */
export function route(from: Rect, to: Rect): Array<{ x: number; y: number }> {
  const shared = (a0: number, a1: number, b0: number, b1: number) => (Math.max(a0, b0) < Math.min(a1, b1) ? (Math.max(a0, b0) + Math.min(a1, b1)) / 2 : undefined);
  const x = shared(from.x, from.x + from.width, to.x, to.x + to.width);
  if (x !== undefined) {
    const down = to.y >= from.y + from.height;
    return [
      { x, y: down ? from.y + from.height : from.y },
      { x, y: down ? to.y : to.y + to.height },
    ];
  }
  const y = shared(from.y, from.y + from.height, to.y, to.y + to.height);
  if (y !== undefined) {
    const right = to.x >= from.x + from.width;
    return [
      { x: right ? from.x + from.width : from.x, y },
      { x: right ? to.x : to.x + to.width, y },
    ];
  }
  const right = to.x >= from.x + from.width;
  const start = { x: right ? from.x + from.width : from.x, y: from.y + from.height / 2 };
  const tx = to.x + to.width / 2;
  const down = to.y >= from.y + from.height / 2;
  return [start, { x: tx, y: start.y }, { x: tx, y: down ? to.y : to.y + to.height }];
}
