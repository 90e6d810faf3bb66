import type { Diagnostic } from "../diagnostics.js";
import { parseSource, positionAt, readSource } from "../source/yaml-source.js";
import type { SpecInput } from "../spec-format/schema.js";
import { validateSource } from "../spec-format/validate.js";
import { isTableSource } from "./table-source.js";
import { specStrings } from "../i18n/spec-strings.js";
import type { SourceString } from "../i18n/write-catalog.js";

/** The strings of one spec file to translate, each with its line (what a catalog's references point at). */
export async function specFileStrings(file: string, shown: string): Promise<{ spec?: SpecInput; strings: SourceString[]; diagnostics: Diagnostic[] }> {
  const read = await readSource(file);
  if ("error" in read) return { strings: [], diagnostics: [{ ...read.error, file: shown }] };
  const { source, diagnostics } = parseSource(shown, read.text);
  if (diagnostics.length > 0) return { strings: [], diagnostics };
  const checked = validateSource(source);
  if (!checked.spec) return { strings: [], diagnostics: checked.diagnostics };
  const spec = checked.spec;
  const strings = specStrings(spec).map(({ text, path }) => ({
    context: spec.id,
    text,
    reference: `${shown}:${positionAt(source, path).line}`,
    note: path.map((p) => (typeof p === "number" ? p + 1 : p)).join(" › "),
  }));
  return { spec, strings, diagnostics: [] };
}

/** The strings of a spec file, or of a table file (its title, under its id), to translate. */
export async function fileStrings(file: string, shown: string): Promise<SourceString[]> {
  const read = await readSource(file);
  if ("error" in read) return [];
  if (!isTableSource(read.text)) return (await specFileStrings(file, shown)).strings;
  const { source } = parseSource(shown, read.text);
  const data = source.doc.toJS() as { id?: unknown; title?: unknown } | null;
  if (typeof data?.id !== "string" || typeof data.title !== "string") return [];
  return [{ context: data.id, text: data.title.trim(), reference: `${shown}:${positionAt(source, ["title"]).line}`, note: "title" }];
}
