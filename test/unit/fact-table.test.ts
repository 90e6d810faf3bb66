import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/spec/load-spec.js";
import type { Spec } from "../../src/spec/types.js";
import { factTable } from "../../src/table/fact-table.js";
import { tableHtml, tableMarkdown } from "../../src/table/print-table.js";
import { ROOT } from "../support/paths.js";

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

  it("escapes what HTML would read as markup", async () => {
    const x = await spec("x", '  kernel: { value: "<script>&", source: "https://x.example/?a=1&b=2" }\n');
    const html = tableHtml(factTable([x]));
    expect(html).toContain("<td>&lt;script&gt;&amp;<sup>");
    expect(html).toContain('href="https://x.example/?a=1&amp;b=2"');
    expect(html).not.toContain("<script>");
  });
});
