import { relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { positionAt, type SourceDoc } from "../source/yaml-source.js";
import type { SpecInput } from "../spec-format/schema.js";
import type { LoadOptions, Translation } from "../spec-format/load-spec.js";
import { catalogPath, CatalogError, readCatalog } from "./catalog.js";
import { LANG_NAMES, type Lang } from "../langs.js";
import { mapSpecStrings } from "./spec-strings.js";

/**
 * A spec in another language, from the catalog beside it (`i18n/<lang>.po` in its folder). A
 * string the catalog lacks stays English and is reported as a warning where it is in the spec;
 * a catalog that cannot be read is an error.
 */
export function translateSpec(spec: SpecInput, source: SourceDoc, shown: string, specDir: string, lang: Lang): { spec?: SpecInput; warnings: Diagnostic[]; errors: Diagnostic[] } {
  const file = catalogPath(specDir, lang);
  const where = relative(specDir, file);
  let catalog;
  try {
    catalog = readCatalog(file);
  } catch (err) {
    if (!(err instanceof CatalogError)) throw err;
    return { warnings: [], errors: [{ file: shown, code: "bad-catalog", message: `${where} beside this spec: ${err.message}` }] };
  }
  const warnings: Diagnostic[] = [];
  if (!catalog) {
    warnings.push({ file: shown, code: "missing-translation", severity: "warning", message: `no ${LANG_NAMES[lang]} catalog (${where}) beside this spec; drawn in English. Write one with \`vstack translations ${shown} --lang ${lang}\`` });
    return { spec, warnings, errors: [] };
  }
  const translated = mapSpecStrings(spec, (text, path) => {
    const found = catalog.get(spec.id, text);
    if (found !== undefined) return found;
    warnings.push({ file: shown, ...positionAt(source, path), path: path.join("."), source: source.text, code: "missing-translation", severity: "warning", message: `${where} has no ${LANG_NAMES[lang]} translation of this (msgctxt "${spec.id}"); drawn in English` });
    return text;
  });
  return { spec: translated, warnings, errors: [] };
}

/** Load options that draw a spec in `lang`: its words from the catalog beside it (English, or none: as written). */
export function inLanguage({ lang, ...options }: LoadOptions & { lang?: Lang | undefined }): LoadOptions {
  return lang === undefined || lang === "en" ? options : { ...options, translation: translationInto(lang) };
}

function translationInto(lang: Lang): Translation {
  return { lang, translate: (spec, source, shown, specDir) => translateSpec(spec, source, shown, specDir, lang) };
}
