import { BOUNDARY_NAMES } from "../kinds/palette.js";
import { FACT_NAMES } from "../spec-format/facts.js";
import { KIND_NAMES } from "../kinds/builtin-kinds.js";
import { LINK_STYLE_NAMES } from "../spec-format/links.js";
import { BUILTIN_DIR } from "../spec-format/builtins.js";
import { FAMILY_TITLES, OTHER_FAMILY } from "../spec-format/families.js";
import { catalogPath, readCatalog, UI_CONTEXT } from "./catalog.js";
import type { Lang } from "../langs.js";

/** vstack's own words in tables and captions (legend names and row headings live beside their kinds and facts). */
export const WORDS = {
  illustrative: "illustrative",
  illustrativeMeans: "an order of magnitude or a general claim, not a measurement",
  sources: "Sources",
} as const;

/** The sentences of a diagram's reading (alt text), with `{placeholders}`: translated whole, as word order differs between languages. */
export const READING = {
  stack: "Bottom to top: {stack}.",
  compared: "{title}, bottom to top: {stack}.",
  sideBySide: "side by side [{units}]",
  arrows: "Arrows: {links}.",
  both: "{from} and {to} talk to each other",
} as const;

/** Every word vstack itself puts into a picture or table: what the built-in catalogs translate under the `vstack` context. */
export function uiStrings(): string[] {
  return [
    ...Object.values(KIND_NAMES),
    ...Object.values(BOUNDARY_NAMES),
    ...Object.values(LINK_STYLE_NAMES).flatMap((n) => [n.legend, n.says]),
    ...Object.values(READING),
    ...Object.values(FACT_NAMES),
    ...Object.values(WORDS),
    ...Object.values(FAMILY_TITLES),
    OTHER_FAMILY,
  ];
}

/** One of vstack's own words in a language (English, or when the built-in catalog lacks it: the word as given). */
export function uiText(lang: Lang | undefined, text: string): string {
  if (!lang || lang === "en") return text;
  return readCatalog(catalogPath(BUILTIN_DIR, lang))?.get(UI_CONTEXT, text) ?? text;
}
