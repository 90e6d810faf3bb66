import { jisonErrorPlace } from "../jison-error.js";

/** mermaid's own pattern for front matter (mermaid/src/diagram-api/regexes.ts). */
const FRONT_MATTER = /^([^\S\n\r]*)-{3}\s*[\n\r](.*?)[\n\r]\1-{3}\s*[\n\r]+/s;
const DIRECTIVE = /%{2}\{[\s\S]*?\}%{2}/g;

/**
 * Where in the user's Mermaid text a parse error is. Mermaid parses the text only after taking
 * off its front matter, directives, `%%` comment lines (with the blank lines before them) and
 * leading blank lines, and counts lines in what is left; this follows the same steps to map
 * its line back to the user's line, and reads the column off the excerpt it prints.
 */
export function mermaidErrorPlace(message: string, text: string): { line: number; col: number } | undefined {
  const kept = keptLines(text);
  // No diagram type: the first line Mermaid reads should have named one.
  if (/No diagram type detected/i.test(message)) return kept[0] ? { line: kept[0].number, col: 1 } : undefined;
  const place = jisonErrorPlace(message, (n) => kept[n - 1]?.text);
  if (place) return { line: kept[place.line - 1]!.number, col: place.col };
  // A line past the end (an unclosed bracket found at the end of the text): the last line, at its end.
  const last = kept.findLast((l) => l.text.trim() !== "");
  return /Parse error on line \d+/.test(message) && last ? { line: last.number, col: last.text.trimEnd().length + 1 } : undefined;
}

/** The lines mermaid's parser sees, each with its 1-based line number in the user's text. */
function keptLines(text: string): Array<{ number: number; text: string }> {
  const normal = text.replace(/\r\n?/g, "\n");
  const front = FRONT_MATTER.exec(normal);
  const skip = front ? (front[0].match(/\n/g) ?? []).length : 0;
  // Directives go whole, line breaks inside them too (as mermaid removes them): each kept
  // character remembers its line, and a line takes the number of its first character.
  let kept = "";
  const lineOf: number[] = [];
  let line = 1;
  let from = 0;
  const keep = (upTo: number) => {
    for (; from < upTo; from++) {
      kept += normal[from];
      lineOf.push(line);
      if (normal[from] === "\n") line++;
    }
  };
  for (const m of normal.matchAll(DIRECTIVE)) {
    keep(m.index);
    line += (m[0].match(/\n/g) ?? []).length;
    from = m.index + m[0].length;
  }
  keep(normal.length);
  let offset = 0;
  let lines = kept
    .split("\n")
    .map((t) => {
      const entry = { number: lineOf[offset] ?? line, text: t };
      offset += t.length + 1;
      return entry;
    })
    .filter((l) => l.number > skip);
  // A comment line goes, and with it the blank lines just before it.
  const out: typeof lines = [];
  for (const line of lines) {
    if (/^\s*%%(?!\{).+/.test(line.text)) {
      while (out.length > 0 && out.at(-1)!.text.trim() === "") out.pop();
      continue;
    }
    out.push(line);
  }
  lines = out;
  while (lines.length > 0 && lines[0]!.text.trim() === "") lines.shift();
  return lines;
}
