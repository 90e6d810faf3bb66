/** A picture's extent in its own units: its viewBox. */
export interface ViewBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The steps that finish a drawn SVG in the page, each on its own (warm-page.ts runs them in order). */
export interface SvgFinishApi {
  /** The SVG's viewBox as numbers. */
  viewBox(svg: Element): ViewBox;
  /** Mermaid's drop-shadow filters, which only its "neo" look uses: unused, they would make the themes differ in more than colours. */
  dropUnusedFilters(svg: SVGSVGElement): void;
  /** A title and description for assistive technology, the SVG named an image by them; returns the description. */
  describe(svg: SVGSVGElement, title: string, description: string): SVGDescElement;
  /** Hides (keeps in place) the boxes of `ids`, the frames they head and every arrow touching one: a build's frames. */
  hideBoxes(svg: SVGSVGElement, ids: string[]): void;
  /** Fits the drawing inside a canvas less a 5% margin, never blown up past 3x, centred; returns the canvas as the new extent. */
  fitCanvas(svg: SVGSVGElement, box: ViewBox, canvas: { width: number; height: number }): ViewBox;
  /** A rect of the background under everything, after `under`: librsvg, Inkscape and slide tools show it too. */
  paper(svg: SVGSVGElement, background: string, under: Element): void;
}

/**
 * Installs `window.vstackFinish`. Runs inside the page (it is sent as source): it may not use
 * anything from outside its body.
 */
export function installSvgFinish(): void {
  const ns = "http://www.w3.org/2000/svg";
  const api: SvgFinishApi = {
    viewBox(svg) {
      const [x = 0, y = 0, width = 0, height = 0] = (svg.getAttribute("viewBox") ?? "0 0 0 0").split(/[\s,]+/).map(Number);
      return { x, y, width, height };
    },
    dropUnusedFilters(svg) {
      const used = svg.outerHTML;
      for (const filter of Array.from(svg.querySelectorAll("filter[id]"))) if (!used.includes(`url(#${filter.id})`)) filter.parentElement?.tagName === "defs" && filter.parentElement.childElementCount === 1 ? filter.parentElement.remove() : filter.remove();
    },
    describe(svg, title, description) {
      for (const old of Array.from(svg.children)) if (old.tagName === "title" || old.tagName === "desc") old.remove();
      const desc = document.createElementNS(ns, "desc");
      desc.id = "vstack-diagram-desc";
      desc.textContent = description;
      const titleEl = document.createElementNS(ns, "title");
      titleEl.id = "vstack-diagram-title";
      titleEl.textContent = title;
      svg.prepend(titleEl, desc);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-labelledby", "vstack-diagram-title");
      svg.setAttribute("aria-describedby", "vstack-diagram-desc");
      return desc;
    },
    hideBoxes(svg, ids) {
      // Hidden, not removed: the frames of a build keep every box where the whole picture has it.
      const hidden = new Set(ids);
      const hide = (el: Element | null | undefined) => el?.setAttribute("visibility", "hidden");
      for (const id of hidden) {
        hide(svg.querySelector(`#vstack-diagram-${CSS.escape(id)}`)); // a block diagram's box
        hide(svg.querySelector(`g.node[id^="vstack-diagram-flowchart-${CSS.escape(id)}-"]`)); // a flowchart's box, numbered after its id
        hide(svg.querySelector(`#vstack-diagram-${CSS.escape(id)}_frame`)); // and the frame it heads
      }
      // An arrow (a block diagram's line and its label, a flowchart's edge and its label) names the boxes it joins.
      for (const arrow of Array.from(svg.querySelectorAll("[data-from][data-to]"))) {
        if (hidden.has(arrow.getAttribute("data-from")!) || hidden.has(arrow.getAttribute("data-to")!)) hide(arrow);
      }
    },
    fitCanvas(svg, box, canvas) {
      // A viewBox of the canvas's shape round the drawing does all of it.
      const { width: cw, height: ch } = canvas;
      const fit = Math.min((cw * 0.9) / box.width, (ch * 0.9) / box.height, 3);
      const [vw, vh] = [cw / fit, ch / fit];
      svg.setAttribute("viewBox", `${box.x - (vw - box.width) / 2} ${box.y - (vh - box.height) / 2} ${vw} ${vh}`);
      svg.setAttribute("width", String(cw));
      svg.setAttribute("height", String(ch));
      svg.style.maxWidth = "none";
      return { x: 0, y: 0, width: cw, height: ch };
    },
    paper(svg, background, under) {
      // The CSS background shows in browsers only; a rect under everything shows everywhere
      // (a dark diagram is otherwise light text on nothing).
      const { x, y, width, height } = api.viewBox(svg);
      const rect = document.createElementNS(ns, "rect");
      rect.setAttribute("class", "vstack-background");
      for (const [name, value] of [["x", x], ["y", y], ["width", width], ["height", height]] as const) rect.setAttribute(name, String(value));
      rect.setAttribute("style", `fill:${background};stroke:none`);
      under.after(rect);
    },
  };
  (window as unknown as { vstackFinish: SvgFinishApi }).vstackFinish = api;
}
