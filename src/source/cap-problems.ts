import type { Diagnostic } from "../diagnostics.js";
import { READ_LIMITS } from "./read-limits.js";

/**
 * At most `max` problems of each file, in the order given, then one that says how many more
 * there are, at the place of the first left out: 30,000 code frames help no one, and printing
 * each costs a pass over its file.
 */
export function capProblems(diagnostics: Diagnostic[], max: number = READ_LIMITS.problems): Diagnostic[] {
  const total = new Map<string, number>();
  for (const d of diagnostics) total.set(d.file, (total.get(d.file) ?? 0) + 1);
  if ([...total.values()].every((n) => n <= max)) return diagnostics;
  const seen = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const n = (seen.get(d.file) ?? 0) + 1;
    seen.set(d.file, n);
    if (n <= max) out.push(d);
    else if (n === max + 1) {
      const { path: _, ...place } = d;
      out.push({ ...place, code: "more-problems", message: `${(total.get(d.file)! - max).toLocaleString("en-US")} more problems from here on are not shown; fix these ${max} and run again` });
    }
  }
  return out;
}
