import { inLanguage } from "../i18n/translate-spec.js";
import { basename, dirname, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { TemplateSet } from "../emit/templates.js";
import type { LayoutOptions } from "../layout/fit-width.js";
import { documentData, parseSource, positionAt } from "../source/yaml-source.js";
import { loadSpec, loadSpecText, type LoadResult } from "../spec-format/load-spec.js";
import type { Diagram } from "./diagram.js";
import { fenceLang, fenceRef, type Project } from "./fence-ref.js";
import { tableFence, type FenceTable } from "./table-fence.js";
import { isTableSource } from "./table-source.js";
import { findFences, type Fence } from "./fences.js";
import { specDiagram } from "./spec-diagram.js";
import { idFrom, rawDiagram } from "./raw-mermaid.js";

export interface MarkdownDiagrams {
  diagrams: Diagram[];
  diagnostics: Diagnostic[];
  /** Problems that leave the pictures drawn (see LoadResult.warnings). */
  warnings: Diagnostic[];
  /** Fences that yielded no diagram because of their problems. */
  failed: number;
  /** `table:` fences: a comparison table of facts in the fence's place, not a picture. */
  tables: FenceTable[];
}

/**
 * A Markdown file: one diagram per ```vstack or ```mermaid fence. A ```mermaid fence renders
 * as it is; a ```vstack fence holds a spec, or `use: <built-in id or path>` to draw one kept
 * elsewhere (or `table: [spec, spec]`: a table of their facts, see table-fence.ts). Names: a
 * fence's own `id` if it has one; a `use:` fence `<page>-<spec id>`, so adding a fence
 * elsewhere on the page renames nothing; every other fence `<page>-1`, `<page>-2`, ... in
 * order, as mermaid-cli names mermaid fences. (`pageId` replaces `<page>`: a site plugin
 * gives the page's path, so pages of the same name in two folders keep apart.)
 */
export async function markdownDiagrams(file: string, shown: string, text: string, templates: TemplateSet, template: string, project: Project, layout?: LayoutOptions, pageId?: string): Promise<MarkdownDiagrams> {
  const page = pageId ?? idFrom(basename(file).replace(/\.(md|markdown)$/i, ""));
  const diagrams: Diagram[] = [];
  const diagnostics: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const tables: FenceTable[] = [];
  const taken = new Set<string>();
  let failed = 0;
  let unnamed = 0;
  for (const found of findFences(text)) {
    const fence = { path: resolve(file), text, ...found };
    if (found.lang === "mermaid") {
      // Mermaid has no id of its own; a `%% id: name` comment line first gives the fence one.
      const own = /^%%[ \t]*id:[ \t]*(\S+)[ \t]*(?:\r?\n|$)/.exec(found.body)?.[1];
      diagrams.push({ ...rawDiagram(own ? idFrom(own) : `${page}-${++unnamed}`, file, shown, found.body, { source: text, line: found.bodyLine, indent: found.indent }), fence });
      continue;
    }
    const here = (line: number, col: number, code: string, message: string): Diagnostic => ({ code, message, file: shown, line: found.bodyLine + line - 1, col: col + found.indent, source: text });
    if (isTableSource(found.body)) {
      const made = await tableFence(file, shown, found, here, project);
      diagnostics.push(...made.diagnostics);
      if (made.table) tables.push({ ...made.table, fence });
      else failed++;
      continue;
    }
    const loaded = await fenceSpec(file, shown, found, here, project, () => `${page}-${++unnamed}`);
    diagnostics.push(...loaded.diagnostics);
    warnings.push(...(loaded.warnings ?? []));
    if (!loaded.spec) {
      failed++;
      continue;
    }
    let id = loaded.spec.id;
    if (loaded.used && !loaded.named) {
      // A page that uses one spec twice: the second is `<page>-<spec>-2`.
      const named = `${page}-${loaded.spec.id}`;
      id = named;
      for (let n = 2; taken.has(id); n++) id = `${named}-${n}`;
    }
    taken.add(id);
    const diagram = specDiagram({ ...loaded.spec, id }, file, templates, template, layout);
    // The page, the spec a `use:` names, and the specs that one compares: a change to any redraws it.
    diagrams.push({ ...diagram, file: shown, inputs: [...new Set([resolve(file), ...(loaded.used ?? []), ...diagram.inputs])], fence });
  }
  return { diagrams, diagnostics, warnings, failed, tables };
}

type Here = (line: number, col: number, code: string, message: string) => Diagnostic;

/** `used`: the file a `use:` fence names (with no id of its own, the fence is named after it). */
async function fenceSpec(file: string, shown: string, fence: Fence, here: Here, project: Project, nextId: () => string): Promise<LoadResult & { used?: string[]; named?: boolean }> {
  const { cwd } = project;
  const pageDir = dirname(resolve(file));
  const { source, diagnostics: parsed } = parseSource(shown, fence.body);
  // Data that cannot be read: the inline path below reports it at its place.
  const read = documentData(source.doc);
  const data = "data" in read ? read.data : undefined;
  const keys = data && typeof data === "object" && !Array.isArray(data) ? Object.keys(data) : [];
  if (keys.includes("use")) {
    // A `use:` fence with YAML mistakes (a repeated key, a tab) is reported, not half-read.
    if (parsed.length > 0) return { diagnostics: parsed.map((d) => ({ ...d, ...here(d.line ?? 1, d.col ?? 1, d.code, d.message) })) };
    const { use, id: own, lang, ...rest } = data as { use: unknown; id?: unknown; lang?: unknown };
    const at = (key: string, code: string, message: string) => {
      const { line, col } = positionAt(source, [key]);
      return { diagnostics: [here(line, col, code, message)] };
    };
    const ref = String(use);
    if (Object.keys(rest).length > 0) return at(Object.keys(rest)[0]!, "use-with-spec", `a fence with "use" names a spec kept elsewhere and may add only "id" and "lang"; found ${Object.keys(rest).join(", ")}`);
    const language = lang === undefined ? project.lang : fenceLang(lang);
    if (typeof language === "object") return at("lang", language.code, language.message);
    const found = fenceRef(ref, pageDir, cwd);
    if ("code" in found) return at("use", found.code, found.message);
    const { target } = found;
    const loaded = await loadSpec(target, inLanguage({ ...project, lang: language }));
    if (!loaded.spec) return { diagnostics: [at("use", "bad-ref", `"${ref}" has errors of its own (below)`).diagnostics[0]!, ...loaded.diagnostics] };
    const used = [target];
    const warnings = loaded.warnings ?? [];
    return typeof own === "string" ? { spec: { ...loaded.spec, id: own }, diagnostics: [], warnings, used, named: true } : { spec: loaded.spec, diagnostics: [], warnings, used };
  }
  // An inline spec need not name itself: it takes the next fence number unless it has an id.
  const named = keys.includes("id");
  const text = named ? fence.body : `id: ${nextId()}\n${fence.body}`;
  const loaded = await loadSpecText(shown, text, pageDir, project);
  const shift = named ? 0 : 1;
  // Places inside the fence become places in the Markdown file; others (a spec it compares) stay.
  const onPage = (d: Diagnostic): Diagnostic => {
    if (d.file !== shown || d.line === undefined) return d;
    const { line, col, source: page } = here(d.line - shift, d.col ?? 1, d.code, d.message);
    return { ...d, line, col, source: page };
  };
  return { ...loaded, diagnostics: loaded.diagnostics.map(onPage), warnings: (loaded.warnings ?? []).map(onPage) };
}
