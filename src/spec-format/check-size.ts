import type { Diagnostic } from "../diagnostics.js";
import type { At } from "../source/yaml-source.js";
import { entryKindOf } from "./schema.js";
import { LIMITS } from "../source/limits.js";

type Path = ReadonlyArray<PropertyKey>;

/**
 * Whether a spec's data is within the limits of one diagram (boxes with repeats expanded,
 * arrows, declared kinds, compared specs), checked before anything looks at each entry: the
 * checks after this one are linear, but a spec past these is refused without them, at the
 * entry where it passes the limit.
 */
export function checkSize(data: Record<string, unknown>, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const boxes = countBoxes(data.stack, ["stack"], 1);
  if (boxes.passed)
    out.push(at(boxes.passed, "too-large", `the stack draws ${count(boxes.total)} boxes once repeats are expanded; a diagram may have at most ${count(LIMITS.boxes)}, a limit this entry passes: split it into specs and draw them side by side with compare: [...]`));
  if (Array.isArray(data.links) && data.links.length > LIMITS.links)
    out.push(at(["links", LIMITS.links], "too-many-links", `the spec has ${count(data.links.length)} links; a diagram may have at most ${LIMITS.links} arrows, a limit this one passes: keep the arrows a reader needs`));
  const kinds = data.kinds !== null && typeof data.kinds === "object" && !Array.isArray(data.kinds) ? Object.keys(data.kinds) : [];
  if (kinds.length > LIMITS.kinds)
    out.push(at(["kinds", kinds[LIMITS.kinds]!], "too-many-kinds", `the spec declares ${count(kinds.length)} kinds; a spec may declare at most ${LIMITS.kinds}, a limit this one passes: declare shared kinds once in the config`, true));
  if (Array.isArray(data.compare) && data.compare.length > LIMITS.compare)
    out.push(at(["compare", LIMITS.compare], "too-many-specs", `the comparison names ${count(data.compare.length)} specs; at most ${LIMITS.compare} can stand side by side legibly: compare fewer`));
  return out;
}

/** A comparison's stacks together: the problem with the one that takes it past the limit, if one does. */
export function comparedBoxesMessage(total: number): string | undefined {
  return total > LIMITS.boxes ? `with this spec the comparison draws ${count(total)} boxes; a diagram may have at most ${count(LIMITS.boxes)}: compare fewer or smaller specs` : undefined;
}

/**
 * The boxes a stack draws, each unit's copies multiplied through its stack (a unit repeated 3
 * times holding a unit repeated 4 times draws 3 + 12 boxes and more), and the path of the entry
 * where the count first passes the limit. One pass over the entries; `copies`: how many times
 * this stack is drawn.
 */
function countBoxes(stack: unknown, path: Path, copies: number, sum = { total: 0, passed: undefined as Path | undefined }): typeof sum {
  if (!Array.isArray(stack)) return sum;
  stack.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== "object") return;
    const units = entryKindOf(entry) === "units" ? (entry as { units?: unknown }).units : undefined;
    const items: Array<[unknown, Path]> = Array.isArray(units) ? units.map((u, j) => [u, [...path, i, "units", j]]) : [[entry, [...path, i]]];
    for (const [item, p] of items) {
      if (item === null || typeof item !== "object") continue;
      const { repeat, stack: inner } = item as { repeat?: unknown; stack?: unknown };
      // A repeat the schema refuses (over 64, not a whole number) is its problem, counted as one copy here.
      const n = copies * (Number.isInteger(repeat) && (repeat as number) >= 1 && (repeat as number) <= LIMITS.repeat ? (repeat as number) : 1);
      sum.total += n;
      if (sum.total > LIMITS.boxes) sum.passed ??= p;
      countBoxes(inner, [...p, "stack"], n, sum);
    }
  });
  return sum;
}

/** 30,016; past a trillion (repeats nested deep), said as such. */
function count(n: number): string {
  return n > 1e12 ? "over a trillion" : n.toLocaleString("en-US");
}
