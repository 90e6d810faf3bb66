import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { translated } from "../i18n/catalog.js";
import { langInfix, type Lang } from "../langs.js";
import type { LayoutOptions } from "../layout/fit-width.js";
import { ID_RULE } from "../source/id-rule.js";
import { drawTable, type TableLayout } from "../table/draw-table.js";
import type { FactTable } from "../table/fact-table.js";
import type { Diagram } from "./diagram.js";
import type { Project } from "./fence-ref.js";
import { tableSource } from "./table-source.js";

/**
 * A table file: `id`, optionally `title`, and `table:` naming the specs to compare. Drawn as a
 * picture (SVG, PNG, PDF) like a diagram, once per language; its title is translated from the
 * catalog beside it under its id, as a spec's strings are.
 */
export async function tableFileDiagrams(file: string, shown: string, text: string, project: Project, layout: LayoutOptions, langs: Lang[] = ["en"]): Promise<{ found: Diagram[]; diagnostics: Diagnostic[] }> {
  const here = (line: number, col: number, code: string, message: string): Diagnostic => ({ file: shown, line, col, code, message, source: text });
  const { source, diagnostics } = await tableSource(resolve(file), shown, text, here, project, ["id", "title", "$schema"], langs);
  if (!source) return { found: [], diagnostics };
  const { id, title } = source.data;
  if (typeof id !== "string" || !ID_RULE.pattern.test(id)) return { found: [], diagnostics: [source.at(id === undefined ? [] : ["id"], "table-id", `a table file needs an id that names its files: ${ID_RULE.says}`)] };
  if (title !== undefined && (typeof title !== "string" || title.trim() === "")) return { found: [], diagnostics: [source.at(["title"], "table-title", "title is the table's heading: a line of text")] };
  const found = source.tables.map((table) => {
    const lang = table.lang ?? "en";
    const own = typeof title === "string" ? translated(resolve(file), lang, id, title) : undefined;
    return tableDiagram({ ...table, ...(own !== undefined && { title: own }) }, { id: id + langInfix(lang), file: shown, inputs: [resolve(file), ...source.inputs] }, layout);
  });
  return { found, diagnostics: [] };
}

/** A fact table as a diagram: laid out by vstack (no Mermaid), in the width the run asks for or to fill its canvas. */
export function tableDiagram(table: FactTable, meta: { id: string; file: string; inputs: string[] }, layout: LayoutOptions): Diagram {
  return {
    ...meta,
    title: table.title,
    description: describeTable(table),
    notes: [],
    sources: table.sources,
    tags: ["table"],
    // Shown with the comparisons in the gallery and `vstack list`.
    family: "comparisons",
    ...(table.lang && { lang: table.lang }),
    body: { type: "table", drawing: (theme) => drawTable(table, theme, tableLayout(table, layout)) },
  };
}

/**
 * The table's width: the page's, or with a canvas (a 16:9 slide) the width whose drawing the
 * canvas shows largest: a narrow table is tall and shrinks to fit the slide's height, a wide
 * one shrinks to fit its width.
 */
export function tableLayout(table: FactTable, { maxWidth, fontSize, canvas }: LayoutOptions): TableLayout {
  if (!canvas) return { width: Math.max(maxWidth - 16, 320), fontSize };
  let best = { width: maxWidth, scale: 0 };
  for (let width = 640; width <= Math.max(maxWidth, 640); width += 80) {
    const drawn = drawTable(table, "light", { width, fontSize });
    const scale = Math.min(canvas.width / drawn.width, canvas.height / drawn.height);
    if (scale > best.scale) best = { width, scale };
  }
  return { width: best.width, fontSize };
}

/** The table read out in words, for the SVG's description and alt text. */
function describeTable(table: FactTable): string {
  const rows = table.rows.map((r) => `${r.name}: ${r.cells.map((c, i) => `${table.columns[i]!.title}, ${c?.value ?? "—"}`).join("; ")}.`);
  return [`${table.title}.`, ...rows].join(" ");
}
