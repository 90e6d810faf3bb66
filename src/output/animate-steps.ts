/**
 * The build of a picture as a CSS animation inside its SVG (`--steps animate`): each row of
 * boxes fades in after the one below it, arrows with the later of their two ends, once; the
 * legend and captions are there from the start. A reader who asks for reduced motion sees the
 * finished picture at once, and so does a renderer without CSS animations (librsvg, Office):
 * without the animation every box is simply shown.
 */

import { applyEdits, readSvg, rootOf } from "./svg-source.js";
import { stylesheetEdit } from "./svg-style.js";

/** Seconds per step, and how long a row takes to fade in. */
const STEP = 0.8;
const FADE = 0.4;
const BOX_ID = /^[\w-]+$/;

export function animatedSvg(svg: string, steps: string[][]): string {
  if (steps.length < 2) return svg;
  const elements = readSvg(svg);
  const root = rootOf(elements)?.attributes.get("id")?.value;
  if (!root) return svg;
  const at = new Map(steps.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
  const rules: string[] = [];
  // A box: a block diagram's `#<root>-<id>`, or a flowchart's `<root>-flowchart-<id>-<n>` and the frame it heads.
  const boxes = (id: string) => [`#${root}-${cssEscape(id)}`, `[id^="${root}-flowchart-${id}-"]`, `#${root}-${cssEscape(id)}_frame`];
  steps.forEach((ids, i) => {
    if (i === 0) return;
    rules.push(`${ids.flatMap(boxes).join(",")}{animation-delay:${(i * STEP).toFixed(1)}s}`);
  });
  // An arrow names the boxes it joins (data-from, data-to on a flowchart's line and label, and on
  // a block diagram's link and its label or number): it appears with the later of its ends. Read
  // from the parsed SVG, whatever order its attributes come in.
  const arrows = new Map<string, number>();
  for (const element of elements) {
    const [from, to] = [element.attributes.get("data-from")?.value, element.attributes.get("data-to")?.value];
    // Box ids are letters, digits, `_` and `-`; anything else is no arrow of vstack's and goes into no selector.
    if (from !== undefined && to !== undefined && BOX_ID.test(from) && BOX_ID.test(to)) arrows.set(`${from}\u0000${to}`, Math.max(at.get(from) ?? 0, at.get(to) ?? 0));
  }
  for (const [key, i] of arrows) {
    const [from, to] = key.split("\u0000");
    rules.push(`#${root} [data-from="${from}"][data-to="${to}"]{animation-delay:${(i * STEP + FADE).toFixed(1)}s}`);
  }
  const animated = [...steps.slice(1).flat().flatMap(boxes), `#${root} [data-from][data-to]`];
  const css = [
    `@keyframes vstack-step-in{from{opacity:0}to{opacity:1}}`,
    `@media (prefers-reduced-motion:no-preference){${animated.join(",")}{animation:vstack-step-in ${FADE}s ease-out both}${rules.join("")}}`,
  ].join("");
  const added = stylesheetEdit(elements, css);
  return added ? applyEdits(svg, [added]) : svg;
}

/** A node id as a CSS identifier (ids here are letters, digits, `_` and `-`; a leading digit is escaped). */
function cssEscape(id: string): string {
  return id.replace(/^(\d)/, "\\3$1 ").replace(/[^\w-]/g, (c) => `\\${c}`);
}
