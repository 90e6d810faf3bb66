import { oklch as toOklch } from "culori/css";
import { clampChroma, differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit, formatHex, formatHex8, formatRgb, parse, wcagContrast, type Color } from "culori/fn";

/**
 * Colour maths, all by culori (the colour library d3 and many design tools build on): parsing
 * per CSS Color 4, WCAG contrast, CIEDE2000 difference and colour-vision simulation.
 */

/**
 * Whether text is a CSS colour a browser draws: named colours, `transparent`, hex, and the
 * rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch() and color() functions.
 */
export function isCssColour(value: string): boolean {
  return parse(value.trim()) !== undefined;
}

export const COLOUR_HINT = "a CSS colour such as white, #1e1e1e, rgb(30 30 30) or transparent";

/** WCAG 2 contrast ratio of two CSS colours (1 to 21); AA asks 4.5 for text. */
export function contrast(a: string, b: string): number {
  return wcagContrast(parse(a)!, parse(b)!);
}

/** WCAG AA for normal text. */
export const MIN_CONTRAST = 4.5;

/**
 * ΔE2000 at which two fills side by side are plain to see (2.3 is just noticeable); the built-in
 * palette keeps every pair of kinds this far apart for every vision below.
 */
export const MIN_APART = 6;

/** Normal vision and the three dichromacies at full severity (Machado et al. 2009, as culori has it). */
export const VISIONS: Record<string, (c: Color) => Color> = {
  normal: (c) => c,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

const dE = differenceCiede2000();

/** How far apart two fills look for the vision that sees them closest: ΔE2000 and that vision. */
export function apartness(a: string, b: string): { deltaE: number; vision: string } {
  let worst = { deltaE: Infinity, vision: "normal" };
  for (const [vision, see] of Object.entries(VISIONS)) {
    const deltaE = dE(see(parse(a)!), see(parse(b)!));
    if (deltaE < worst.deltaE) worst = { deltaE, vision };
  }
  return worst;
}

/** The fill's hue at another OKLCH lightness, in gamut, as hex: an outline that belongs to its fill. */
export function atLightness(fill: string, lightness: number): string {
  const c = toOklch(parse(fill)!)!;
  return formatHex(clampChroma({ ...c, l: lightness }, "oklch"));
}

/** The OKLCH lightness (0 to 1) of a colour. */
export function lightnessOf(colour: string): number {
  return toOklch(parse(colour)!)!.l;
}

/** A colour by value, whatever its notation: `#rrggbbaa`, or undefined when it is not a colour. */
export function colourValue(value: string): string | undefined {
  const c = parse(value.trim());
  return c && formatHex8(c);
}

/**
 * A colour in another notation: `rgb` as browsers write a computed colour (`rgb(27, 31, 36)`,
 * `rgba(…, 0.5)`), `hex` as `#rrggbb` (`#rrggbbaa` when translucent).
 */
export function colourAs(value: string, notation: "rgb" | "hex"): string {
  const c = parse(value.trim())!;
  if (notation === "rgb") return formatRgb(c);
  return (c.alpha ?? 1) < 1 ? formatHex8(c) : formatHex(c);
}
