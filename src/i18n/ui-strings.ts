import { BOUNDARY_NAMES } from "../palette.js";
import { FACT_NAMES } from "../spec/facts.js";
import { KIND_NAMES } from "../spec/kinds.js";
import { LINK_STYLE_NAMES } from "../spec/links.js";
import { BUILTIN_DIR } from "../spec/builtins.js";
import { FAMILY_TITLES, OTHER_FAMILY } from "../spec/families.js";
import { catalogPath, readCatalog, UI_CONTEXT } from "./catalog.js";
import type { Lang } from "./langs.js";

/** vstack's own words in tables and captions (legend names and row headings live beside their kinds and facts). */
export const WORDS = {
  illustrative: "illustrative",
  illustrativeMeans: "an order of magnitude or a general claim, not a measurement",
  sources: "Sources",
} as const;

/** Every word vstack itself puts into a picture or table: what the built-in catalogs translate under the `vstack` context. */
export function uiStrings(): string[] {
  return [
    ...Object.values(KIND_NAMES),
    ...Object.values(BOUNDARY_NAMES),
    ...Object.values(LINK_STYLE_NAMES).map((n) => n.legend),
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
