import type { z } from "zod";
import { didYouMean } from "../suggest.js";

/**
 * A schema check that failed, said in vstack's words ("must be at most 64, got 100") rather than
 * the validator's ("Too big: expected number to be <=64"). Used for specs and configs alike;
 * each adds what only it knows (kinds, missing keys, unknown keys).
 */
export function issueWords(issue: z.core.$ZodIssue, value: unknown): { code: string; message: string } {
  // A bound the schema words itself ("a stack needs at least one entry") keeps its words.
  const own = !/^Too (big|small)\b/.test(issue.message);
  switch (issue.code) {
    case "too_big":
      return { code: "too-big", message: own ? issue.message : limitWords(issue.origin, value, issue.inclusive === false ? "below" : "at most", issue.maximum) };
    case "too_small":
      return { code: "too-small", message: own ? issue.message : limitWords(issue.origin, value, issue.inclusive === false ? "above" : "at least", issue.minimum) };
    case "invalid_value": {
      const allowed = issue.values.map(String);
      return { code: "invalid-value", message: `${JSON.stringify(value)} is not one of ${allowed.join(", ")}${didYouMean(String(value), allowed)}` };
    }
    case "invalid_type":
      return { code: "wrong-type", message: `expected ${issue.expected}, got ${describeValue(value)}` };
    case "custom":
      // A refinement of vstack's own: its message is already in its words.
      return { code: "invalid-value", message: issue.message };
    default:
      // Messages vstack wrote itself (regexes) are already in its words.
      return { code: issue.code.replaceAll("_", "-"), message: issue.message };
  }
}

/** How a value is shown in "expected …, got …". */
export function describeValue(value: unknown): string {
  if (value === null) return "null (an empty value)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** "must be at most 64, got 100"; "has 0 items, needs at least 1"; "has 2,400 characters, may have at most 2000". */
function limitWords(origin: string, value: unknown, relation: string, limit: unknown): string {
  if (origin === "array") return `has ${Array.isArray(value) ? value.length : 0} items; must have ${relation} ${String(limit)}`;
  if (origin === "string") return `has ${String(value).length} characters; must have ${relation} ${String(limit)}`;
  return `must be ${relation} ${String(limit)}, got ${String(value)}`;
}
