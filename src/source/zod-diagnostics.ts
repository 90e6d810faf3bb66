import type { z } from "zod";
import type { Diagnostic } from "../diagnostics.js";
import { valueAt } from "./data-path.js";
import { issueWords } from "./issue-words.js";
import type { At } from "./yaml-source.js";

type Path = PropertyKey[];

/** What one format (spec, config) knows that the schema's issues do not say. */
export interface IssueRules {
  /** The branch of a failed union the value was meant as (an index into the union's options). */
  branch(value: unknown, path: Path): number;
  /** The words for a key the schema does not know, at `path`. */
  unknownKey(key: string, path: Path): string;
  /** The words for a record key that is not a valid name (the one record: kinds). */
  badRecordKey(key: string): string;
  /** The format's own diagnostics for an issue, before the common words; undefined to go on. */
  special?(issue: z.core.$ZodIssue, path: Path, value: unknown): Diagnostic[] | undefined;
  /** The value the words quote, where it is not simply `value`, the value at `path`. */
  quoted?(path: Path, value: unknown): unknown;
}

/**
 * The one mapping of a schema's issues to diagnostics at their places, for specs and configs: a
 * failed union reports only the branch that was meant, unknown keys point at the key, and the
 * rest is said in vstack's words (issueWords).
 */
export function issueDiagnostics(issues: readonly z.core.$ZodIssue[], data: unknown, at: At, rules: IssueRules): Diagnostic[] {
  const map = (issue: z.core.$ZodIssue, base: Path): Diagnostic[] => {
    const path = [...base, ...(issue.path as Path)];
    const value = valueAt(data, path);
    const own = rules.special?.(issue, path, value);
    if (own) return own;
    switch (issue.code) {
      case "invalid_union":
        return (issue.errors[rules.branch(value, path)] ?? []).flatMap((inner) => map(inner, path));
      case "invalid_key":
        return [at(path, "bad-kind-name", rules.badRecordKey(String(path.at(-1))), true)];
      case "unrecognized_keys":
        return issue.keys.map((key) => at([...path, key], "unknown-key", rules.unknownKey(key, path), true));
    }
    const { code, message } = issueWords(issue, rules.quoted ? rules.quoted(path, value) : value);
    return [at(path, code, message)];
  };
  return issues.flatMap((issue) => map(issue, []));
}
