import { escapeHtml } from "../escape-html.js";
import type { FactTable, TableCell } from "./fact-table.js";
import { uiText, WORDS } from "../i18n/ui-strings.js";

/** The mark on an illustrative cell, and what it means (said once under the table), in the table's language. */
function words(table: FactTable): { illustrative: string; means: string } {
  return { illustrative: uiText(table.lang, WORDS.illustrative), means: uiText(table.lang, WORDS.illustrativeMeans) };
}


/**
 * GitHub-flavoured Markdown: the title in bold, a pipe table, sources as footnotes (GitHub,
 * GitLab, MkDocs with footnotes, Docusaurus and VitePress all render `[^n]`).
 */
export function tableMarkdown(table: FactTable): string {
  const { illustrative, means } = words(table);
  const cell = (c: TableCell | undefined) => {
    if (!c) return "—";
    const text = c.value.replace(/\|/g, "\\|").replace(/\n/g, " ");
    return `${text}${c.illustrative ? ` _(${illustrative})_` : ""}${c.source !== undefined ? `[^${table.id}-${c.source}]` : ""}`;
  };
  const lines = [
    `**${table.title}**`,
    "",
    `| | ${table.columns.map((c) => c.title.replace(/\|/g, "\\|")).join(" | ")} |`,
    `| --- |${" --- |".repeat(table.columns.length)}`,
    ...table.rows.map((r) => `| **${r.name}** | ${r.cells.map(cell).join(" | ")} |`),
  ];
  if (table.rows.some((r) => r.cells.some((c) => c?.illustrative))) lines.push("", `_(${illustrative})_: ${means}.`);
  if (table.sources.length > 0) lines.push("", ...table.sources.map((url, i) => `[^${table.id}-${i + 1}]: <${url}>`));
  return `${lines.join("\n")}\n`;
}

/** An HTML table for docs sites: a caption, scoped headers, numbered sources listed under it. */
export function tableHtml(table: FactTable): string {
  const { illustrative, means } = words(table);
  const ref = (n: number) => `${table.id}-source-${n}`;
  const cell = (c: TableCell | undefined) => {
    if (!c) return "<td>—</td>";
    const mark = c.illustrative ? ` <small class="vstack-illustrative">(${escapeHtml(illustrative)})</small>` : "";
    const source = c.source !== undefined ? `<sup><a href="#${ref(c.source)}">${c.source}</a></sup>` : "";
    return `<td>${escapeHtml(c.value)}${mark}${source}</td>`;
  };
  const out = [
    `<table class="vstack-table" id="${escapeHtml(table.id)}">`,
    `<caption>${escapeHtml(table.title)}</caption>`,
    `<thead><tr><td></td>${table.columns.map((c) => `<th scope="col">${escapeHtml(c.title)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...table.rows.map((r) => `<tr><th scope="row">${escapeHtml(r.name)}</th>${r.cells.map(cell).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ];
  if (table.rows.some((r) => r.cells.some((c) => c?.illustrative))) out.push(`<p class="vstack-table-note"><small>(${escapeHtml(illustrative)}): ${escapeHtml(means)}.</small></p>`);
  if (table.sources.length > 0) out.push(`<ol class="vstack-table-sources">${table.sources.map((url, i) => `<li id="${ref(i + 1)}"><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`).join("")}</ol>`);
  return `${out.join("\n")}\n`;
}
