import type { LineCounter, YAMLError } from "yaml";
import type { Diagnostic } from "../diagnostics.js";

/**
 * The YAML parser's errors as a person needs them: one message per real mistake, at the line
 * where it is to be fixed, in words that say what to do. A single slip (a tab, a missing colon)
 * makes the parser report several errors after it; only the first is the user's mistake, so
 * the rest are dropped (duplicate keys excepted: each is a mistake of its own).
 */
export function yamlDiagnostics(errors: readonly YAMLError[], text: string, lines: LineCounter, file: string): Diagnostic[] {
  const sourceLines = text.split(/\r?\n/);
  const at = (line: number, col: number, code: string, message: string): Diagnostic => ({ code, message, file, line, col, source: text });
  const duplicates = errors.filter((e) => e.code === "DUPLICATE_KEY");
  const first = errors.filter((e) => e.code !== "DUPLICATE_KEY").sort((a, b) => a.pos[0] - b.pos[0])[0];
  const out = duplicates.map((e) => {
    const { line, col } = lines.linePos(e.pos[0]);
    return at(line, col, "duplicate-key", `${firstLine(e.message).replace(/^./, (c) => c.toLowerCase())}; a key may appear once in a mapping`);
  });
  if (!first) return out;
  const tabs = errors.filter((e) => e.code === "TAB_AS_INDENT").map((e) => lines.linePos(e.pos[0]));
  if (tabs.length > 0) {
    // Where yaml found a tab as indentation (not a tab inside a block of text), once.
    const { line, col } = tabs[0]!;
    const more = new Set(tabs.map((t) => t.line)).size - 1;
    out.push(at(line, col, "yaml-tab", `tabs are not allowed for indentation in YAML; indent with spaces${more > 0 ? ` (${more} more line${more === 1 ? "" : "s"} below start with a tab too)` : ""}`));
  } else {
    out.push(explain(first, sourceLines, lines, at));
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

type At = (line: number, col: number, code: string, message: string) => Diagnostic;

function explain(e: YAMLError, source: string[], lines: LineCounter, at: At): Diagnostic {
  const { line, col } = lines.linePos(e.pos[0]);
  const text = (n: number) => source[n - 1] ?? "";
  switch (e.code) {
    case "MULTILINE_IMPLICIT_KEY":
    case "MISSING_CHAR": {
      // A line of two words where a key is expected: a missing colon. Check this line and the one above.
      for (const n of [line, line - 1]) {
        const m = /^(\s*(?:-\s+)?)([A-Za-z_][\w-]*)[ \t]+([^:#\s][^:#]*)$/.exec(text(n));
        if (m) return at(n, m[1]!.length + m[2]!.length + 1, "yaml-missing-colon", `missing ":" after "${m[2]}"? write "${m[2]}: ${m[3]!.trim()}"`);
      }
      if (/closing "?quote/i.test(e.message)) return unclosed(line, source, at, /"/g, '"', "yaml-unclosed-quote", "this quote is never closed; end the value with a matching quote");
      if (/without - indicator/.test(e.message)) return at(line, indentOf(text(line)) + 1, "yaml-indent", "this line is indented differently from the lines above it; indent it as far as the key it belongs with");
      break;
    }
    case "BLOCK_AS_IMPLICIT_KEY":
      if (/Nested mappings/.test(e.message)) {
        // A value with ": " in it, or (the value alone on its line) a next line indented deeper than its key.
        if (text(line).slice(col - 1).includes(": ")) return at(line, col, "yaml-colon-in-value", `this value holds ": ", which YAML reads as another key; put the value in quotes ("${text(line).slice(col - 1).trim()}")`);
        const next = nextLine(source, line);
        const key = /^\s*(?:-\s+)?([^\s:#][^:#]*?):/.exec(text(line))?.[1];
        if (next !== undefined && key !== undefined) return at(next, indentOf(text(next)) + 1, "yaml-indent", `this line is indented further than "${key}" on line ${line}, so YAML reads it as part of that value; indent it as far as "${key}"`);
      }
      if (/block sequence/.test(e.message)) {
        // A list item indented differently from the items above it.
        const above = previousItem(source, line);
        if (above !== undefined) return at(line, indentOf(text(line)) + 1, "yaml-indent", `this list item is indented differently from the one on line ${above}; items of one list start in the same column`);
      }
      break;
    case "BAD_INDENT":
      if (/Flow map/.test(e.message)) return unclosed(line, source, at, /[{}]/g, "{", "yaml-unclosed-brace", "this { is never closed on its line; end it with }");
      if (/Flow sequence/.test(e.message)) return unclosed(line, source, at, /[[\]]/g, "[", "yaml-unclosed-bracket", "this [ is never closed on its line; end it with ]");
      return at(line, col, "yaml-indent", "this line's indentation does not fit the lines above it; indent it as far as the key it belongs with");
  }
  // Any other: yaml's own code, one to one (BAD_SCALAR_START → yaml-bad-scalar-start).
  return at(line, col, `yaml-${e.code.toLowerCase().replaceAll("_", "-")}`, firstLine(e.message).replace(/^./, (c) => c.toLowerCase()));
}

/** The nearest line at or above `from` where an opening mark is left open: the place to fix. */
function unclosed(from: number, source: string[], at: At, marks: RegExp, open: string, code: string, message: string): Diagnostic {
  for (let n = Math.min(from, source.length); n >= 1; n--) {
    const found = source[n - 1]!.match(marks) ?? [];
    const opening = found.filter((c) => c === open).length;
    // A quote opens and closes with one mark; a brace or bracket with a pair.
    const left = open === '"' ? opening % 2 : opening - (found.length - opening);
    if (left > 0) return at(n, source[n - 1]!.lastIndexOf(open) + 1, code, message);
  }
  return at(from, 1, code, message);
}

/** The first line after `line` that holds more than spaces or a comment. */
function nextLine(source: string[], line: number): number | undefined {
  for (let n = line + 1; n <= source.length; n++) if (!/^\s*(#.*)?$/.test(source[n - 1]!)) return n;
  return undefined;
}

/** The nearest line above `line` that starts a list item ("- "). */
function previousItem(source: string[], line: number): number | undefined {
  for (let n = line - 1; n >= 1; n--) if (/^\s*-(\s|$)/.test(source[n - 1]!)) return n;
  return undefined;
}

function indentOf(line: string): number {
  return /^\s*/.exec(line)![0].length;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
}
