/**
 * Where a parse error of a jison-made parser (Mermaid's, Handlebars') is: its message says
 * "Parse error on line N:", then an excerpt of the text up to the error and a caret line.
 * `lineText` turns the excerpt into a column: the longest start of the line the excerpt ends with.
 */
export function jisonErrorPlace(message: string, lineText: (line: number) => string | undefined): { line: number; col: number } | undefined {
  const m = /Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(message);
  if (!m) return undefined;
  const line = Number(m[1]);
  const text = lineText(line);
  if (text === undefined) return undefined; // past the end: the caller knows where its text ends
  const before = m[2]!.slice(0, m[3]!.length);
  for (let k = text.length; k > 0; k--) if (before.endsWith(text.slice(0, k))) return { line, col: k + 1 };
  return { line, col: 1 };
}

/** What the parser expected, without its excerpt: the last line of its message. */
export function jisonExpectation(message: string): string {
  return message.split("\n").filter((l) => l.trim()).at(-1) ?? message;
}
