import { describe, expect, it } from "vitest";
import { apartness, contrast, MIN_APART, MIN_CONTRAST, VISIONS } from "../../src/colour.js";
import { BACKGROUND, swatch, THEMES } from "../../src/kinds/palette.js";
import { KINDS } from "../../src/kinds/builtin-kinds.js";

/**
 * The palette is read by people, some with a colour-vision deficiency: every pair of kinds must
 * stay apart (CIEDE2000, on fills simulated at full severity, Machado et al. as culori has it),
 * and every label must meet WCAG AA (4.5:1) on its fill. Declared kinds get the same checks as
 * warnings (src/kinds/check.ts), with the same functions.
 */
describe.each(THEMES)("palette, %s theme", (theme) => {
  it(`every pair of kinds is told apart with ${Object.keys(VISIONS).join(", ")}`, () => {
    const close: string[] = [];
    let nearest = Infinity;
    for (const [i, a] of KINDS.entries())
      for (const b of KINDS.slice(i + 1)) {
        const { deltaE, vision } = apartness(swatch(theme, a).fill, swatch(theme, b).fill);
        nearest = Math.min(nearest, deltaE);
        if (deltaE < MIN_APART) close.push(`${a}/${b} ${deltaE.toFixed(1)} (${vision})`);
      }
    expect(close, `pairs closer than ΔE2000 ${MIN_APART}`).toEqual([]);
    expect(nearest).toBeGreaterThanOrEqual(MIN_APART);
  });

  it("every label meets WCAG AA contrast on its fill, and captions on the page", () => {
    const low = KINDS.map((k) => ({ k, ratio: contrast(swatch(theme, k).fill, swatch(theme, k).color) })).filter(({ ratio }) => ratio < MIN_CONTRAST);
    expect(low).toEqual([]);
    expect(contrast(BACKGROUND[theme], swatch(theme, "caption").color)).toBeGreaterThanOrEqual(MIN_CONTRAST);
  });
});
