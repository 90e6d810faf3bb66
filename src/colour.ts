import "culori/css";
import { parse } from "culori/fn";

/**
 * Whether text is a CSS colour a browser draws: named colours, `transparent`, hex, and the
 * rgb(), hsl(), hwb(), lab(), lch(), oklab(), oklch() and color() functions, as culori (the
 * colour library d3 and many design tools build on) parses them per CSS Color 4.
 */
export function isCssColour(value: string): boolean {
  return parse(value.trim()) !== undefined;
}

export const COLOUR_HINT = "a CSS colour such as white, #1e1e1e, rgb(30 30 30) or transparent";
