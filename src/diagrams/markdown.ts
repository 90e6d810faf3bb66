import { basename, dirname, resolve } from "node:path";
import { parseDocument } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import type { TemplateSet } from "../emit/templates.js";
import { builtinIds } from "../spec/builtins.js";
import { documentData } from "../spec/load.js";
import { loadSpec, loadSpecText, outsideAllowed, resolveRef, type LoadResult } from "../spec/load-spec.js";
import { didYouMean } from "../suggest.js";
import type { Diagram } from "./diagram.js";
import { specDiagram } from "./load.js";
import { idFrom, rawDiagram } from "./raw-mermaid.js";

/** ```mermaid and ```vstack fences (or ~~~), as mermaid-cli's Markdown mode finds mermaid's. */
const FENCE = /^[ \t]*(```|~~~)[ \t]*(mermaid|vstack)[ \t]*\r?\n([\s\S]*?)^[ \t]*\1[ \t]*(?=\r?$)/gm;

/**
 * A Markdown file: one diagram per fence, named `<file>-1`, `<file>-2`, ... as mermaid-cli
 * names them (an inline spec with an `id` keeps it). A ```mermaid fence renders as it is; a
 * ```vstack fence holds a spec, or `use: <built-in id or path>` to draw one kept elsewhere.
 */
export async function markdownDiagrams(file: string, shown: string, text: string, templates: TemplateSet, template: string): Promise<{ diagrams: Diagram[]; diagnostics: Diagnostic[] }> {
  const base = idFrom(basename(file).replace(/\.(md|markdown)$/i, ""));
  const diagrams: Diagram[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [i, m] of [...text.matchAll(FENCE)].entries()) {
    const fence = { path: resolve(file), text, start: m.index, end: m.index + m[0].length };
    const id = `${base}-${i + 1}`;
    const body = m[3]!;
    if (m[2] === "mermaid") {
      diagrams.push({ ...rawDiagram(id, file, shown, body), fence });
      continue;
    }
    // The body's first line, 1-based, in the Markdown file.
    const bodyLine = text.slice(0, m.index).split("\n").length + 1;
    const loaded = await fenceSpec(file, shown, text, body, bodyLine, id);
    diagnostics.push(...loaded.diagnostics);
    if (loaded.spec) {
      const diagram = specDiagram(loaded.spec, file, templates, template);
      diagrams.push({ ...diagram, file: shown, inputs: [...new Set([resolve(file), ...diagram.inputs])], fence });
    }
  }
  return { diagrams, diagnostics };
}

async function fenceSpec(file: string, shown: string, markdown: string, body: string, bodyLine: number, id: string): Promise<LoadResult> {
  const here = (line: number, col: number, code: string, message: string): Diagnostic => ({ code, message, file: shown, line: bodyLine + line - 1, col, source: markdown });
  // An alias bomb has no data here: the inline path below reports it at its place.
  const read = documentData(parseDocument(body));
  const data = "data" in read ? read.data : undefined;
  const keys = data && typeof data === "object" && !Array.isArray(data) ? Object.keys(data) : [];
  if (keys.includes("use")) {
    const { use, id: own, ...rest } = data as { use: unknown; id?: unknown };
    const ref = String(use);
    const target = resolveRef(ref, dirname(resolve(file)));
    if (Object.keys(rest).length > 0) return { diagnostics: [here(1, 1, "use-with-spec", `a fence with "use" names a spec kept elsewhere and may add only "id"; found ${Object.keys(rest).join(", ")}`)] };
    if (!target) return { diagnostics: [here(1, 1, "unknown-ref", `"${ref}" is neither a built-in id (see \`vstack list\`) nor a path to a spec file${didYouMean(ref, builtinIds())}`)] };
    const outside = outsideAllowed(target, dirname(resolve(file)));
    if (outside) return { diagnostics: [here(1, 1, "ref-outside", `"${ref}" is outside ${outside}; a fence may only use specs inside the working folder or beside this file`)] };
    const loaded = await loadSpec(target);
    return loaded.spec ? { spec: { ...loaded.spec, id: typeof own === "string" ? own : id }, diagnostics: [] } : loaded;
  }
  // An inline spec need not name itself: it takes the fence's id unless it has one.
  const named = keys.includes("id");
  const text = named ? body : `id: ${id}\n${body}`;
  const loaded = await loadSpecText(shown, text, dirname(resolve(file)));
  const shift = bodyLine - 1 - (named ? 0 : 1);
  // Places inside the fence become places in the Markdown file; others (a spec it compares) stay.
  const diagnostics = loaded.diagnostics.map((d) => (d.file === shown && d.line !== undefined ? { ...d, line: d.line + shift, source: markdown } : d));
  return { ...loaded, diagnostics };
}
