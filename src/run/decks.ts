import { join } from "node:path";
import { deckPptx } from "../output/deck.js";
import type { OutputSink } from "../output/sink.js";
import { THEMES } from "../kinds/palette.js";
import { langInfix, LANGS, type Lang } from "../langs.js";
import type { DiagramOutputs } from "./diagram-outputs.js";
import type { ResolvedBuildOptions } from "./options.js";

/**
 * `-f pptx`: one deck per theme and language for the run, `<out>/deck.<theme>.pptx` (other
 * languages `deck.<lang>.<theme>.pptx`), with the slides of every diagram that rendered, in the
 * order of the inputs. `langs`: each diagram's language. Returns the files and whether each changed.
 */
export async function writeDecks(opts: ResolvedBuildOptions, sink: OutputSink, perDiagram: Array<DiagramOutputs["slides"] | undefined>, langs: Lang[]): Promise<Array<{ file: string; written: boolean }>> {
  const out: Array<{ file: string; written: boolean }> = [];
  for (const lang of LANGS)
    for (const theme of THEMES.filter((t) => opts.themes.includes(t))) {
      const slides = perDiagram.flatMap((d, i) => (langs[i] === lang ? (d?.get(theme) ?? []) : []));
      if (slides.length === 0) continue;
      const file = join(opts.outDir, `deck${langInfix(lang)}.${theme}.pptx`);
      out.push({ file, written: await sink.put(file, await deckPptx(slides, theme, "vstack diagrams")) });
    }
  return out;
}
