import { uiText, WORDS } from "../i18n/ui-strings.js";
import { escapeHtml } from "../escape-html.js";
import { textWidth, wrapText } from "../layout/text-width.js";
import { swatch, type Theme } from "../kinds/palette.js";
import { SVG_FONT_FAMILY } from "../render/mermaid-config.js";
import type { LabelLine } from "../render/renderer.js";

/** A picture vstack lays out itself (no Mermaid): the SVG, and its text lines for font embedding and outlining. */
export interface Drawing {
  svg: string;
  labels: LabelLine[];
  width: number;
  height: number;
}
import type { FactTable, TableCell } from "./fact-table.js";


export interface TableLayout {
  /** The table's width in CSS pixels: text wraps inside its columns to fit. */
  width: number;
  /** The cells' type size in CSS pixels; headings, the title and the sources are sized from it. */
  fontSize: number;
}

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const superscript = (n: number) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join("");
/** The mark on an illustrative cell, explained under the table. */
const DAGGER = "†";

/**
 * A comparison table drawn as SVG in the diagrams' palette and type: the title, a header row
 * of the compared stacks, a row per property with its name in bold, sources as superscript
 * numbers listed under the table, illustrative cells marked †. Laid out here with Noto Sans's
 * advance widths (as labels are wrapped), so the same table gives the same bytes everywhere;
 * the browser only rasterises it.
 */
export function drawTable(table: FactTable, theme: Theme, { width, fontSize }: TableLayout): Drawing {
  const ink = swatch(theme, "caption").color;
  const head = swatch(theme, "hardware");
  const pad = Math.round(fontSize * 0.6);
  const line = fontSize * 1.35;
  const small = fontSize * 0.8;
  const say = (text: string) => uiText(table.lang, text);
  const labels: LabelLine[] = [];
  const parts: string[] = [];
  const text = (content: string, x: number, y: number, size: number, bold: boolean, fill = ink) => {
    const id = `vstack-diagram-t${labels.length}`;
    labels.push({ id, runs: [{ text: content, size, bold, italic: false, fill }] });
    parts.push(`<text id="${id}" class="vstack-text" x="${x.toFixed(2)}" y="${y.toFixed(2)}" font-family="${SVG_FONT_FAMILY}" style="fill:${fill};stroke:none;font-size:${size}px${bold ? ";font-weight:bold" : ""}" xml:space="preserve">${escapeHtml(content)}</text>`);
  };
  const lines = (content: string, room: number, size: number, bold: boolean) => wrapText(content, room, bold, size, table.lang).split("\n");

  let y = 0;
  for (const l of lines(table.title, width, fontSize * 1.25, true)) text(l, 0, (y += fontSize * 1.25 * 1.3) - fontSize * 0.3, fontSize * 1.25, true);
  y += pad;

  // The names column as wide as its longest name needs (at most a quarter), the stacks share the rest.
  const nameWidth = Math.min(Math.max(...table.rows.map((r) => textWidth(r.name, true, fontSize))) + 2 * pad, width / 4);
  const columnWidth = (width - nameWidth) / table.columns.length;
  const xs = [0, ...table.columns.map((_, i) => nameWidth + i * columnWidth)];
  const widths = [nameWidth, ...table.columns.map(() => columnWidth)];
  const cellText = (c: TableCell | undefined) => (c ? `${c.value}${c.illustrative ? `\u00a0${DAGGER}` : ""}${c.source !== undefined ? `\u00a0${superscript(c.source)}` : ""}` : "—");
  const grid: Array<{ cells: string[][]; bold: boolean[]; shaded: boolean[] }> = [
    { cells: [[""], ...table.columns.map((c) => lines(c.title, columnWidth - 2 * pad, fontSize, true))], bold: widths.map(() => true), shaded: widths.map(() => true) },
    ...table.rows.map((r) => ({
      cells: [lines(r.name, nameWidth - 2 * pad, fontSize, true), ...r.cells.map((c) => lines(cellText(c), columnWidth - 2 * pad, fontSize, false))],
      bold: widths.map((_, i) => i === 0),
      shaded: widths.map((_, i) => i === 0),
    })),
  ];
  const top = y;
  const rules: string[] = [];
  for (const row of grid) {
    const height = Math.max(...row.cells.map((c) => c.length)) * line + 2 * pad;
    row.cells.forEach((cell, i) => {
      if (row.shaded[i]) parts.push(`<rect x="${xs[i]!.toFixed(2)}" y="${y.toFixed(2)}" width="${widths[i]!.toFixed(2)}" height="${height.toFixed(2)}" style="fill:${head.fill};stroke:none"/>`);
      cell.forEach((l, j) => l && text(l, xs[i]! + pad, y + pad + (j + 1) * line - (line - fontSize) / 2 - fontSize * 0.2, fontSize, row.bold[i]!));
    });
    y += height;
    rules.push(`<line x1="0" y1="${y.toFixed(2)}" x2="${width.toFixed(2)}" y2="${y.toFixed(2)}"/>`);
  }
  for (const x of xs.slice(1)) rules.push(`<line x1="${x.toFixed(2)}" y1="${top.toFixed(2)}" x2="${x.toFixed(2)}" y2="${y.toFixed(2)}"/>`);
  parts.push(`<rect x="0" y="${top.toFixed(2)}" width="${width.toFixed(2)}" height="${(y - top).toFixed(2)}" style="fill:none;stroke:${head.stroke};stroke-width:1.5"/>`);
  parts.push(`<g class="vstack-table-rules" style="stroke:${head.stroke};stroke-width:1">${rules.join("")}</g>`);

  // Under the table: what † means, then the sources by number.
  y += pad;
  const notes = [
    ...(table.rows.some((r) => r.cells.some((c) => c?.illustrative)) ? [`${DAGGER} ${say(WORDS.illustrative)}: ${say(WORDS.illustrativeMeans)}`] : []),
    ...(table.sources.length > 0 ? [`${say(WORDS.sources)}:`] : []),
    ...table.sources.map((url, i) => `${superscript(i + 1)} ${url}`),
  ];
  for (const note of notes) for (const l of lines(note, width, small, false)) text(l, 0, (y += small * 1.35), small, false);
  const height = Math.ceil(y + pad);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" id="vstack-diagram" class="vstack-table" width="100%" viewBox="-8 -8 ${width + 16} ${height + 16}" style="max-width:${width + 16}px">${parts.join("")}</svg>`;
  return { svg, labels, width: width + 16, height: height + 16 };
}
