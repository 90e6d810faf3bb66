import type { LabelLine } from "./renderer.js";

/**
 * The lines of text a step writes: each gets the id `<svg id>-t<n>`, numbered on from `first`
 * (the lines written before it), and is recorded for font embedding and outlining.
 */
export interface Written {
  lines: LabelLine[];
  svgId: string;
  first: number;
  family: string;
}

/** A flowchart arrow whose label the layout shows as a number: its edge id, the number, and the words the key gives it. */
export interface Keyed {
  id: string;
  n: number;
  text: string;
}

/** What the page's link drawing shares: text lines, numbered markers, and the key under the drawing. */
export interface LinkKeyApi {
  text(parent: Element, content: string, at: { x: number; y: number; size: number; bold: boolean; fill: string; anchor?: "middle" | "start" }, out: Written): void;
  /** A numbered marker: the number in the page's colour on a disc of ink. */
  marker(parent: Element, cx: number, cy: number, n: number, look: { ink: string; paper: string }, out: Written): void;
  /**
   * Before labels are turned into SVG text: each keyed arrow label of a flowchart (its edge id
   * and number) shows its number instead of its words, in a label as small as a marker.
   */
  numberLabels(svg: SVGSVGElement, keyed: Keyed[]): void;
  /**
   * After: those labels drawn as markers (the lines `out` lists are restyled to match), and each
   * number once in a key under the drawing, which grows the viewBox (`box`) to hold it.
   */
  explainNumbers(svg: SVGSVGElement, keyed: Keyed[], look: { ink: string; paper: string }, out: Written, box: { x: number; y: number; width: number; height: number }): { width: number; height: number };
  /** What each number stands for, one per line from (`left`, `top`) down; returns the key's right and bottom edges. */
  key(svg: SVGSVGElement, entries: Array<{ n: number; text: string }>, at: { left: number; top: number }, look: { ink: string; paper: string }, out: Written): { right: number; bottom: number };
}

/**
 * Installs `window.vstackLinkKey`, used by the block diagram's links (svg-links.ts) and by
 * flowcharts whose arrow labels found no room by their line (warm-page.ts): a label that does
 * not fit becomes a number on the line, explained in a key under the drawing.
 *
 * Runs inside the page (it is sent as source): it may not use anything from outside its body.
 */
export function installSvgLinkKey(): void {
  const ns = "http://www.w3.org/2000/svg";
  const SIZE = 13.33;
  const MARKER = 20;
  const measure = document.createElement("canvas").getContext("2d")!;
  const api: LinkKeyApi = {
    text(parent, content, at, out) {
      const el = document.createElementNS(ns, "text");
      // The id first and the class next, as every label line is written: font embedding and outlining find lines by that.
      el.setAttribute("id", `${out.svgId}-t${out.first + out.lines.length}`);
      el.setAttribute("class", "vstack-text");
      el.setAttribute("x", at.x.toFixed(2));
      el.setAttribute("y", at.y.toFixed(2));
      el.setAttribute("text-anchor", at.anchor ?? "middle");
      el.setAttribute("font-family", out.family);
      el.setAttribute("style", `fill:${at.fill};stroke:none;font-size:${at.size}px${at.bold ? ";font-weight:bold" : ""}`);
      el.textContent = content;
      parent.append(el);
      out.lines.push({ id: el.id, runs: [{ text: content, size: at.size, bold: at.bold, italic: false, fill: at.fill }] });
    },
    marker(parent, cx, cy, n, look, out) {
      const g = document.createElementNS(ns, "g");
      g.setAttribute("class", "vstack-link-marker");
      const disc = document.createElementNS(ns, "circle");
      for (const [name, value] of [["cx", cx], ["cy", cy], ["r", MARKER / 2]] as const) disc.setAttribute(name, value.toFixed(2));
      disc.setAttribute("style", `fill:${look.ink};stroke:${look.paper};stroke-width:1.5px`);
      g.append(disc);
      parent.append(g);
      api.text(g, String(n), { x: cx, y: cy + 4.6, size: SIZE, bold: true, fill: look.paper }, out);
    },
    numberLabels(svg, keyed) {
      for (const k of keyed) {
        const label = svg.querySelector(`g.label[data-id="${CSS.escape(k.id)}"]`);
        const fo = label?.querySelector("foreignObject");
        const words = fo?.querySelector("p") ?? fo?.querySelector("span");
        if (!label || !fo || !words) continue;
        words.textContent = String(k.n);
        fo.setAttribute("width", String(MARKER));
        fo.setAttribute("height", String(MARKER));
        label.setAttribute("transform", `translate(${-MARKER / 2}, ${-MARKER / 2})`);
      }
    },
    explainNumbers(svg, keyed, look, out, box) {
      for (const k of keyed) {
        const drawn = svg.querySelector(`g.label[data-id="${CSS.escape(k.id)}"] g.vstack-label`);
        if (!drawn) continue;
        drawn.setAttribute("class", "vstack-label vstack-link-marker");
        const plate = drawn.querySelector("rect");
        plate?.setAttribute("style", `fill:${look.ink};stroke:${look.paper};stroke-width:1.5px;opacity:1`);
        plate?.setAttribute("rx", String(MARKER / 2));
        // The number centred on the disc, as a marker's is.
        for (const text of Array.from(drawn.querySelectorAll("text"))) {
          text.setAttribute("x", (MARKER / 2).toFixed(2));
          text.setAttribute("y", (MARKER / 2 + 4.6).toFixed(2));
          text.setAttribute("style", `fill:${look.paper};stroke:none;font-size:${SIZE}px;font-weight:bold`);
          for (const run of out.lines.find((l) => l.id === text.id)?.runs ?? []) Object.assign(run, { fill: look.paper, bold: true, size: SIZE });
        }
      }
      // Each number once, under the drawing (the legend and caption then go round it).
      const entries = keyed.filter((k, i) => keyed.findIndex((o) => o.n === k.n) === i);
      const drawn = api.key(svg, entries, { left: box.x, top: box.y + box.height + 8 }, look, out);
      const [width, height] = [Math.max(box.width, drawn.right - box.x), drawn.bottom - box.y];
      svg.setAttribute("viewBox", `${box.x} ${box.y} ${width} ${height}`);
      return { width, height };
    },
    key(svg, entries, at, look, out) {
      const g = document.createElementNS(ns, "g");
      g.setAttribute("class", "vstack-link-key");
      svg.append(g);
      let [y, right] = [at.top, at.left];
      measure.font = `${SIZE}px ${out.family}`;
      for (const entry of entries) {
        api.marker(g, at.left + MARKER / 2, y + MARKER / 2, entry.n, look, out);
        api.text(g, entry.text, { x: at.left + 26, y: y + 14.5, size: SIZE, bold: false, fill: look.ink, anchor: "start" }, out);
        right = Math.max(right, at.left + 26 + measure.measureText(entry.text).width + 10);
        y += 26;
      }
      return { right, bottom: y };
    },
  };
  (window as unknown as { vstackLinkKey: LinkKeyApi }).vstackLinkKey = api;
}
