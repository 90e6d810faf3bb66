import { createRequire } from "node:module";
import type { Lang } from "../langs.js";

/**
 * Liang's TeX hyphenation patterns (the `hyphen` package, ported from CTAN's hyph-utf8) for the
 * languages whose long compounds would otherwise widen a box: "Virtualisierungserweiterungen"
 * is wider than a narrow unit. English and Chinese labels break as before (spaces, hyphens,
 * slashes; between CJK characters). The German patterns are 750 KB: read only when a German
 * label needs them.
 */
const PATTERNS: Partial<Record<Lang, string>> = { de: "hyphen/de", fr: "hyphen/fr", it: "hyphen/it" };

type Hyphenate = (text: string, options: { hyphenChar: string; minWordLength?: number }) => string;
const load = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenate>();

/** A word in the pieces a line may break between (with a hyphen at the break); the whole word where the language has no patterns. */
export function syllables(word: string, lang: Lang | undefined): string[] {
  const module = lang && PATTERNS[lang];
  if (!module) return [word];
  let hyphenate = loaded.get(module);
  if (!hyphenate) {
    hyphenate = (load(module) as { hyphenateSync: Hyphenate }).hyphenateSync;
    loaded.set(module, hyphenate);
  }
  return hyphenate(word, { hyphenChar: "\u00ad", minWordLength: 6 }).split("\u00ad");
}
