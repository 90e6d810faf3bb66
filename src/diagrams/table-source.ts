import { inLanguage } from "../i18n/translate-spec.js";
import { dirname } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { Lang } from "../langs.js";
import { documentData, parseSource, positionAt } from "../source/yaml-source.js";
import { loadSpec } from "../spec-format/load-spec.js";
import type { Spec } from "../spec-format/types.js";
import { factTable, type FactTable } from "../table/fact-table.js";
import { fenceRef, type Project } from "./fence-ref.js";

/** Whether YAML text asks for a table (`table:` among its top keys) rather than a picture of a stack. */
export function isTableSource(text: string): boolean {
  return /^table[ \t]*:/m.test(text) && !/^(stack|compare|use)[ \t]*:/m.test(text);
}

/** Where a problem in the table's text is: its line and column there, made a diagnostic by the caller. */
export type Here = (line: number, col: number, code: string, message: string) => Diagnostic;

export interface TableSource {
  /** The table in each language asked for, in that order. */
  tables: FactTable[];
  /** The other keys the text holds, checked against `keys` (`format` in a fence, `id` and `title` in a file). */
  data: Record<string, unknown>;
  /** Absolute paths of the specs it read. */
  inputs: string[];
  /** A diagnostic at a place in the text (for the caller's checks of its own keys). */
  at(path: PropertyKey[], code: string, message: string): Diagnostic;
}

/**
 * `table: [type-1-hypervisor, linux-containers]` (built-in ids, or paths relative to `file`'s
 * folder; a comparison stands for its stacks) and the other `keys` allowed beside it: the
 * comparison table of those specs' facts in each language, or diagnostics placed in the text.
 */
export async function tableSource(file: string, shown: string, text: string, here: Here, project: Project, keys: string[], langs: Lang[] = ["en"]): Promise<{ source?: TableSource; diagnostics: Diagnostic[] }> {
  const { source, diagnostics: parsed } = parseSource(shown, text);
  if (parsed.length > 0) return { diagnostics: parsed.map((d) => here(d.line ?? 1, d.col ?? 1, d.code, d.message)) };
  const place = (path: PropertyKey[], code: string, message: string) => {
    const { line, col } = positionAt(source, path);
    return here(line, col, code, message);
  };
  const at = (path: PropertyKey[], code: string, message: string) => ({ diagnostics: [place(path, code, message)] });
  const read = documentData(source.doc);
  const data = ("data" in read ? read.data : {}) as Record<string, unknown>;
  const { table, ...rest } = data;
  const extra = Object.keys(rest).filter((k) => !keys.includes(k));
  if (extra.length > 0) return at([extra[0]!], "table-key", `a table holds "table"${keys.length > 0 ? ` and optionally ${keys.map((k) => `"${k}"`).join(", ")}` : ""}; found ${extra.join(", ")}`);
  if (!Array.isArray(table) || table.length === 0 || !table.every((t) => typeof t === "string")) return at(["table"], "table-list", "table: lists the specs to compare, e.g. [type-1-hypervisor, linux-containers]");
  const refs = table as string[];
  const tables: FactTable[] = [];
  const inputs = new Set<string>();
  for (const lang of langs) {
    const specs: Spec[] = [];
    for (const [i, ref] of refs.entries()) {
      const found = fenceRef(ref, dirname(file), project.cwd);
      if ("code" in found) return at(["table", i], found.code, found.message);
      const loaded = await loadSpec(found.target, inLanguage({ ...project, lang }));
      if (!loaded.spec) return { diagnostics: [...at(["table", i], "bad-ref", `"${ref}" has errors of its own (below)`).diagnostics, ...loaded.diagnostics] };
      specs.push(loaded.spec);
      for (const input of [found.target, ...(loaded.spec.type === "compare" ? loaded.spec.references : [])]) inputs.add(input);
    }
    const made = factTable(specs);
    if (made.rows.length === 0) return at(["table"], "no-facts", `${refs.join(", ")} state no facts; add facts: to the specs (see README, "Facts and tables")`);
    tables.push(made);
  }
  return { source: { tables, data: rest, inputs: [...inputs], at: place }, diagnostics: [] };
}
