import { po, type PoData, type PoEntry } from "gettext-parser";
import type { Catalog } from "./catalog.js";
import type { Lang } from "../langs.js";

/** One string to translate: its context (a spec id, or `vstack`), the English, and where it is. */
export interface SourceString {
  context: string;
  text: string;
  /** `specs/xen.yaml:12`: a PO reference, which translators' tools open. */
  reference?: string;
  /** Shown to the translator: where in the spec it is (`stack › 2 › detail`). */
  note?: string;
}

/**
 * The catalog for `strings`, keeping every translation `previous` has for them; entries of
 * `previous` that no string uses any more are dropped (their English is gone). Sorted as given,
 * so a re-run writes the same bytes.
 */
export function catalogText(lang: Lang, strings: SourceString[], previous?: Catalog): string {
  const translations: PoData["translations"] = { "": { "": { msgid: "", msgstr: [`Language: ${lang}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\nX-Generator: vstack\n`] } } };
  for (const s of strings) {
    const group = (translations[s.context] ??= {});
    const had = group[s.text];
    if (had) {
      if (s.reference && !had.comments?.reference?.split("\n").includes(s.reference)) had.comments = { ...had.comments, reference: [had.comments?.reference, s.reference].filter(Boolean).join("\n") };
      continue;
    }
    const entry: PoEntry = { msgctxt: s.context, msgid: s.text, msgstr: [previous?.get(s.context, s.text) ?? ""] };
    entry.comments = { ...(s.note && { extracted: s.note }), ...(s.reference && { reference: s.reference }) };
    group[s.text] = entry;
  }
  const data: PoData = { charset: "utf-8", headers: { Language: lang, "MIME-Version": "1.0", "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit", "X-Generator": "vstack" }, translations };
  return `${po.compile(data, { foldLength: 0 }).toString("utf8")}\n`;
}
