/**
 * Mermaid forces its class and `style` colours with `!important`, in style attributes and in its
 * style sheet, and paints "no fill" as `transparent`. Browsers read both; librsvg drops a style
 * attribute's `!important` declarations (containers lose their dashes, sandboxes their dots) and
 * Inkscape and LibreOffice paint an unknown `transparent` black. So, in the page, once the SVG is
 * drawn: every declaration that was `!important` is written as a plain declaration of its
 * computed value on each element it applied to (a plain inline declaration beats every plain
 * rule, so the browser's picture does not change), `!important` is taken out everywhere, and
 * paint with no colour becomes `none`. Style sheets are rewritten (from the browser's parsed
 * rules) only when they held something to change.
 *
 * `installSvgPortable` runs inside the page (it is sent as source): nothing from outside its body.
 */
export function installSvgPortable(): void {
  const PAINT = new Set(["fill", "stroke"]);
  /** `transparent` as written, or any computed colour with no alpha. */
  const noPaint = (property: string, value: string) => {
    if (!PAINT.has(property)) return false;
    const v = value.trim().toLowerCase();
    return v === "transparent" || (v.startsWith("rgba(") && v.endsWith(", 0)"));
  };
  const styleRules = (rules: CSSRuleList): CSSStyleRule[] =>
    Array.from(rules).flatMap((r) => (r instanceof CSSStyleRule ? [r] : r instanceof CSSGroupingRule ? styleRules(r.cssRules) : []));
  const important = (style: CSSStyleDeclaration) => Array.from(style).filter((p) => style.getPropertyPriority(p) === "important");
  /** Declarations as every renderer reads them: no `!important`, no paint as `none`. Whether any changed. */
  const plain = (style: CSSStyleDeclaration): boolean => {
    let changed = false;
    for (const p of Array.from(style)) {
      const value = style.getPropertyValue(p);
      const none = noPaint(p, value);
      if (style.getPropertyPriority(p) !== "important" && !none) continue;
      style.setProperty(p, none ? "none" : value, "");
      changed = true;
    }
    return changed;
  };

  (window as unknown as { vstackPortable: (svg: SVGSVGElement) => void }).vstackPortable = (svg) => {
    // What each !important declaration makes of each element, read before anything changes.
    const forced = new Map<Element, Set<string>>();
    const force = (el: Element, properties: string[]) => {
      if (properties.length === 0) return;
      const set = forced.get(el) ?? new Set<string>();
      for (const p of properties) set.add(p);
      forced.set(el, set);
    };
    const styled = [svg, ...Array.from(svg.querySelectorAll("[style]"))] as Array<SVGElement>;
    for (const el of styled) force(el, important(el.style));
    const sheets = Array.from(svg.querySelectorAll("style")).flatMap((el) => (el.sheet ? [{ el, rules: styleRules(el.sheet.cssRules) }] : []));
    for (const { rules } of sheets) {
      for (const rule of rules) {
        const properties = important(rule.style);
        if (properties.length === 0) continue;
        let matched: Element[] = [];
        try {
          matched = Array.from(svg.querySelectorAll(rule.selectorText));
        } catch {
          continue; // a pseudo-element selector: it applies to no element of the picture
        }
        for (const el of matched) force(el, properties);
      }
    }
    const values = [...forced].map(([el, properties]) => {
      const computed = getComputedStyle(el);
      return { el: el as SVGElement, values: [...properties].map((p) => [p, computed.getPropertyValue(p)] as const) };
    });

    for (const { el, rules } of sheets) {
      // Every rule is made plain (no short-circuit): the sheet is rewritten if any of them changed.
      if (rules.map((rule) => plain(rule.style)).includes(true)) el.textContent = Array.from(el.sheet!.cssRules, (r) => r.cssText).join("\n");
    }
    for (const el of styled) plain(el.style);
    for (const { el, values: forcedValues } of values) {
      for (const [p, value] of forcedValues) if (value !== "") el.style.setProperty(p, noPaint(p, value) ? "none" : value);
    }
    for (const el of Array.from(svg.querySelectorAll("[fill], [stroke]"))) {
      for (const p of PAINT) if (noPaint(p, el.getAttribute(p) ?? "")) el.setAttribute(p, "none");
    }
    // A line says how it is drawn itself, as presentation attributes (below any CSS, so the
    // browser's picture is unchanged): Inkscape misses Mermaid's rules for flowchart arrows,
    // drawing no line and filling a bent one black.
    for (const el of Array.from(svg.querySelectorAll("path:not([fill])"))) if (getComputedStyle(el).fill === "none") el.setAttribute("fill", "none");
    for (const el of Array.from(svg.querySelectorAll("path.flowchart-link"))) {
      const computed = getComputedStyle(el);
      for (const p of ["stroke", "stroke-width", "stroke-dasharray"]) if (!el.hasAttribute(p)) el.setAttribute(p, computed.getPropertyValue(p));
    }
  };
}
