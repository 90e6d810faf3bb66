import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { emitMermaid } from "../emit/emit.js";
import type { TemplateSet } from "../emit/templates.js";
import { describeSpec } from "../layout/describe.js";
import { displayPath } from "../spec/builtins.js";
import { loadSpec } from "../spec/load-spec.js";
import type { Spec } from "../spec/types.js";
import type { Diagram } from "./diagram.js";
import { markdownDiagrams } from "./markdown.js";
import { mermaidFileDiagrams } from "./raw-mermaid.js";

export interface LoadedDiagrams {
  diagrams: Diagram[];
  failures: Diagnostic[];
  /** Input files that yielded nothing to render because of their problems. */
  invalid: number;
}

/** What kind of input a file is, by its name. */
export function inputKind(file: string): "spec" | "mermaid" | "markdown" {
  if (/\.mmd$/i.test(file)) return "mermaid";
  if (/\.(md|markdown)$/i.test(file)) return "markdown";
  return "spec";
}

/**
 * Loads every input into diagrams: specs through the template, `.mmd` files and Markdown
 * fences as they are. Two diagrams with one id would overwrite each other's files: the later
 * one is an error.
 */
export async function loadDiagrams(files: string[], templates: TemplateSet, template: string): Promise<LoadedDiagrams> {
  const diagrams: Diagram[] = [];
  const failures: Diagnostic[] = [];
  let invalid = 0;
  const owner = new Map<string, string>();
  // Read and parsed side by side; taken in input order.
  const loaded = await Promise.all(files.map((file) => loadFile(file, templates, template)));
  for (const { found, diagnostics } of loaded) {
    failures.push(...diagnostics);
    if (diagnostics.length > 0 && found.length === 0) invalid++;
    for (const d of found) {
      const other = owner.get(d.id);
      if (other) {
        failures.push({ code: "duplicate-diagram-id", file: d.file, message: `diagram id "${d.id}" is already used by ${other}; their output files would overwrite each other` });
        invalid++;
        continue;
      }
      owner.set(d.id, d.file);
      diagrams.push(d);
    }
  }
  return { diagrams, failures, invalid };
}

async function loadFile(file: string, templates: TemplateSet, template: string): Promise<{ found: Diagram[]; diagnostics: Diagnostic[] }> {
  const kind = inputKind(file);
  if (kind === "spec") {
    const { spec, diagnostics } = await loadSpec(file);
    return { found: spec ? [specDiagram(spec, file, templates, template)] : [], diagnostics };
  }
  const shown = displayPath(file);
  let text: string;
  try {
    text = (await readFile(file, "utf8")).replace(/^\uFEFF/, "");
  } catch (err) {
    return { found: [], diagnostics: [{ code: "unreadable", message: `cannot read: ${(err as Error).message}`, file: shown }] };
  }
  if (kind === "mermaid") {
    const { diagrams, diagnostics } = mermaidFileDiagrams(file, shown, text);
    return { found: diagrams, diagnostics };
  }
  const { diagrams, diagnostics } = await markdownDiagrams(file, shown, text, templates, template);
  return { found: diagrams, diagnostics };
}

export function specDiagram(spec: Spec, absolute: string, templates: TemplateSet, template: string): Diagram {
  return {
    id: spec.id,
    title: spec.title,
    ...(spec.summary !== undefined && { summary: spec.summary }),
    description: describeSpec(spec),
    notes: spec.notes,
    sources: spec.sources,
    file: spec.file,
    inputs: [resolve(absolute), ...(spec.type === "compare" ? spec.references : [])],
    spec,
    mermaid: (theme) => emitMermaid(spec, theme, templates, template),
    raw: false,
  };
}
