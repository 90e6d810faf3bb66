import type { LabelLine } from "./renderer.js";

/**
 * Mermaid draws labels as HTML inside `<foreignObject>`, which only browsers show: librsvg,
 * Inkscape, PowerPoint and Keynote draw the boxes without a word. Mermaid's own
 * `htmlLabels: false` mode prints `<b>` literally and splits words into tspans that lose their
 * spaces in librsvg. So vstack lets Mermaid lay out with HTML labels (its box sizes are
 * measured from them) and then, in the page, replaces each `<foreignObject>` by SVG `<text>`
 * at the positions the browser measured for every line: same look (weight, size, colour),
 * every line centred on the spot where the browser centred it.
 *
 * `installSvgLabels` runs inside the page (it is sent as source), so it may not use anything
 * from outside its own body (types aside: they are gone once compiled).
 */
export function installSvgLabels(): void {
  interface Run {
    text: string;
    left: number;
    right: number;
    baseline: number;
    font: { size: string; weight: string; style: string; fill: string };
  }
  const ns = "http://www.w3.org/2000/svg";
  const measure = document.createElement("canvas").getContext("2d")!;

  /** Every drawn piece of text in an HTML label, split where the browser broke lines. */
  const runsOf = (root: Element): Run[] => {
    const runs: Run[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const owner = node.parentElement!;
      const css = getComputedStyle(owner);
      if (css.display === "none" || css.visibility === "hidden") continue;
      measure.font = `${css.fontStyle} ${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
      const descent = measure.measureText("Hg").fontBoundingBoxDescent;
      const font = { size: css.fontSize, weight: css.fontWeight, style: css.fontStyle, fill: css.color };
      const range = document.createRange();
      const text = node.data;
      // One character at a time: a text node the browser wrapped is split at its line breaks.
      let start = 0;
      let line: DOMRect | undefined;
      const flush = (end: number) => {
        if (!line || end <= start) return;
        range.setStart(node!, start);
        range.setEnd(node!, end);
        const box = range.getBoundingClientRect();
        runs.push({ text: text.slice(start, end), left: box.left, right: box.right, baseline: box.bottom - descent, font });
      };
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue; // collapsed white space
        if (line && Math.abs(box.top - line.top) > box.height / 2) {
          flush(i);
          start = i;
        }
        if (!line || start === i) line = box;
      }
      flush(text.length);
    }
    return runs;
  };

  /** Runs on one baseline, in reading order, white space collapsed as the browser drew it. */
  const linesOf = (runs: Run[]): Run[][] => {
    const lines: Run[][] = [];
    for (const run of runs) {
      const line = lines.find((l) => Math.abs(l[0]!.baseline - run.baseline) < 2);
      if (line) line.push(run);
      else lines.push([run]);
    }
    for (const line of lines) {
      // Runs stay in the order the tree walk met them (logical order): sorting by position
      // would mirror a right-to-left line that the SVG renderer then mirrors again.
      for (const run of line) run.text = run.text.replace(/[\t\n\r ]+/g, " ");
      line[0]!.text = line[0]!.text.trimStart();
      line[line.length - 1]!.text = line[line.length - 1]!.text.trimEnd();
    }
    return lines.map((l) => l.filter((r) => r.text !== "")).filter((l) => l.length > 0);
  };

  const same = (a: Run["font"], b: Run["font"]) => a.size === b.size && a.weight === b.weight && a.style === b.style && a.fill === b.fill;

  /** Replaces every foreignObject label in a laid-out SVG; returns the lines it wrote. */
  (window as unknown as { vstackSvgLabels: (svg: SVGSVGElement, family: string) => LabelLine[] }).vstackSvgLabels = (svg, family) => {
    const written: LabelLine[] = [];
    for (const fo of Array.from(svg.querySelectorAll("foreignObject"))) {
      const toLocal = (fo as SVGGraphicsElement).getScreenCTM()?.inverse();
      if (!toLocal) {
        fo.remove(); // a label that was never laid out shows nothing in the browser either
        continue;
      }
      const local = (x: number, y: number) => new DOMPoint(x, y).matrixTransform(toLocal);
      const group = document.createElementNS(ns, "g");
      group.setAttribute("class", "vstack-label");
      // A label drawn on a coloured patch (edge labels) keeps its patch.
      // The most opaque background in the label: Mermaid lays a faded one under an opaque one behind the text.
      const backgrounds = Array.from(fo.querySelectorAll("*")).map((el) => getComputedStyle(el).backgroundColor).filter((c) => c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c));
      const patch = backgrounds.find((c) => !c.startsWith("rgba(")) ?? backgrounds[0];
      if (patch) {
        const rect = document.createElementNS(ns, "rect");
        for (const name of ["x", "y", "width", "height"]) rect.setAttribute(name, fo.getAttribute(name) ?? "0");
        // A translucent background as colour and opacity apart: Inkscape and Office do not read rgba() in a fill.
        // Its own opacity is 1: Mermaid's `.edgeLabel rect { opacity: 0.5 }` would let a line under the label show through.
        const faded = /^rgba\((\d+),\s*(\d+),\s*(\d+),\s*([\d.]+)\)$/.exec(patch);
        rect.setAttribute("style", `${faded ? `fill:rgb(${faded[1]}, ${faded[2]}, ${faded[3]});fill-opacity:${faded[4]}` : `fill:${patch}`};opacity:1`);
        group.append(rect);
      }
      for (const line of linesOf(runsOf(fo))) {
        const left = Math.min(...line.map((r) => r.left));
        const right = Math.max(...line.map((r) => r.right));
        const at = local((left + right) / 2, line[0]!.baseline);
        const el = document.createElementNS(ns, "text");
        el.id = `${svg.id}-t${written.length}`;
        el.setAttribute("class", "vstack-text");
        el.setAttribute("x", at.x.toFixed(2));
        el.setAttribute("y", at.y.toFixed(2));
        el.setAttribute("text-anchor", "middle");
        // Spaces between differently styled runs are kept by every renderer only when preserved.
        el.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
        const first = line[0]!.font;
        el.setAttribute("font-family", family);
        // Mermaid's class styles outline a label group's children; text is never outlined.
        el.setAttribute("style", `fill:${first.fill};stroke:none;font-size:${first.size}`);
        const merged: Run[] = [];
        for (const run of line) {
          const last = merged.at(-1);
          if (last && same(last.font, run.font)) last.text += run.text;
          else merged.push({ ...run });
        }
        written.push({
          id: el.id,
          runs: merged.map((r) => ({ text: r.text, size: parseFloat(r.font.size), bold: Number(r.font.weight) >= 600, italic: r.font.style !== "normal", fill: r.font.fill })),
        });
        for (const run of merged) {
          const span = document.createElementNS(ns, "tspan");
          span.textContent = run.text;
          const style = [];
          if (run.font.size !== first.size) style.push(`font-size:${run.font.size}`);
          if (run.font.fill !== first.fill) style.push(`fill:${run.font.fill}`);
          if (Number(run.font.weight) >= 600) style.push("font-weight:bold");
          if (run.font.style !== "normal") style.push(`font-style:${run.font.style}`);
          if (style.length > 0) span.setAttribute("style", style.join(";"));
          el.append(span);
        }
        group.append(el);
      }
      fo.replaceWith(group);
    }
    // The layout's rules for the labels' lines (BOX_LINES_CLASS in layout/box-lines.ts) style
    // nothing once the labels are text.
    svg.querySelector("style.vstack-box-lines")?.remove();
    return written;
  };
}
