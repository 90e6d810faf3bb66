import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/paths.js";

// The stages point one way (spec-format → layout → emit → render → output → run → cli): this keeps
// them so, by reading every import (static and dynamic) of src/.

const SRC = join(ROOT, "src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

/** Module → the modules of src/ it imports (`import … from "./x.js"`, `import("./x.js")`, `export … from`). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, "utf8");
    const specs = [...text.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]!);
    // Type-only imports vanish at runtime but still tie the stages together: counted too.
    graph.set(rel(file), specs.map((s) => rel(resolve(dirname(file), s.replace(/\.js$/, ".ts")))));
  }
  return graph;
}

const rel = (file: string) => relative(SRC, file).split("\\").join("/");

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const walk = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open") {
      found.push([...path.slice(path.indexOf(node)), node]);
      return;
    }
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) walk(next, [...path, node]);
    state.set(node, "done");
  };
  for (const node of graph.keys()) walk(node, []);
  return found;
}

describe("the import graph of src/", () => {
  const graph = importGraph();

  it("resolves every relative import to a file of src/", () => {
    expect(graph.size).toBeGreaterThan(60);
    expect([...graph.values()].flat().length).toBeGreaterThan(150);
    const missing = [...graph].flatMap(([from, to]) => to.filter((t) => !graph.has(t)).map((t) => `${from} → ${t}`));
    expect(missing).toEqual([]);
  });

  it("has no cycle", () => {
    expect(cycles(graph).map((c) => c.join(" → "))).toEqual([]);
  });

  it("has no cycle between folders either (a file at the top of src/ counts as a folder of its own)", () => {
    const folder = (file: string) => file.split("/")[0]!;
    const folders = new Map<string, string[]>();
    for (const [from, to] of graph) {
      const out = folders.get(folder(from)) ?? [];
      folders.set(folder(from), [...new Set([...out, ...to.map(folder).filter((f) => f !== folder(from))])]);
    }
    expect(folders.size).toBeGreaterThan(15);
    expect(cycles(folders).map((c) => c.join(" → "))).toEqual([]);
  });

  it("keeps the stages one-way", () => {
    const rules: Array<[from: RegExp, to: RegExp, why: string]> = [
      [/^layout\//, /^emit\//, "layout holds plain text; escaping for Mermaid happens once, in emit"],
      [/^(spec-format|layout|emit|render|output|diagrams|config|run|watch|preview)\//, /^cli\//, "only the CLI knows about the CLI"],
      [/^(spec-format|layout|emit|diagrams)\//, /^(render|output|run|watch|preview)\//, "reading and drawing a spec needs no browser and writes no file"],
      [/^render\//, /^(output|run|watch|preview)\//, "the renderer turns text into pictures and nothing else"],
      [/^source\//, /^(spec-format|config)\//, "reading YAML with positions serves specs and configs alike, and knows neither"],
      [/^spec-format\//, /^config\//, "a spec does not borrow from the config"],
      [/^config\//, /^spec-format\/(?!builtins\.ts$)/, "the config does not borrow the spec's internals (shared reading lives in source/)"],
    ];
    const broken = [...graph].flatMap(([from, to]) => to.flatMap((t) => rules.filter(([f, d]) => f.test(from) && d.test(t)).map(([, , why]) => `${from} → ${t}: ${why}`)));
    expect(broken).toEqual([]);
  });

  it("maps a schema's issues to diagnostics in one place, for specs and configs alike", () => {
    // Whoever reads zod's issues hands them to issueDiagnostics; only it words them (issueWords).
    const readers = sources(SRC).filter((f) => /\.error\.issues\b/.test(readFileSync(f, "utf8"))).map(rel).sort();
    expect(readers).toEqual(["config/load-config.ts", "spec-format/validate.ts"]);
    for (const file of readers) expect(readFileSync(join(SRC, file), "utf8")).toMatch(/issueDiagnostics\(result\.error\.issues,/);
    const wording = [...graph].filter(([, to]) => to.includes("source/issue-words.ts")).map(([from]) => from);
    for (const from of wording) expect(from === "source/zod-diagnostics.ts" || !/\bissueWords\b/.test(readFileSync(join(SRC, from), "utf8")), from).toBe(true);
  });
});
