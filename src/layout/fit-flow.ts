import type { LayoutOptions } from "./fit-width.js";
import type { BoxLink } from "./link-ends.js";
import type { FlowItem, FlowLink } from "./model.js";
import { balanceWidths } from "./balance-widths.js";
import { BOX_PAD, layoutStack, STACK_SPACING, type Lane, type Size } from "./stack-layout.js";
import { flowItems, flowTree } from "./flow-tree.js";
import { arrowLabelSize, boxSize, DETAIL_RATIO, type BoxText as Text } from "./text-box.js";
import { textWidth, wrapText } from "./text-width.js";

/** Arrow labels are wrapped at 120 px: a narrow label keeps its lane narrow. */
const ARROW_LABEL_WIDTH = 120;
/** The margin Mermaid leaves round the drawing, each side. */
const MARGIN = 8;
/**
 * The narrowest (in label sizes) balancing wraps a box's words, unless one width for all had to
 * go narrower: a line of a few words, not a column of one or two.
 */
const COMFORT = 7;
/** Bisection steps: the wrap width to within a pixel or two. */
const ROUNDS = 10;

/**
 * Wraps the flow's labels so that the stack layout, as the page will run it, fits the picture in
 * `maxWidth`: columns as wide as their content while it fits, and where it does not, the width
 * shared so that the picture is as short as it can be (a unit with much to say gets more of it),
 * each box's words wrapped (hyphenated in de/fr/it) only where a line does not fit its share.
 * Sizes come from the font metrics vstack carries, as Mermaid will measure them in Noto.
 */
export function fitFlow(flow: FlowItem[], stacking: FlowLink[], arrows: BoxLink[], layout: LayoutOptions): { flow: FlowItem[]; arrows: BoxLink[] } {
  const { fontSize, lang } = layout;
  const items = flowItems(flow);
  const tree = flowTree(flow, stacking);
  // Arrow labels are wrapped at the boxes' width too, when that is narrower than their own.
  const lineAt = (a: BoxLink, cap: number) => (a.label === undefined ? a : { ...a, lines: wrapText(a.label, Math.min(cap, ARROW_LABEL_WIDTH), false, fontSize, lang) });
  const linedAt = (cap: number) => arrows.map((a) => lineAt(a, cap));
  const lanesOf = (lined: BoxLink[]): Lane[] => lined.map((a) => ({ from: a.from, to: a.to, label: arrowLabelSize(a, fontSize) ?? { width: 0, height: 0 } }));

  // Every box is wrapped at one width, the widest at which the picture fits (found by bisection:
  // the picture only narrows as that width does), or the narrowest allowed; then each box is
  // wrapped again at the width the layout gave it, which a layer or a frame's header often has
  // more of (they are as wide as their stack).
  const room = layout.maxWidth - 2 * MARGIN;
  // A unit's number stays with its name ("Container 1") unless the picture cannot fit so.
  let keepNumbers = true;
  const wrapAt = (width: (id: string) => number) => new Map([...items].map(([id, item]) => [id, wrapped(item, width(id), fontSize, lang, keepNumbers)]));
  const place = (boxes: Map<string, Text>, lined: BoxLink[]) => layoutStack(tree, (id) => boxSize(boxes.get(id)!, fontSize), STACK_SPACING, lanesOf(lined));
  const widthAt = (cap: number) => place(wrapAt(() => cap), linedAt(cap)).width;
  let [low, high] = [3 * fontSize, Math.max(3 * fontSize, ...[...items.values()].map((it) => boxSize(it, fontSize).width))];
  if (widthAt(low) > room) keepNumbers = false;
  if (widthAt(high) <= room) low = high;
  else
    for (let i = 0; i < ROUNDS; i++) {
      const mid = (low + high) / 2;
      if (widthAt(mid) <= room) low = mid;
      else high = mid;
    }
  // An arrow label wrapped narrower than its own width gets it back where the picture still fits:
  // a label beside an arrow between rows, or in a lane other labels already widen, costs nothing.
  const atLow = wrapAt(() => low);
  const lined = linedAt(low);
  let width = place(atLow, lined).width;
  for (const [i, arrow] of arrows.entries()) {
    const wider = lined.with(i, lineAt(arrow, ARROW_LABEL_WIDTH));
    if (wider[i]!.lines === lined[i]!.lines) continue;
    const widened = place(atLow, wider).width;
    if (widened > Math.max(room, width)) continue;
    lined[i] = wider[i]!;
    width = widened;
  }
  // That one width is the fallback. Then each row's width is shared by what its units have to
  // say (balance-widths.ts), each box wrapped at its own share but never narrower than what it
  // must keep whole (or that one width); kept where the picture comes out smaller and still fits.
  const finished = (cap: (id: string) => number, first = wrapAt(cap)) => {
    const placed = place(first, lined);
    const boxes = wrapAt((id) => Math.max(cap(id), (placed.boxes.get(id)?.width ?? 0) - BOX_PAD.x));
    return { boxes, placed: place(boxes, lined) };
  };
  let best = finished(() => low, atLow);
  if (low < high) {
    const floor = (item: Text) => Math.min(low, Math.max(unbroken(item, fontSize), COMFORT * fontSize));
    const steps = new Map([...items].map(([id, item]) => [id, wrapSteps(item, floor(item), fontSize, lang, keepNumbers)]));
    const least = (id: string) => steps.get(id)!.at(-1)!.size.width;
    const sizeAt = (id: string, width: number) => {
      const list = steps.get(id)!;
      return (list.find((s) => s.size.width <= width) ?? list.at(-1)!).size;
    };
    const shares = balanceWidths(tree, room, { sizeAt, least }, STACK_SPACING, lanesOf(lined));
    const other = finished((id) => (shares.get(id) ?? low + BOX_PAD.x) - BOX_PAD.x);
    const area = ({ placed }: typeof best) => placed.width * placed.height;
    if (other.placed.width <= Math.max(room, best.placed.width) && area(other) < area(best)) best = other;
  }
  const { boxes } = best;
  const apply = (list: FlowItem[]): FlowItem[] => list.map((it) => ({ ...it, ...boxes.get(it.nodeId), ...(it.items && { items: apply(it.items) }) }));
  return { flow: apply(flow), arrows: lined };
}

/**
 * What balancing never wraps a box narrower than: its widest word, or where the writer broke the
 * text into lines, its widest line (balancing only breaks those where one width for all would).
 */
function unbroken({ label, detail }: Text, fontSize: number): number {
  const widest = (text: string, bold: boolean, size: number) => Math.max(0, ...text.split(text.includes("\n") ? "\n" : " ").map((w) => textWidth(w, bold, size)));
  return Math.max(widest(label, true, fontSize), widest(detail ?? "", false, fontSize / DETAIL_RATIO));
}

/**
 * Every way a box's words wrap, from one line down to `least` wide, widest first, each with its
 * size: wrapping at any width from a step's own width up to the next wider step's gives that
 * step (a greedy line break only changes where a line no longer fits), so a handful of wraps
 * answer every width.
 */
function wrapSteps(item: Text, least: number, fontSize: number, lang: LayoutOptions["lang"], keepNumbers: boolean): Array<{ size: Size }> {
  const steps: Array<{ size: Size }> = [];
  let width = Infinity;
  for (;;) {
    const size = boxSize(wrapped(item, width, fontSize, lang, keepNumbers), fontSize);
    const content = size.width - BOX_PAD.x;
    if (steps.length > 0 && content >= width) break;
    steps.push({ size });
    if (content <= least) break;
    width = content - 0.01;
  }
  return steps;
}

/** A label and detail wrapped at `width`. */
function wrapped(item: Text, width: number, fontSize: number, lang: LayoutOptions["lang"], keepNumbers: boolean): Text {
  return { label: wrapText(item.label, width, true, fontSize, lang, keepNumbers), ...(item.detail !== undefined && { detail: wrapText(item.detail, width, false, fontSize / DETAIL_RATIO, lang, keepNumbers) }) };
}
