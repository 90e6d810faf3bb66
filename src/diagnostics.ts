/** One problem found in an input, with where it is. Stages collect these and fail once. */
export interface Diagnostic {
  /** Stable machine-readable code, e.g. `unknown-key`. */
  code: string;
  message: string;
  /** The file the problem is in (as the user named it). */
  file: string;
  /** 1-based line and column; absent when the problem has no position (e.g. unreadable file). */
  line?: number;
  col?: number;
  /** Dotted path inside the spec, e.g. `stack[2].units[0].unit`. */
  path?: string;
  /** The source text, so the formatter can print a code frame. */
  source?: string;
  /** A warning is printed and the picture still drawn; anything else fails its input. */
  severity?: "warning";
}

/** `file:line:col: path: message` — the form editors and CI logs link to. */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
  const path = d.path ? `${d.path}: ` : "";
  return `${where}: ${d.severity === "warning" ? "warning: " : ""}${path}${d.message} [${d.code}]`;
}

/** How much of a line a code frame shows: a long line is cut to a window around the column. */
const FRAME_WIDTH = 160;

/**
 * Two lines of context above the problem, the line itself, and a caret under the column. Only
 * the text up to the lines shown is scanned (a file's problems are printed one by one).
 */
export function formatCodeFrame(source: string, line: number, col: number): string {
  const first = Math.max(1, line - 2);
  const lines: string[] = [];
  let start = 0;
  for (let n = 1; n <= line + 1 && start <= source.length; n++) {
    const newline = source.indexOf("\n", start);
    const end = newline < 0 ? source.length : newline;
    if (n >= first) lines.push(source.slice(start, end).replace(/\r$/, ""));
    if (newline < 0) break;
    start = newline + 1;
  }
  const last = first + lines.length - 1;
  const width = String(last).length;
  const text = lines[line - first] ?? "";
  // The same window for every line shown, centred on the column, so the caret is in view.
  const from = Math.max(0, Math.min(col - 1 - FRAME_WIDTH / 2, text.length - FRAME_WIDTH));
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === line ? ">" : " ";
    out.push(`${mark} ${String(n).padStart(width)} | ${windowOf(lines[n - first] ?? "", from)}`.trimEnd());
    if (n === line) {
      const pad = " ".repeat(Math.max(col - 1 - from, 0) + (from > 0 ? 1 : 0));
      out.push(`  ${" ".repeat(width)} | ${pad}^`);
    }
  }
  return out.join("\n");
}

export function formatDiagnostic(d: Diagnostic): string {
  const head = formatDiagnosticLine(d);
  if (d.source === undefined || d.line === undefined) return head;
  return `${head}\n${formatCodeFrame(d.source, d.line, d.col ?? 1)}`;
}

/** FRAME_WIDTH characters from `start`, with an ellipsis where the line goes on. */
function windowOf(text: string, start: number): string {
  const shown = text.slice(start, start + FRAME_WIDTH);
  return `${start > 0 && text.length > start ? "…" : ""}${shown}${start + FRAME_WIDTH < text.length ? "…" : ""}`;
}
