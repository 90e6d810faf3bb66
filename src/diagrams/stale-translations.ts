import { basename, dirname, join } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { displayPath } from "../paths.js";
import { BUILTIN_DIR } from "../spec-format/builtins.js";
import { catalogOfFile, CatalogError, readCatalog, UI_CONTEXT } from "../i18n/catalog.js";
import { fileStrings } from "./extract-strings.js";
import type { Lang } from "../langs.js";
import { uiStrings } from "../i18n/ui-strings.js";

/**
 * Entries of the catalogs that translate `files` (spec and table files) whose English no longer
 * appears: a label renamed or removed. Only the contexts of the files given are judged (a
 * catalog may also serve specs not checked now). Missing translations are the loader's to report.
 */
export async function staleTranslations(files: string[], langs: Lang[], cwd: string): Promise<Diagnostic[]> {
  const wanted = new Map<string, Map<string, Set<string>>>();
  for (const file of files) {
    const dir = dirname(catalogOfFile(file, "en"));
    const contexts = wanted.get(dir) ?? new Map<string, Set<string>>();
    wanted.set(dir, contexts);
    for (const { context, text } of await fileStrings(file, basename(file))) contexts.set(context, (contexts.get(context) ?? new Set()).add(text));
    if (dir === join(BUILTIN_DIR, "i18n")) contexts.set(UI_CONTEXT, new Set(uiStrings()));
  }
  const problems: Diagnostic[] = [];
  for (const [dir, contexts] of wanted) {
    for (const lang of langs.filter((l) => l !== "en")) {
      const path = `${dir}/${lang}.po`;
      let catalog;
      try {
        catalog = readCatalog(path);
      } catch (err) {
        if (err instanceof CatalogError) continue; // reported by the loader, with each spec it breaks
        throw err;
      }
      for (const e of catalog?.entries ?? []) {
        const texts = contexts.get(e.context);
        if (texts && !texts.has(e.text))
          problems.push({ file: displayPath(path, cwd), line: e.line, col: 1, code: "stale-translation", message: `msgctxt "${e.context}": "${e.text.split("\n")[0]}" is no longer in the spec; delete the entry (its English is gone)` });
      }
    }
  }
  return problems;
}
