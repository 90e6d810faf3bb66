import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { tableHtml, tableMarkdown } from "../table/print-table.js";
import { fenceLang, type Project } from "./fence-ref.js";
import type { Fence } from "./fences.js";
import { tableSource, type Here } from "./table-source.js";

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

/**
 * `table: [type-1-hypervisor, linux-containers]` (built-in ids or paths relative to the page;
 * a comparison stands for its stacks), optionally `format: html` (default md, a GitHub table
 * with footnotes): the comparison table of those specs' facts.
 */
export async function tableFence(file: string, shown: string, fence: Fence, here: Here, project: Project): Promise<{ table?: Omit<FenceTable, "fence">; diagnostics: Diagnostic[] }> {
  const { source: first, diagnostics } = await tableSource(resolve(file), shown, fence.body, here, project, ["format", "lang"], [project.lang ?? "en"]);
  if (!first) return { diagnostics };
  // A fence may name its own language: read again in it (the first read placed any problem).
  const lang = first.data.lang === undefined ? undefined : fenceLang(first.data.lang);
  if (typeof lang === "object") return { diagnostics: [first.at(["lang"], lang.code, lang.message)] };
  const source = lang && lang !== (project.lang ?? "en") ? (await tableSource(resolve(file), shown, fence.body, here, project, ["format", "lang"], [lang])).source! : first;
  const { format = "md" } = source.data;
  if (typeof format !== "string" || !FORMATS.includes(format)) return { diagnostics: [source.at(["format"], "table-format", "format is md (a GitHub table, the default) or html")] };
  const made = source.tables[0]!;
  const html = tableHtml(made).trimEnd();
  return { table: { text: format === "html" ? html : tableMarkdown(made).trimEnd(), html, inputs: [resolve(file), ...source.inputs] }, diagnostics: [] };
}
