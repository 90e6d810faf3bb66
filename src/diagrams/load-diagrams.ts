import { inLanguage } from "../i18n/translate-spec.js";
import { dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { TemplateSet } from "../emit/templates.js";
import type { KindDeclarations } from "../kinds/schema.js";
import type { LayoutOptions } from "../layout/fit-width.js";
import { displayPath } from "../paths.js";
import { STDIN, STDIN_NAME } from "../inputs.js";
import { readSource } from "../source/yaml-source.js";
import { capProblems } from "../source/cap-problems.js";
import { FILE_LIMIT, PAGE_LIMIT } from "../source/read-limits.js";
import type { ReadLog } from "../source/read-log.js";
import { loadSpecText, looksLikeSpec } from "../spec-format/load-spec.js";
import type { Diagram } from "./diagram.js";
import { markdownDiagrams } from "./markdown.js";
import type { FenceTable } from "./table-fence.js";
import { mermaidFileDiagrams } from "./raw-mermaid.js";
import { specDiagram } from "./spec-diagram.js";
import { tableFileDiagrams } from "./table-diagram.js";
import { isTableSource } from "./table-source.js";
import { DEFAULT_LAYOUT } from "../layout/fit-width.js";
import type { Lang } from "../langs.js";

export interface LoadedDiagrams {
  diagrams: Diagram[];
  failures: Diagnostic[];
  /** What reads badly but is drawn anyway (declared colours with low contrast, say): printed, fails nothing. */
  warnings: Diagnostic[];
  /** Diagrams that could not be made: invalid spec files, broken fences, clashing ids. */
  invalid: number;
  /** Markdown pages with a fence that failed: not to be written out half-pictured. */
  brokenPages: Set<string>;
  /** Files a folder or glob found that are not specs (no stack, compare or id), skipped. */
  skipped: string[];
  /** `table:` fences of Markdown pages: written into the pages, not rendered. */
  tables: FenceTable[];
}

export interface LoadOptions {
  templates: TemplateSet;
  template: string;
  /** The width specs are fitted to (default: a docs column's). */
  layout?: LayoutOptions;
  /** The project folder: paths are shown relative to it. */
  cwd: string;
  /** Kinds the config declares for every spec. */
  kinds?: KindDeclarations;
  /** Files found by a folder or glob rather than named: one that is not a spec is skipped, not an error. */
  searched?: Set<string>;
  /** The text of the `-` input: a spec, or else Mermaid text. */
  stdin?: string;
  /** The languages specs are drawn in, each a diagram of its own (default English). */
  langs?: Lang[];
  /** Notes each file read, as it is read (for the run record). */
  reads?: ReadLog;
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
export async function loadDiagrams(files: string[], options: LoadOptions): Promise<LoadedDiagrams> {
  const result: LoadedDiagrams = { diagrams: [], failures: [], warnings: [], invalid: 0, brokenPages: new Set(), skipped: [], tables: [] };
  // Read and parsed side by side; taken in input order.
  const loaded = await Promise.all(files.map((file) => loadFile(file, options)));
  const all: Diagram[] = [];
  for (const [i, { found, diagnostics, warnings, failed, skipped, tables }] of loaded.entries()) {
    result.tables.push(...(tables ?? []));
    if (skipped) result.skipped.push(displayPath(files[i]!, options.cwd));
    result.failures.push(...capProblems(diagnostics));
    result.warnings.push(...(warnings ?? []));
    result.invalid += failed;
    if (failed > 0 && inputKind(files[i]!) === "markdown") result.brokenPages.add(resolve(files[i]!));
    all.push(...found);
  }
  // Two diagrams with one id would write the same files: neither is drawn (drawing the first
  // would put it in the place of the picture the other page shows), and each page stays as it was.
  const byId = new Map<string, Diagram[]>();
  for (const d of all) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
  for (const d of all) {
    const same = byId.get(d.id)!;
    if (same.length === 1) {
      result.diagrams.push(d);
      continue;
    }
    // Both sides are reported, so both sources count as failed and keep their last good entries.
    result.failures.push(clash(d, d === same[0] ? same[1]! : same[0]!));
    result.invalid++;
    if (d.fence) result.brokenPages.add(d.fence.path);
  }
  // A spec two pages use reports its problems once.
  const once = (list: Diagnostic[]) => [...new Map(list.map((f) => [JSON.stringify([f.file, f.line, f.col, f.code, f.message]), f])).values()];
  result.failures = once(result.failures);
  result.warnings = once(result.warnings);
  return result;
}

function clash(d: Diagram, other: Diagram): Diagnostic {
  const fix = d.fence ? "; give this fence a name of its own: a line `id: <name>` in a ```vstack fence, or `%% id: <name>` as the first line of a ```mermaid fence" : "; give one of them another id";
  return {
    code: "duplicate-diagram-id",
    file: d.file,
    ...(d.fence && { line: d.fence.bodyLine - 1, col: d.fence.indent + 1, source: d.fence.text }),
    message: `diagram id "${d.id}" is already used by ${other.file}; their output files would overwrite each other${fix}`,
  };
}

interface FileResult {
  found: Diagram[];
  diagnostics: Diagnostic[];
  warnings?: Diagnostic[];
  tables?: FenceTable[];
  /** How many diagrams this file should have given and did not. */
  failed: number;
  skipped?: boolean;
}

async function loadFile(file: string, options: LoadOptions): Promise<FileResult> {
  if (file === STDIN) return loadStdin(options);
  const { templates, template, layout, cwd, searched, kinds, reads } = options;
  // Pages are one language: with exactly one asked for, their use: and table: fences take it.
  const project = { cwd, ...(kinds && { kinds }), ...(reads && { reads }), ...(options.langs?.length === 1 && options.langs[0] !== "en" && { lang: options.langs[0] }) };
  const kind = inputKind(file);
  if (kind === "spec") {
    const shown = displayPath(file, cwd);
    const read = await readSource(file, FILE_LIMIT, reads);
    if ("error" in read) return { found: [], diagnostics: [{ ...read.error, file: shown }], failed: 1 };
    if (isTableSource(read.text)) {
      const { found, diagnostics } = await tableFileDiagrams(file, shown, read.text, project, layout ?? DEFAULT_LAYOUT, options.langs);
      return { found, diagnostics, failed: found.length === 0 ? 1 : 0 };
    }
    // One diagram per language, from the text read once; a spec that fails, fails in every
    // language alike (loadDiagrams reports each problem once).
    const each = await Promise.all((options.langs ?? ["en"]).map((lang) => loadSpecText(shown, read.text, dirname(resolve(file)), inLanguage({ ...project, skipNonSpec: searched?.has(file) ?? false, lang }))));
    if (each[0]!.notASpec) return { found: [], diagnostics: [], failed: 0, skipped: true };
    if (!each[0]!.spec) return { found: [], diagnostics: each.flatMap((l) => l.diagnostics), failed: 1 };
    const found = each.flatMap((l) => (l.spec ? [specDiagram(l.spec, file, templates, template, layout)] : []));
    return { found, diagnostics: each.flatMap((l) => l.diagnostics), warnings: each.flatMap((l) => l.warnings ?? []), failed: each.length - found.length };
  }
  const shown = displayPath(file, cwd);
  // The one reader of input files: missing files, folders and a BOM handled as for specs.
  const read = await readSource(file, kind === "markdown" ? PAGE_LIMIT : FILE_LIMIT, reads);
  if ("error" in read) return { found: [], diagnostics: [{ ...read.error, file: shown }], failed: 1 };
  const { text } = read;
  if (kind === "mermaid") {
    const { diagrams, diagnostics } = mermaidFileDiagrams(file, shown, text);
    return { found: diagrams, diagnostics, failed: diagrams.length === 0 ? 1 : 0 };
  }
  const { diagrams, diagnostics, warnings, failed, tables } = await markdownDiagrams(file, shown, text, templates, template, project, layout);
  return { found: diagrams, diagnostics, warnings, failed, tables };
}

/** Standard input: a spec when it reads as one (a mapping with stack, compare or id), else Mermaid text. */
async function loadStdin({ templates, template, layout, cwd, kinds, langs, stdin = "" }: LoadOptions): Promise<FileResult> {
  const shown = STDIN_NAME;
  const text = stdin.replace(/^\uFEFF/, "");
  if (isTableSource(text)) {
    const { found, diagnostics } = await tableFileDiagrams(resolve(cwd, "stdin.yaml"), shown, text, { cwd, ...(kinds && { kinds }) }, layout ?? DEFAULT_LAYOUT, langs);
    return { found: found.map((d) => ({ ...d, inputs: d.inputs.slice(1) })), diagnostics, failed: found.length === 0 ? 1 : 0 };
  }
  if (looksLikeSpec(text)) {
    const { spec, diagnostics, warnings } = await loadSpecText(shown, text, cwd, { cwd, ...(kinds && { kinds }) });
    // Not a file: nothing to hash or watch.
    return { found: spec ? [{ ...specDiagram(spec, cwd, templates, template, layout), inputs: [] }] : [], diagnostics, ...(warnings && { warnings }), failed: spec ? 0 : 1 };
  }
  const { diagrams, diagnostics } = mermaidFileDiagrams("stdin.mmd", shown, text);
  return { found: diagrams.map((d) => ({ ...d, inputs: [] })), diagnostics, failed: diagrams.length === 0 ? 1 : 0 };
}
