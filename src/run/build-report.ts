import type { Diagnostic } from "../diagnostics.js";
import type { DiagramInfo } from "../diagrams/diagram.js";
import type { OutputFile } from "../output/embed.js";
import type { StaleOutput } from "../output/sink.js";

export interface DiagramReport {
  diagram: DiagramInfo;
  /** Output files, relative to the output folder, in a stable order. */
  files: string[];
  /** The same files with their format, theme, hash and pixel size. */
  outputs: OutputFile[];
  /** How many of those files were rendered now rather than taken from the cache. */
  rendered: number;
  /** How many of the rendered files were made from the other theme's picture (recoloured) rather than drawn. */
  derived: number;
  /** How many files changed on disk (checking: would change). */
  written: number;
}

/** Whether a diagram's pictures all came from the cache (a run of Mermaid text or terminal drawings draws nothing, and takes nothing from it). */
export function fromCache(d: DiagramReport): boolean {
  return d.rendered === 0 && d.outputs.some((o) => o.format === "svg" || o.format === "png" || o.format === "pdf");
}

export interface BuildReport {
  diagrams: DiagramReport[];
  failures: Diagnostic[];
  /** Problems found while loading that leave the pictures drawn (none when the run was up to date and loaded nothing). */
  warnings: Diagnostic[];
  /** Input files tried, and how many of them failed (invalid, or not rendered). */
  inputs: number;
  failed: number;
  /** Checking: every output that is missing or differs from what a render would write. */
  stale: StaleOutput[];
  /** The project folder the run's paths are relative to. */
  cwd: string;
  /** Files written besides the diagrams' own (gallery, manifest, Markdown), absolute. */
  pages: string[];
  /** How many of those pages changed on disk (checking: would change). */
  pagesWritten: number;
  /** Files a folder input found that are not specs (mkdocs.yml, say), skipped; shown relative to the project folder. */
  skipped: string[];
  /** Outputs of diagrams that are gone (their spec deleted), removed from the output folder; checking: none. */
  removed: string[];
  /** Every file the run read (inputs and the specs comparisons and fences name), absolute. */
  read: string[];
  /** Whether anything was drawn in a browser (a browser may be started early and closed unused). */
  browserUsed: boolean;
  elapsedMs: number;
}
