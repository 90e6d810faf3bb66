import type { DrawnLink } from "../layout/decorations.js";
import type { LinkScene, RoutedLink } from "../layout/route-links.js";
import type { LinkKeyApi } from "./svg-link-key.js";
import type { SvgFinishApi } from "./svg-finish.js";
import type { LabelLine } from "./renderer.js";

/**
 * Draws a spec's links over Mermaid's block diagram, in the page, as plain SVG: it measures
 * where the boxes and their text are, has `routeLinks` (installed beside it) find each line
 * and label place, and draws lines, arrowheads, labels on a plate of the page's colour, and
 * numbered markers with their key under the drawing. The viewBox grows to hold all of it.
 *
 * Runs inside the page (it is sent as source): it may not use anything from outside its body.
 */
export function installSvgLinks(): void {
  const ns = "http://www.w3.org/2000/svg";
  const measure = document.createElement("canvas").getContext("2d")!;
  const LABEL_SIZE = 13.33; // the detail text's size: legible when an 880 px picture is shown 800 px wide
  const MARKER = 20;

  type Draw = (svg: SVGSVGElement, links: DrawnLink[], look: { ink: string; paper: string }, family: string, firstId: number) => LabelLine[];
  const page = window as unknown as { vstackDrawLinks: Draw; vstackRouteLinks: (scene: LinkScene) => RoutedLink[]; vstackLinkKey: LinkKeyApi; vstackFinish: SvgFinishApi };

  page.vstackDrawLinks = (svg, links, look, family, firstId) => {
    const keys = page.vstackLinkKey;
    const lines: LabelLine[] = [];
    const key: Array<{ n: number; text: string }> = [];
    const frame = svg.getBoundingClientRect();
    const { x: x0, y: y0, width: w, height: h } = page.vstackFinish.viewBox(svg);
    // The SVG is on the page at its own size, so a CSS pixel is a user unit.
    const user = (r: DOMRect) => ({ x: r.left - frame.left + x0, y: r.top - frame.top + y0, width: r.width, height: r.height });
    const boxes: LinkScene["boxes"] = {};
    const prefix = `${svg.id}-`;
    for (const node of Array.from(svg.querySelectorAll("g.node"))) {
      const shape = node.querySelector(":scope > rect, :scope > polygon, :scope > path");
      if (node.id.startsWith(prefix) && shape) boxes[node.id.slice(prefix.length)] = user(shape.getBoundingClientRect());
    }
    const texts = Array.from(svg.querySelectorAll("text")).map((t) => user(t.getBoundingClientRect()));
    const sizeOf = (text: string) => {
      measure.font = `${LABEL_SIZE}px ${family}`;
      return { width: Math.ceil(measure.measureText(text).width) + 10, height: Math.ceil(LABEL_SIZE) + 5 };
    };
    const routes = page.vstackRouteLinks({ boxes, texts, marker: MARKER, links: links.map((l) => ({ from: l.from, to: l.to, ...(l.label !== undefined && { label: sizeOf(l.label) }) })) });

    const add = <K extends keyof SVGElementTagNameMap>(parent: Element, tag: K, attrs: Record<string, string | number>) => {
      const el = document.createElementNS(ns, tag);
      for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, typeof value === "number" ? value.toFixed(2) : value);
      parent.append(el);
      return el;
    };
    const out = { lines, svgId: svg.id, first: firstId, family };
    const group = add(svg, "g", { class: "vstack-links" });
    let [left, top, right, bottom] = [x0, y0, x0 + w, y0 + h];
    const include = (x: number, y: number, margin: number) => {
      [left, top, right, bottom] = [Math.min(left, x - margin), Math.min(top, y - margin), Math.max(right, x + margin), Math.max(bottom, y + margin)];
    };
    // Lines first, then every label and marker over all of them.
    const overlays: Array<() => void> = [];
    routes.forEach((route, i) => {
      const link = links[i]!;
      const g = add(group, "g", { class: "vstack-link" });
      g.setAttribute("data-from", link.from);
      g.setAttribute("data-to", link.to);
      const pts = route.points.map((p) => [...p] as [number, number]);
      if (pts.length >= 2) {
        const head = 7 + link.strokeWidth * 1.5;
        const heads: Array<[[number, number], [number, number]]> = [[pts.at(-2)!, pts.at(-1)!]];
        if (link.both) heads.push([pts[1]!, pts[0]!]);
        const tips = heads.map(([from, tip]) => {
          const len = Math.hypot(tip[0] - from[0], tip[1] - from[1]) || 1;
          return { tip: [...tip] as [number, number], ux: (tip[0] - from[0]) / len, uy: (tip[1] - from[1]) / len };
        });
        // The line stops where the head's base is, so its end does not poke through the tip.
        const end = pts.at(-1)!;
        end[0] -= tips[0]!.ux * head * 0.8;
        end[1] -= tips[0]!.uy * head * 0.8;
        if (link.both) {
          pts[0]![0] -= tips[1]!.ux * head * 0.8;
          pts[0]![1] -= tips[1]!.uy * head * 0.8;
        }
        add(g, "path", {
          d: pts.map((p, k) => `${k === 0 ? "M" : "L"}${p[0].toFixed(2)} ${p[1].toFixed(2)}`).join(" "),
          style: `fill:none;stroke:${look.ink};stroke-width:${link.strokeWidth}px${link.dash ? `;stroke-dasharray:${link.dash}` : ""};stroke-linejoin:round`,
        });
        for (const { tip, ux, uy } of tips) {
          const [bx, by] = [tip[0] - ux * head, tip[1] - uy * head];
          const half = head * 0.45;
          add(g, "path", { d: `M${tip[0].toFixed(2)} ${tip[1].toFixed(2)} L${(bx - uy * half).toFixed(2)} ${(by + ux * half).toFixed(2)} L${(bx + uy * half).toFixed(2)} ${(by - ux * half).toFixed(2)} Z`, style: `fill:${look.ink};stroke:none` });
        }
        for (const p of route.points) include(p[0], p[1], 8);
      }
      overlays.push(() => {
        // Named after the link's ends like its line, so a build step can hide both together.
        const over = add(group, "g", { class: "vstack-link-over", "data-from": link.from, "data-to": link.to });
        if (route.label && link.label !== undefined) {
          const r = route.label;
          const tag = add(over, "g", { class: "vstack-link-label" });
          add(tag, "rect", { x: r.x, y: r.y, width: r.width, height: r.height, rx: 3, style: `fill:${look.paper};stroke:${look.ink};stroke-width:0.75px` });
          keys.text(tag, link.label, { x: r.x + r.width / 2, y: r.y + r.height / 2 + LABEL_SIZE * 0.35, size: LABEL_SIZE, bold: false, fill: look.ink }, out);
          include(r.x, r.y, 4);
          include(r.x + r.width, r.y + r.height, 4);
        } else if (route.markers.length > 0) {
          // Links that say the same (two guests to one back end) share a number.
          const n = key.find((k) => k.text === link.key)?.n ?? key.length + 1;
          if (n > key.length) key.push({ n, text: link.key });
          for (const [cx, cy] of route.markers) {
            keys.marker(over, cx, cy, n, look, out);
            include(cx, cy, MARKER / 2 + 4);
          }
        }
      });
    });
    for (const draw of overlays) draw();
    if (key.length > 0) {
      // What each number stands for, one per line under the drawing (above the legend).
      const drawn = keys.key(svg, key, { left, top: bottom + 8 }, look, out);
      [right, bottom] = [Math.max(right, drawn.right), drawn.bottom];
    }
    svg.setAttribute("viewBox", `${left} ${top} ${right - left} ${bottom - top}`);
    return lines;
  };
}
