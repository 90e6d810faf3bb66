import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";

/** Prints diagnostics, each with its code frame, to stderr. */
export function printDiagnostics(diagnostics: Diagnostic[], write: (text: string) => void = (t) => process.stderr.write(t)): void {
  for (const d of diagnostics) write(`${formatDiagnostic(d)}\n\n`);
}

/** A run's warnings, then its failures. */
export function printProblems(report: { warnings: Diagnostic[]; failures: Diagnostic[] }): void {
  printDiagnostics([...report.warnings, ...report.failures]);
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
