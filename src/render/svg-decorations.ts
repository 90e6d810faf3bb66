import type { Decorations } from "../layout/decorations.js";
import type { LabelLine } from "./renderer.js";
import type { LinkKeyApi } from "./svg-link-key.js";
import type { SvgFinishApi } from "./svg-finish.js";

/**
 * Draws a spec's legend and caption around Mermaid's drawing, in the page, as plain SVG (rects
 * and `<text>`, which every renderer draws), and grows the viewBox to hold them: the legend in
 * rows under the drawing (or a column beside it), the title above, the sources' hosts below.
 *
 * Runs inside the page (it is sent as source): it may not use anything from outside its body
 * (types aside: they are gone once compiled).
 */
export function installSvgDecorations(): void {
  const ns = "http://www.w3.org/2000/svg";
  const measure = document.createElement("canvas").getContext("2d")!;
  const LEGEND_SIZE = 13.33;
  const SWATCH = { width: 26, height: 16 };
  /** Between legend entries in a row, between its rows, and above its first row. */
  const LEGEND_GAP = { entry: 16, row: 6, top: 12 };

  (window as unknown as { vstackDecorate: (svg: SVGSVGElement, d: Decorations, family: string, firstId: number) => LabelLine[] }).vstackDecorate = (svg, decorations, family, firstId) => {
    const lines: LabelLine[] = [];
    const page = window as unknown as { vstackLinkKey: LinkKeyApi; vstackFinish: SvgFinishApi };
    const { x: x0, y: y0, width: w, height: h } = page.vstackFinish.viewBox(svg);
    // The canvas grows on any side: a legend row or a title wider than the drawing widens it both ways.
    let [top, bottom, left, right] = [y0, y0 + h, x0, x0 + w];
    const widthOf = (text: string, size: number, bold: boolean) => {
      measure.font = `${bold ? "bold " : ""}${size}px ${family}`;
      return measure.measureText(text).width;
    };
    const out = { lines, svgId: svg.id, first: firstId, family };
    const text = (parent: Element, content: string, x: number, y: number, size: number, bold: boolean, anchor: "start" | "middle") => page.vstackLinkKey.text(parent, content, { x, y, size, bold, fill: decorations.ink, anchor }, out);
    const group = (name: string) => {
      const g = document.createElementNS(ns, "g");
      g.setAttribute("class", name);
      svg.append(g);
      return g;
    };

    const legend = decorations.legend;
    if (legend) {
      const g = group("vstack-legend");
      const entries = legend.entries.map((e) => ({ ...e, width: SWATCH.width + 6 + widthOf(e.label, LEGEND_SIZE, false) }));
      const rows: (typeof entries)[] = [];
      if (legend.place === "right") for (const e of entries) rows.push([e]);
      else
        for (const e of entries) {
          const row = rows.at(-1);
          const used = row ? row.reduce((n, r) => n + r.width + LEGEND_GAP.entry, 0) : 0;
          if (row && used + e.width <= w - 10) row.push(e);
          else rows.push([e]);
        }
      const legendLeft = right + 20;
      let y = legend.place === "right" ? top + 5 : bottom + LEGEND_GAP.top;
      for (const row of rows) {
        const rowWidth = row.reduce((n, r) => n + r.width, 0) + LEGEND_GAP.entry * (row.length - 1);
        let x = legend.place === "right" ? legendLeft : x0 + (w - rowWidth) / 2;
        left = Math.min(left, x - 10);
        for (const e of row) {
          const dash = e.dash ? `;stroke-dasharray:${e.dash}` : "";
          if (e.line) {
            // A link style's sample: a short arrow in its width and dash.
            const mid = y + SWATCH.height / 2;
            const head = 7 + e.strokeWidth * 1.5;
            const line = document.createElementNS(ns, "path");
            line.setAttribute("d", `M${x.toFixed(2)} ${mid} L${(x + SWATCH.width - head * 0.8).toFixed(2)} ${mid}`);
            line.setAttribute("style", `fill:none;stroke:${e.stroke};stroke-width:${e.strokeWidth}px${dash}`);
            const tip = document.createElementNS(ns, "path");
            const bx = x + SWATCH.width - head;
            tip.setAttribute("d", `M${(x + SWATCH.width).toFixed(2)} ${mid} L${bx.toFixed(2)} ${(mid - head * 0.45).toFixed(2)} L${bx.toFixed(2)} ${(mid + head * 0.45).toFixed(2)} Z`);
            tip.setAttribute("style", `fill:${e.stroke};stroke:none`);
            g.append(line, tip);
          } else {
            const box = document.createElementNS(ns, "rect");
            const inset = e.strokeWidth / 2;
            box.setAttribute("x", (x + inset).toFixed(2));
            box.setAttribute("y", (y + inset).toFixed(2));
            box.setAttribute("width", (SWATCH.width - 2 * inset).toFixed(2));
            box.setAttribute("height", (SWATCH.height - 2 * inset).toFixed(2));
            box.setAttribute("style", `fill:${e.fill};stroke:${e.stroke};stroke-width:${e.strokeWidth}px${dash}`);
            g.append(box);
          }
          text(g, e.label, x + SWATCH.width + 6, y + 12.5, LEGEND_SIZE, false, "start");
          x += e.width + LEGEND_GAP.entry;
        }
        right = Math.max(right, x - LEGEND_GAP.entry + 10);
        y += SWATCH.height + LEGEND_GAP.row;
      }
      if (legend.place === "bottom") bottom = y;
      else bottom = Math.max(bottom, y);
    }

    const caption = decorations.caption;
    if (caption) {
      const g = group("vstack-caption");
      // A title wider than the drawing widens the picture; the title stays centred over all of it.
      const need = Math.max(widthOf(caption.title, 20, true), caption.footer ? widthOf(caption.footer, 12, false) : 0) + 10;
      const middle = (left + right) / 2;
      [left, right] = [Math.min(left, middle - need / 2), Math.max(right, middle + need / 2)];
      top -= 40;
      text(g, caption.title, middle, top + 26, 20, true, "middle");
      if (caption.footer) {
        text(g, caption.footer, middle, bottom + 22, 12, false, "middle");
        bottom += 32;
      }
    }
    svg.setAttribute("viewBox", `${left} ${top} ${right - left} ${bottom - top}`);
    return lines;
  };
}
