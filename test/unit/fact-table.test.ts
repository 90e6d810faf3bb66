import type { Element, Root, RootContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { factTable } from "../../src/table/fact-table.js";
import { tableHtml, tableMarkdown } from "../../src/table/print-table.js";
import { ROOT } from "../support/paths.js";
import { expectGolden } from "../support/golden.js";

const spec = async (id: string, facts: string): Promise<Spec> => {
  const { spec, diagnostics } = await loadSpecText(`${id}.yaml`, `id: ${id}\ntitle: ${id.toUpperCase()}\nsources: [https://example.com/]\nfacts:\n${facts}stack:\n  - { layer: HW, kind: hardware }\n`, ROOT);
  expect(diagnostics).toEqual([]);
  return spec!;
};

describe("fact tables", () => {
  it("numbers each distinct source once in reading order, leaves a dash where a spec says nothing, and lists only rows someone states", async () => {
    const a = await spec("a", "  kernel: { value: shared, source: https://a.example/k }\n  startup: { value: ms, illustrative: true }\n");
    const b = await spec("b", '  kernel: { value: "own | per VM", source: https://b.example/k }\n  image: { value: GBs, source: https://a.example/k }\n');
    const table = factTable([a, b]);
    expect(table.rows.map((r) => r.key)).toEqual(["kernel", "image", "startup"]);
    expect(table.sources).toEqual(["https://a.example/k", "https://b.example/k"]);
    expect(table.rows[1]!.cells).toEqual([undefined, { value: "GBs", illustrative: false, source: 1 }]);
    const md = tableMarkdown(table);
    expect(md).toContain("| **Kernel** | shared[^a-vs-b-1] | own \\| per VM[^a-vs-b-2] |");
    expect(md).toContain("| **Start-up** | ms _(illustrative)_ | — |");
    expect(md).toContain("[^a-vs-b-2]: <https://b.example/k>");
    const html = tableHtml(table);
    expect(html).toContain('<th scope="row">Image</th><td>—</td><td>GBs<sup><a href="#a-vs-b-source-1">1</a></sup></td>');
    expect(html).toContain('<li id="a-vs-b-source-2"><a href="https://b.example/k">https://b.example/k</a></li>');
  });

  it("the HTML reads as the Markdown does: each cell's text with its mark, the note on the mark, the sources", async () => {
    const a = await spec("a", "  kernel: { value: shared, source: https://a.example/k }\n  startup: { value: ms, illustrative: true }\n");
    const b = await spec("b", "  startup: { value: seconds, illustrative: true, source: https://b.example/s }\n");
    const page = fromHtml(tableHtml(factTable([a, b])), { fragment: true });
    const rows = all(page, "tr").map((tr) => tr.children.filter((c) => c.type === "element").map(text));
    expect(rows).toEqual([
      ["", "A", "B"],
      ["Kernel", "shared1", "—"],
      ["Start-up", "ms (illustrative)", "seconds (illustrative)2"],
    ]);
    expect(all(page, "caption").map(text)).toEqual(["A vs B"]);
    expect(all(page, "p").map(text)).toEqual(["(illustrative): an order of magnitude or a general claim, not a measurement."]);
    expect(all(page, "li").map(text)).toEqual(["https://a.example/k", "https://b.example/s"]);
    expect(text(page)).not.toMatch(/\$\{|\}/);
  });

  it("escapes what HTML would read as markup", async () => {
    const x = await spec("x", '  kernel: { value: "<script>&", source: "https://x.example/?a=1&b=2" }\n');
    const html = tableHtml(factTable([x]));
    expect(html).toContain("<td>&lt;script&gt;&amp;<sup>");
    expect(html).toContain('href="https://x.example/?a=1&amp;b=2"');
    expect(html).not.toContain("<script>");
  });
});

describe("drawn tables", () => {
  const table = async (lang?: "de" | "zh") => {
    const { tableSource } = await import("../../src/diagrams/table-source.js");
    const here = (line: number, col: number, code: string, message: string) => ({ file: "t", line, col, code, message });
    const { source, diagnostics } = await tableSource(`${ROOT}/t.yaml`, "t", "table: [vm-vs-container]\n", here, { cwd: ROOT }, [], [lang ?? "en"]);
    expect(diagnostics).toEqual([]);
    return source!.tables[0]!;
  };

  it("lays the table out in its width: every line of text inside its column, rows one below the other (golden SVG)", async () => {
    const { drawTable } = await import("../../src/table/draw-table.js");
    const { textWidth } = await import("../../src/layout/text-width.js");
    const made = await table();
    const drawn = drawTable(made, "light", { width: 864, fontSize: 16 });
    expectGolden("tables/vm-vs-container.light.svg", `${drawn.svg}\n`);
    expect(drawn.width).toBe(880);
    // Column edges from the vertical rules; each text line starts in a column and ends before its right edge.
    const edges = [0, ...[...drawn.svg.matchAll(/<line x1="([\d.]+)" y1="[\d.]+" x2="\1"/g)].map((m) => Number(m[1])), 864].sort((a, b) => a - b);
    const texts = [...drawn.svg.matchAll(/<text id="[^"]+" class="vstack-text" x="([\d.]+)" y="([\d.]+)"[^>]*font-size:([\d.]+)px(;font-weight:bold)?[^>]*>([^<]*)<\/text>/g)];
    expect(texts.length).toBe(drawn.labels.length);
    let inCells = 0;
    for (const [, x, , size, bold, content] of texts) {
      const left = Number(x);
      // The title and the notes under the table (x = 0) span the whole width.
      const right = left === 0 ? 864 : edges.find((e) => e > left)!;
      const width = textWidth(content!.replace(/&amp;/g, "&").replace(/&#39;|&apos;/g, "'"), Boolean(bold), Number(size));
      expect(left + width, content).toBeLessThanOrEqual(right);
      if (right < 864) inCells++;
    }
    expect(inCells).toBeGreaterThan(20);
    // Sources as superscripts: seven distinct sources, each listed once under the table.
    expect(made.sources).toHaveLength(7);
    for (const n of ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷"]) expect(drawn.labels.some((l) => l.runs[0]!.text.startsWith(`${n} https://`))).toBe(true);
  });

  it("a slide canvas picks the width that shows the table largest", async () => {
    const { tableLayout } = await import("../../src/diagrams/table-diagram.js");
    const made = await table();
    const docs = tableLayout(made, { maxWidth: 880, fontSize: 16 });
    const slide = tableLayout(made, { maxWidth: 2000, fontSize: 16, canvas: { width: 1920, height: 1080 } });
    expect(docs.width).toBe(864);
    expect(slide.width).toBeGreaterThan(docs.width);
  });

  it("another language: headings and vstack's own words translated, sources the same", async () => {
    const en = await table();
    const de = await table("de");
    expect(de.lang).toBe("de");
    expect(de.rows.map((r) => r.name)).toContain("Isolationsgrenze");
    expect(de.sources).toEqual(en.sources);
    expect(tableMarkdown(de)).toContain("_(veranschaulichend)_");
  });
});

/** The text a reader sees in a hast tree (markup gone, entities decoded). */
function text(node: Root | RootContent): string {
  if (node.type === "text") return node.value;
  return "children" in node ? node.children.map(text).join("") : "";
}

/** Every element of that name in a hast tree, in document order. */
function all(node: Root | RootContent, tagName: string): Element[] {
  const found = node.type === "element" && node.tagName === tagName ? [node] : [];
  return "children" in node ? [...found, ...node.children.flatMap((c) => all(c, tagName))] : found;
}
