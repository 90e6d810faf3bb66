import type { EmbeddableDiagram } from "./embed.js";
import { embedSnippet } from "./embed.js";

/**
 * `manifest.json`: what a docs build needs to find and place each diagram without parsing
 * specs: its id, title, summary, source, every output with its hash and pixel size, and the
 * embed snippet. No times or machine paths: the same run gives the same bytes. `kept`: entries
 * of an earlier manifest for diagrams that failed this time, whose files are still there.
 */
export function manifestJson(diagrams: EmbeddableDiagram[], version: string, kept: unknown[] = []): string {
  const manifest = {
    generator: `vstack ${version}`,
    diagrams: diagrams.map(({ diagram, outputs }) => ({
      id: diagram.id,
      title: diagram.title,
      ...(diagram.summary !== undefined && { summary: diagram.summary }),
      description: diagram.description,
      source: diagram.file,
      sources: diagram.sources,
      outputs,
      embed: embedSnippet({ diagram, outputs }) ?? null,
    })).concat(kept as never[]),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
