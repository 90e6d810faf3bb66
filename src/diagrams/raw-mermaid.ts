import { basename, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { Diagram } from "./diagram.js";

/** A `.mmd` file: one diagram, rendered as it is. Its id is the file name without `.mmd`. */
export function mermaidFileDiagrams(file: string, shown: string, text: string): { diagrams: Diagram[]; diagnostics: Diagnostic[] } {
  const id = idFrom(basename(file).replace(/\.mmd$/i, ""));
  if (text.trim() === "") return { diagrams: [], diagnostics: [{ code: "empty-mermaid", message: "the file holds no Mermaid text", file: shown }] };
  return { diagrams: [rawDiagram(id, file, shown, text)], diagnostics: [] };
}

/** `at`: where the text starts in its file, when it is part of one (a Markdown fence). */
export function rawDiagram(id: string, path: string, file: string, text: string, at: { source: string; line: number; indent: number } = { source: text, line: 1, indent: 0 }): Diagram {
  const title = firstMatch(text, /^\s*accTitle\s*:\s*(.+)$/m) ?? frontMatterTitle(text) ?? id;
  const description = firstMatch(text, /^\s*accDescr\s*:\s*(.+)$/m) ?? `Mermaid diagram from ${file}`;
  return {
    id,
    title,
    description,
    notes: [],
    sources: [],
    tags: [],
    file,
    inputs: [resolve(path)],
    body: { type: "mermaid", text: text.endsWith("\n") ? text : `${text}\n`, origin: { text, ...at } },
  };
}

function frontMatterTitle(text: string): string | undefined {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text.trimStart());
  return front ? firstMatch(front[1]!, /^title\s*:\s*["']?(.+?)["']?\s*$/m) : undefined;
}

function firstMatch(text: string, re: RegExp): string | undefined {
  return re.exec(text)?.[1]?.trim() || undefined;
}

/** File names become ids that are safe in output file names. */
export function idFrom(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, "-") || "diagram";
}
