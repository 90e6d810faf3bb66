import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { isInside } from "../paths.js";
import { BUILTIN_DIR } from "../spec-format/builtins.js";
import type { PoData } from "gettext-parser";
import type { Lang } from "../langs.js";

/**
 * A translation catalog: a gettext PO file, `i18n/<lang>.po` in the folder of the specs it
 * translates. Each entry is keyed by its context (the spec's id, or `vstack` for vstack's own
 * words) and its English text, as gettext keys them: translators' tools (Poedit, Weblate,
 * Crowdin, Lokalise) show the English beside the field, and a changed English text is a new
 * key, so a translation of the old wording is never shown for the new one.
 */
export interface Catalog {
  file: string;
  /** The translation, when the catalog has a non-empty one. */
  get(context: string, text: string): string | undefined;
  /** Every entry, with the line its msgid starts on (1-based). */
  entries: CatalogEntry[];
}

export interface CatalogEntry {
  context: string;
  text: string;
  translation: string;
  line: number;
}

/** The context of vstack's own words (legend names, table headings) in the built-in catalogs. */
export const UI_CONTEXT = "vstack";

export class CatalogError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

/** Where the catalog of a language sits for the specs of a folder. */
export function catalogPath(specDir: string, lang: Lang): string {
  return join(specDir, "i18n", `${lang}.po`);
}

/** The catalog a spec or table file is translated from: beside it, and for every built-in (specs/, specs/tables/) the built-in one. */
export function catalogOfFile(file: string, lang: Lang): string {
  return catalogPath(isInside(file, BUILTIN_DIR) ? BUILTIN_DIR : dirname(file), lang);
}

/** `text` (under `context`) in `lang`, from the catalog that translates `file`; the text itself where English or untranslated. */
export function translated(file: string, lang: Lang, context: string, text: string): string {
  return lang === "en" ? text : (readCatalog(catalogOfFile(file, lang))?.get(context, text) ?? text);
}

const cache = new Map<string, { mtimeMs: number; size: number; catalog: Catalog }>();

/** The PO parser, read on first need (outside the CLI's bundle): a run in English reads no catalog. */
const load = createRequire(import.meta.url);
const gettext = () => load("gettext-parser") as typeof import("gettext-parser");

/** The catalog at `file`, or undefined when there is none; a file that is not a PO catalog throws CatalogError. Re-read when the file changes. */
export function readCatalog(file: string): Catalog | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return undefined;
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.catalog;
  const text = readFileSync(file, "utf8");
  let data: PoData;
  try {
    data = gettext().po.parse(text, { validation: false });
  } catch (err) {
    throw new CatalogError(file, `not a gettext PO file: ${err instanceof Error ? err.message : String(err)}`);
  }
  const catalog = catalogOf(file, text, data);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, catalog });
  return catalog;
}

function catalogOf(file: string, text: string, data: PoData): Catalog {
  const lines = text.split("\n");
  const byContext = new Map<string, Map<string, string>>();
  const entries: CatalogEntry[] = [];
  let searchFrom = 0;
  for (const [context, group] of Object.entries(data.translations)) {
    for (const [msgid, entry] of Object.entries(group)) {
      if (msgid === "" && context === "") continue; // the header
      const translation = entry.msgstr[0] ?? "";
      if (translation !== "") byContext.set(context, (byContext.get(context) ?? new Map()).set(msgid, translation));
      const line = lineOf(lines, context, msgid, searchFrom);
      if (line > 0) searchFrom = line;
      entries.push({ context, text: msgid, translation, line: line > 0 ? line : 1 });
    }
  }
  return { file, entries, get: (context, msgid) => byContext.get(context)?.get(msgid) };
}

/** The line of an entry's msgid: entries are met in file order, so the search goes on from the last one. */
function lineOf(lines: string[], context: string, msgid: string, from: number): number {
  const ctx = `msgctxt ${JSON.stringify(context)}`;
  const first = msgid.split("\n")[0]!;
  for (const start of [from, 0]) {
    for (let i = start; i < lines.length; i++) {
      if (lines[i] !== ctx) continue;
      const next = lines[i + 1] ?? "";
      // msgid "text" or, for wrapped and multi-line text, msgid "" then "text..." lines.
      const body = next === 'msgid ""' ? (lines[i + 2] ?? "") : next;
      if (body.includes(JSON.stringify(first).slice(1, -1).slice(0, 20))) return i + 2;
    }
  }
  return 0;
}
