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
}

/** `file:line:col: path: message` — the form editors and CI logs link to. */
export function formatDiagnosticLine(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.col ?? 1}`;
  const path = d.path ? `${d.path}: ` : "";
  return `${where}: ${path}${d.message} [${d.code}]`;
}

/** Two lines of context above the problem, the line itself, and a caret under the column. */
export function formatCodeFrame(source: string, line: number, col: number): string {
  const lines = source.split(/\r?\n/);
  const first = Math.max(1, line - 2);
  const last = Math.min(lines.length, line + 1);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const mark = n === line ? ">" : " ";
    const text = truncate(lines[n - 1] ?? "", 160);
    out.push(`${mark} ${String(n).padStart(width)} | ${text}`.trimEnd());
    if (n === line) {
      const pad = " ".repeat(Math.min(Math.max(col - 1, 0), 160));
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

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
