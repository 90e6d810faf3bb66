import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinFiles, builtinIds } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import { ROOT } from "../support/paths.js";

/** specs/REVIEW.md by spec id: the source URLs its rows cite. */
function reviewEntries(): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const line of readFileSync(join(ROOT, "specs", "REVIEW.md"), "utf8").split("\n")) {
    const heading = /^## (\S+)$/.exec(line);
    if (heading) entries.set(heading[1]!, (current = []));
    else if (current && line.startsWith("| ") && !line.startsWith("| claim") && !line.startsWith("| ---")) current.push(...[...line.matchAll(/<(https?:[^>]+)>/g)].map((m) => m[1]!));
  }
  return entries;
}

describe("specs/REVIEW.md, the record of what each built-in was checked against", () => {
  const entries = reviewEntries();

  it("has an entry for every built-in spec, and none for a spec that is gone", () => {
    expect([...entries.keys()].sort()).toEqual([...builtinIds()].sort());
  });

  it("cites in every entry at least two claims' sources, each one of that spec's own sources", async () => {
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      const cited = entries.get(spec!.id) ?? [];
      expect(cited.length, spec!.id).toBeGreaterThanOrEqual(2);
      for (const url of cited) expect(spec!.sources, `${spec!.id} cites ${url}`).toContain(url);
    }
  });

  it("gives every built-in a family and tags, so vstack list and the gallery can group and find it", async () => {
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      expect(spec!.family, spec!.id).toBeDefined();
      expect(spec!.tags.length, spec!.id).toBeGreaterThanOrEqual(2);
    }
  });

  it("is listed in the README's table of built-ins, with every id", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const id of builtinIds()) expect(readme, id).toContain(`| \`${id}\` |`);
  });
});
