// Writes specs/i18n/<lang>.po for every language but English: every string of the built-in
// specs and vstack's own words, keeping the translations the files already have and dropping
// those whose English is gone. Run after changing a built-in: `npm run translations`.
import { writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname } from "node:path";
import { catalogPath, readCatalog, UI_CONTEXT } from "../src/i18n/catalog.js";
import { fileStrings, specFileStrings } from "../src/diagrams/extract-strings.js";
import { LANGS } from "../src/langs.js";
import { uiStrings } from "../src/i18n/ui-strings.js";
import type { SourceString } from "../src/i18n/write-catalog.js";
import { catalogText } from "../src/i18n/write-catalog.js";
import { BUILTIN_DIR, builtinFiles, builtinTableFiles } from "../src/spec-format/builtins.js";

const strings: SourceString[] = [];
for (const file of builtinFiles()) {
  const found = await specFileStrings(file, `specs/${basename(file)}`);
  if (found.diagnostics.length > 0) throw new Error(`${file}: ${found.diagnostics.map((d) => d.message).join("; ")}`);
  strings.push(...found.strings);
}
// A built-in table's own words are its title, under its id.
for (const file of builtinTableFiles()) strings.push(...(await fileStrings(file, `specs/tables/${basename(file)}`)));
strings.push(...uiStrings().map((text) => ({ context: UI_CONTEXT, text, note: "vstack's own words: legend, table headings" })));
for (const lang of LANGS.filter((l) => l !== "en")) {
  const file = catalogPath(BUILTIN_DIR, lang);
  mkdirSync(dirname(file), { recursive: true });
  const previous = readCatalog(file);
  writeFileSync(file, catalogText(lang, strings, previous));
  const catalog = readCatalog(file)!;
  const missing = catalog.entries.filter((e) => e.translation === "").length;
  console.log(`${file}: ${catalog.entries.length} strings, ${missing} untranslated`);
}
