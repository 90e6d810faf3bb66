/**
 * YAML/JSON nesting levels read at all: a spec's units nest at most 24 deep (LIMITS.depth), four
 * levels each (units, unit, stack, entry), plus room; nothing vstack reads needs more.
 */
export const MAX_YAML_DEPTH = 4 * 24 + 32;

/**
 * How deep a YAML or JSON text nests, found by one pass over the characters before any parser
 * sees it. The yaml package and zod both recurse once per level: a deep enough file overflows
 * the stack, and where it does depends on how warm the JIT is. Refusing it up front makes the
 * answer the same every time. Flow brackets (`[`, `{`, outside quotes) and block indentation
 * (a deeper indent, or a `- ` item marker) each count a level.
 */
export function deepestPlace(text: string, limit: number): { offset: number; depth: number } | undefined {
  const indents: number[] = [];
  let flow = 0;
  let lineStart = 0;
  for (let i = 0; i < text.length; ) {
    // At a line's start: its block depth, from its indentation and its item markers.
    if (i === lineStart && flow === 0) {
      const m = /^( *)((?:[-?] +)*)(.?)/.exec(text.slice(i, i + 4096))!;
      const [, spaces, dashes, next] = m;
      if (next !== "" && next !== "#" && next !== "\n" && next !== "\r") {
        const indent = spaces!.length;
        while (indents.length > 0 && indents.at(-1)! >= indent) indents.pop();
        indents.push(indent);
        const depth = indents.length + (dashes!.match(/[-?]/g)?.length ?? 0);
        if (depth > limit) return { offset: i, depth };
      }
    }
    const c = text[i]!;
    if (c === "\n") {
      lineStart = i + 1;
      i++;
    } else if ((c === '"' || c === "'") && startsValue(text, i, lineStart)) {
      i = endOfQuote(text, i);
    } else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf("\n", i);
      i = end < 0 ? text.length : end;
    } else {
      // A bracket opens a collection only where a value starts (`a [b` is plain text).
      if ((c === "[" || c === "{") && (flow > 0 || startsValue(text, i, lineStart))) {
        flow++;
        if (flow + indents.length > limit) return { offset: i, depth: flow + indents.length };
      } else if ((c === "]" || c === "}") && flow > 0) flow--;
      i++;
    }
  }
  return undefined;
}

/**
 * Whether a node can start here: at the line's start, after `key: `, `- ` or `? ` (with the
 * space), or after `[`, `{` or `,`. So a quote in `Docker's engine` or `a-'b` is plain text.
 */
function startsValue(text: string, at: number, lineStart: number): boolean {
  return /(^\s*|[:\-?]\s+|[[{,]\s*)$/.test(text.slice(lineStart, at));
}

/** The offset just past a quoted scalar that starts at `start` (YAML: `\"` escapes in double quotes, `''` in single). */
function endOfQuote(text: string, start: number): number {
  const quote = text[start]!;
  for (let i = start + 1; i < text.length; i++) {
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return text.length;
}
