/**
 * The build of a picture as a CSS animation inside its SVG (`--steps animate`): each row of
 * boxes fades in after the one below it, arrows with the later of their two ends, once; the
 * legend and captions are there from the start. A reader who asks for reduced motion sees the
 * finished picture at once, and so does a renderer without CSS animations (librsvg, Office):
 * without the animation every box is simply shown.
 */

import { rootId, withStylesheet } from "./svg-style.js";

/** Seconds per step, and how long a row takes to fade in. */
const STEP = 0.8;
const FADE = 0.4;

export function animatedSvg(svg: string, steps: string[][]): string {
  const root = rootId(svg);
  if (!root || steps.length < 2) return svg;
  const at = new Map(steps.flatMap((ids, i) => ids.map((id) => [id, i] as const)));
  const rules: string[] = [];
  // A box: a block diagram's `#<root>-<id>`, or a flowchart's `<root>-flowchart-<id>-<n>` and the frame it heads.
  const boxes = (id: string) => [`#${root}-${cssEscape(id)}`, `[id^="${root}-flowchart-${id}-"]`, `#${root}-${cssEscape(id)}_frame`];
  steps.forEach((ids, i) => {
    if (i === 0) return;
    rules.push(`${ids.flatMap(boxes).join(",")}{animation-delay:${(i * STEP).toFixed(1)}s}`);
  });
  // A flowchart's arrow `L_<from>_<to>_<n>` (its line, and its label's data-id): ids hold
  // underscores, so the split is the one that names two boxes of the build.
  const edges: string[] = [];
  for (const [, edge] of svg.matchAll(/ id="[^"]*?-(L_[\w]+_\d+)"/g)) {
    const middle = edge!.slice(2).replace(/_\d+$/, "");
    for (let k = middle.indexOf("_"); k > 0; k = middle.indexOf("_", k + 1)) {
      const [from, to] = [middle.slice(0, k), middle.slice(k + 1)];
      if (!at.has(from) || !at.has(to)) continue;
      edges.push(`#${root}-${edge}`, `#${root} [data-id="${edge}"]`);
      rules.push(`#${root}-${edge},#${root} [data-id="${edge}"]{animation-delay:${(Math.max(at.get(from)!, at.get(to)!) * STEP + FADE).toFixed(1)}s}`);
      break;
    }
  }
  // An arrow appears with the later of its ends: its line (g.vstack-link) and its label or number (g.vstack-link-over).
  const links = [...svg.matchAll(/<g class="(vstack-link|vstack-link-over)" data-from="([^"]+)" data-to="([^"]+)"/g)];
  const linkSteps = new Map<string, number>();
  for (const [, , from, to] of links) linkSteps.set(`${from}\u0000${to}`, Math.max(at.get(from!) ?? 0, at.get(to!) ?? 0));
  for (const [key, i] of linkSteps) {
    const [from, to] = key.split("\u0000");
    rules.push(`#${root} :is(g.vstack-link,g.vstack-link-over)[data-from="${from}"][data-to="${to}"]{animation-delay:${(i * STEP + FADE).toFixed(1)}s}`);
  }
  const animated = [...steps.slice(1).flat().flatMap(boxes), ...edges, `#${root} g.vstack-link`, `#${root} g.vstack-link-over`];
  const css = [
    `@keyframes vstack-step-in{from{opacity:0}to{opacity:1}}`,
    `@media (prefers-reduced-motion:no-preference){${animated.join(",")}{animation:vstack-step-in ${FADE}s ease-out both}${rules.join("")}}`,
  ].join("");
  return withStylesheet(svg, css);
}

/** A node id as a CSS identifier (ids here are letters, digits, `_` and `-`; a leading digit is escaped). */
function cssEscape(id: string): string {
  return id.replace(/^(\d)/, "\\3$1 ").replace(/[^\w-]/g, (c) => `\\${c}`);
}
