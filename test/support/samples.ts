import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";

/**
 * One built-in per family (the first by id), and the specs that stand for a shape no family
 * sample has: where a test checks the renderer rather than each spec's words (parity with
 * mermaid-cli, librsvg in the second theme), these stand for all 31 and keep the suite's time flat
 * as the library grows. Tests of every spec's own content (render.test, links.test) still take all.
 */
export async function sampleBuiltinFiles(): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of builtinFiles()) {
    const { spec } = await loadSpec(file);
    const key = spec!.family ?? spec!.id;
    if (seen.has(key) && !EXTRA.includes(spec!.id)) continue;
    seen.add(key);
    out.push(file);
  }
  return out;
}

/** Shapes worth keeping besides the family samples: the classic comparison (two stacks on one baseline) and the densest links. */
const EXTRA = ["vm-vs-container", "docker-engine-linux"];
