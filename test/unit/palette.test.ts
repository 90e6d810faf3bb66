import { differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, parse, wcagContrast, type Color } from "culori";
import { describe, expect, it } from "vitest";
import { BACKGROUND, swatch, THEMES } from "../../src/palette.js";
import { KINDS } from "../../src/spec/kinds.js";

/**
 * The palette is read by people, some with a colour-vision deficiency: every pair of kinds must
 * stay apart (CIEDE2000, on fills simulated at full severity, Machado et al. as culori has it),
 * and every label must meet WCAG AA (4.5:1) on its fill.
 */
const APART = 6; // ΔE2000: side by side, 2.3 is just noticeable; 6 is plain to see
const VISION: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};
const dE = differenceCiede2000();

describe.each(THEMES)("palette, %s theme", (theme) => {
  it.each(Object.keys(VISION))("every pair of kinds is told apart with %s", (vision) => {
    const seen = (kind: (typeof KINDS)[number]) => VISION[vision]!(parse(swatch(theme, kind).fill)!);
    const close: string[] = [];
    let nearest = Infinity;
    for (const [i, a] of KINDS.entries())
      for (const b of KINDS.slice(i + 1)) {
        const d = dE(seen(a), seen(b));
        nearest = Math.min(nearest, d);
        if (d < APART) close.push(`${a}/${b} ${d.toFixed(1)}`);
      }
    expect(close, `pairs closer than ΔE2000 ${APART}`).toEqual([]);
    expect(nearest).toBeGreaterThanOrEqual(APART);
  });

  it("every label meets WCAG AA contrast on its fill, and captions on the page", () => {
    const low = KINDS.map((k) => ({ k, ratio: wcagContrast(swatch(theme, k).fill, swatch(theme, k).color) })).filter(({ ratio }) => ratio < 4.5);
    expect(low).toEqual([]);
    expect(wcagContrast(BACKGROUND[theme], swatch(theme, "caption").color)).toBeGreaterThanOrEqual(4.5);
  });
});
