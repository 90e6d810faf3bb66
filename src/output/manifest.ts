import type { EmbeddableDiagram } from "./embed.js";
import { embedSnippet } from "./embed.js";
import type { PageEntry } from "./orphans.js";

/**
 * `manifest.json`: what a docs build needs to find and place each diagram without parsing
 * specs: its id, title, summary, source, every output with its hash and pixel size, and the
 * embed snippet. No times or machine paths: the same run gives the same bytes. `kept`: entries
 * of an earlier manifest for diagrams that failed this time, whose files are still there.
 */
export function manifestJson(diagrams: EmbeddableDiagram[], version: string, kept: Array<{ id: string; source: string }> = [], pages: PageEntry[] = []): string {
  const made = diagrams.map(({ diagram, outputs }) => ({
      id: diagram.id,
      title: diagram.title,
      ...(diagram.summary !== undefined && { summary: diagram.summary }),
      description: diagram.description,
      source: diagram.file,
      sources: diagram.sources,
      outputs,
      embed: embedSnippet({ diagram, outputs }) ?? null,
  }));
  // In the order of their sources (and ids), so entries kept from an earlier run sit where they did.
  const all = [...made, ...kept].sort((a, b) => (a.source === b.source ? 0 : a.source < b.source ? -1 : 1));
  // The Markdown pages written with pictures in place of their fences: a later run removes one whose source is gone.
  const manifest = { generator: `vstack ${version}`, diagrams: all, ...(pages.length > 0 && { pages: [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) }) };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
