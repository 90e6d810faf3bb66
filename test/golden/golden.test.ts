import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { emitMermaid } from "../../src/emit/emit.js";
import { TemplateSet } from "../../src/emit/templates.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import { drawSpec } from "../../src/text/draw-stack.js";
import { factTable } from "../../src/table/fact-table.js";
import { tableHtml, tableMarkdown } from "../../src/table/print-table.js";
import { expectGolden } from "../support/golden.js";
import { FIXTURES, ROOT } from "../support/paths.js";

const templates = new TemplateSet();

/** The built-ins, and fixtures that use what no built-in does (kinds of your own). */
const specFiles = () => [...builtinFiles(), join(ROOT, "examples", "kinds", "pods-three-ways.yaml")];

describe("golden Mermaid for every built-in spec", async () => {
  for (const file of specFiles()) {
    const { spec, diagnostics } = await loadSpec(file);
    it(`${relative(ROOT, file)}`, () => {
      expect(diagnostics).toEqual([]);
      expectGolden(`mermaid/${spec!.id}.block.light.mmd`, emitMermaid(spec!, "light", templates, "block"));
      expectGolden(`mermaid/${spec!.id}.block.dark.mmd`, emitMermaid(spec!, "dark", templates, "block"));
      expectGolden(`mermaid/${spec!.id}.flowchart.light.mmd`, emitMermaid(spec!, "light", templates, "flowchart"));
    });
  }
});

describe("golden terminal drawings (vstack show), 100 columns", async () => {
  for (const file of specFiles()) {
    const { spec } = await loadSpec(file);
    it(spec!.id, () => {
      expectGolden(`text/${spec!.id}.txt`, drawSpec(spec!, "light", { width: 100, color: false }));
    });
  }
});

describe("golden comparison tables (vstack table)", async () => {
  const load = async (id: string) => (await loadSpec(builtinFiles().find((f) => f.endsWith(`/${id}.yaml`))!)).spec!;
  it("vm-vs-container in Markdown", async () => {
    expectGolden("tables/vm-vs-container.md", tableMarkdown(factTable([await load("vm-vs-container")])));
  });
  it("gVisor, Kata and Firecracker in HTML", async () => {
    expectGolden("tables/sandboxes.html", tableHtml(factTable(await Promise.all(["gvisor", "kata-containers", "firecracker"].map(load)))));
  });
});

describe("golden error messages for bad specs", () => {
  const dir = join(FIXTURES, "bad");
  for (const name of readdirSync(dir).sort()) {
    it(name, async () => {
      const { spec, diagnostics } = await loadSpec(relative(process.cwd(), join(dir, name)));
      expect(spec).toBeUndefined();
      expect(diagnostics.length).toBeGreaterThan(0);
      for (const d of diagnostics) expect(d.file).toMatch(/^test\/fixtures\/bad\//);
      expectGolden(`errors/${name.replace(/\.yaml$/, ".txt")}`, `${diagnostics.map(formatDiagnostic).join("\n\n")}\n`);
    });
  }
});

describe("golden files", () => {
  it("each belongs to a built-in spec or a fixture (a renamed or deleted one leaves none behind)", () => {
    const ids = new Set(specFiles().map((f) => f.replace(/^.*\//, "").replace(/\.(ya?ml|json)$/, "")));
    const orphans = readdirSync(join(ROOT, "test/golden/mermaid")).filter((f) => !ids.has(f.replace(/\.(block|flowchart)\.(light|dark)\.mmd$/, "")));
    const fixtures = new Set(readdirSync(join(FIXTURES, "bad")).map((f) => f.replace(/\.yaml$/, "")));
    orphans.push(...readdirSync(join(ROOT, "test/golden/errors")).filter((f) => !fixtures.has(f.replace(/\.txt$/, ""))));
    orphans.push(...readdirSync(join(ROOT, "test/golden/text")).filter((f) => !ids.has(f.replace(/\.txt$/, ""))));
    orphans.push(...readdirSync(join(ROOT, "test/golden/tables")).filter((f) => !["vm-vs-container.md", "sandboxes.html", "vm-vs-container.light.svg"].includes(f)));
    expect(orphans, "golden files with no spec or fixture: delete them").toEqual([]);
  });
});
