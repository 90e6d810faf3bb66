import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { documentData, parseSource, positionAt } from "../source/yaml-source.js";
import { loadSpec } from "../spec/load-spec.js";
import type { Spec } from "../spec/types.js";
import { factTable } from "../table/fact-table.js";
import { tableHtml, tableMarkdown } from "../table/print-table.js";
import { fenceRef, type Project } from "./fence-ref.js";
import type { Fence } from "./fences.js";

/** A ```vstack fence with `table:`: the text that stands in its place, and the files it was made from. */
export interface FenceTable {
  /** In the format the fence asks for (Markdown unless `format: html`). */
  text: string;
  /** As HTML whatever the fence asks for: a site plugin writes HTML. */
  html: string;
  /** Absolute paths of the specs it read: a change to any rewrites the page. */
  inputs: string[];
  fence: Fence & { path: string; text: string };
}

const FORMATS = ["md", "html"];

/** Whether a fence asks for a table (`table:` first among its keys) rather than a picture. */
export function isTableFence(body: string): boolean {
  return /^table[ \t]*:/m.test(body) && !/^(stack|compare|use)[ \t]*:/m.test(body);
}

type Here = (line: number, col: number, code: string, message: string) => Diagnostic;

/**
 * `table: [type-1-hypervisor, linux-containers]` (built-in ids or paths relative to the page;
 * a comparison stands for its stacks), optionally `format: html` (default md, a GitHub table
 * with footnotes): the comparison table of those specs' facts.
 */
export async function tableFence(file: string, shown: string, fence: Fence, here: Here, project: Project): Promise<{ table?: Omit<FenceTable, "fence">; diagnostics: Diagnostic[] }> {
  const { source, diagnostics: parsed } = parseSource(shown, fence.body);
  if (parsed.length > 0) return { diagnostics: parsed.map((d) => here(d.line ?? 1, d.col ?? 1, d.code, d.message)) };
  const at = (path: PropertyKey[], code: string, message: string) => {
    const { line, col } = positionAt(source, path);
    return { diagnostics: [here(line, col, code, message)] };
  };
  const read = documentData(source.doc);
  const data = ("data" in read ? read.data : {}) as Record<string, unknown>;
  const { table, format = "md", ...rest } = data;
  if (Object.keys(rest).length > 0) return at([Object.keys(rest)[0]!], "table-key", `a table fence holds "table" and optionally "format"; found ${Object.keys(rest).join(", ")}`);
  if (!Array.isArray(table) || table.length === 0 || !table.every((t) => typeof t === "string")) return at(["table"], "table-list", "table: lists the specs to compare, e.g. [type-1-hypervisor, linux-containers]");
  if (typeof format !== "string" || !FORMATS.includes(format)) return at(["format"], "table-format", `format is md (a GitHub table, the default) or html`);
  const pageDir = dirname(resolve(file));
  const specs: Spec[] = [];
  const inputs: string[] = [resolve(file)];
  for (const [i, ref] of (table as string[]).entries()) {
    const found = fenceRef(ref, pageDir, project.cwd);
    if ("code" in found) return at(["table", i], found.code, found.message);
    const loaded = await loadSpec(found.target, project);
    if (!loaded.spec) return { diagnostics: [...at(["table", i], "bad-ref", `"${ref}" has errors of its own (below)`).diagnostics, ...loaded.diagnostics] };
    specs.push(loaded.spec);
    inputs.push(found.target, ...(loaded.spec.type === "compare" ? loaded.spec.references : []));
  }
  const made = factTable(specs);
  if (made.rows.length === 0) return at(["table"], "no-facts", `${(table as string[]).join(", ")} state no facts; add facts: to the specs (see README, "Facts and tables")`);
  const html = tableHtml(made).trimEnd();
  return { table: { text: format === "html" ? html : tableMarkdown(made).trimEnd(), html, inputs: [...new Set(inputs)] }, diagnostics: [] };
}
