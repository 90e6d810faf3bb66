import cliProgress from "cli-progress";
import type { Argv } from "yargs";
import { fromCache, type BuildReport, type DiagramReport } from "../run/build-report.js";
import { formatDiagnosticLine, type Diagnostic } from "../diagnostics.js";
import { displayPath } from "../paths.js";
import { printDiagnostics } from "./print.js";

export type ReporterName = "text" | "json";

export interface ReportFlags {
  reporter?: ReporterName;
  quiet?: boolean;
}

export function reportFlags<T>(y: Argv<T>): Argv<T & ReportFlags> {
  return y
    .option("reporter", { describe: "text for people; json: one machine-readable summary on stdout (for CI)", choices: ["text", "json"] as const, defaultDescription: "text" })
    .option("quiet", { alias: "q", describe: "print only errors", type: "boolean" }) as unknown as Argv<T & ReportFlags>;
}

/**
 * How a run talks while it works: on a terminal, a progress bar (stderr); elsewhere a line per
 * diagram; with --quiet or --reporter json, nothing until the end. Errors always go to stderr.
 */
export class RunReporter {
  private bar: cliProgress.SingleBar | undefined;
  private readonly stream = process.stderr;

  /** `listDiagrams`: a line per diagram when there is no bar (not when checking, which lists only what is stale). */
  constructor(
    private readonly flags: ReportFlags,
    private readonly listDiagrams = true,
  ) {}

  private get chatty(): boolean {
    return !this.flags.quiet && this.flags.reporter !== "json";
  }

  onStart = (total: number): void => {
    if (!this.chatty || !this.stream.isTTY || total < 2) return;
    this.bar = new cliProgress.SingleBar(
      { format: "vstack |{bar}| {value}/{total} diagrams · {id}", stream: this.stream, hideCursor: true, clearOnComplete: true, barsize: 30 },
      cliProgress.Presets.shades_classic,
    );
    this.bar.start(total, 0, { id: "" });
  };

  onDiagram = (d: DiagramReport): void => {
    if (this.bar) this.bar.increment({ id: d.diagram.id });
    else if (this.chatty && this.listDiagrams) {
      // A run that writes only decks has no file of the diagram's own: its slides are in the deck.
      const files = d.files.length > 0 ? d.files.join(" ") : "(slides in the deck)";
      process.stdout.write(`  ${d.diagram.id}: ${files}${fromCache(d) ? " (cached)" : ""}\n`);
    }
  };

  /** Takes the bar off the terminal, before anything else is printed. */
  endProgress(): void {
    this.bar?.stop();
    this.bar = undefined;
  }

  /** Ends the bar; prints the warnings (unless quiet) and failures, then the summary line (or the JSON). */
  finish(report: BuildReport, summary: string, extra: Record<string, unknown> = {}): void {
    this.endProgress();
    if (this.chatty) printDiagnostics(report.warnings);
    printDiagnostics(report.failures);
    if (this.flags.reporter === "json") {
      process.stdout.write(`${JSON.stringify(jsonSummary(report, extra), null, 2)}\n`);
    } else if (!this.flags.quiet) {
      process.stdout.write(`${summary}\n`);
    }
  }
}

function jsonSummary(report: BuildReport, extra: Record<string, unknown>) {
  return {
    ok: report.failed === 0 && report.stale.length === 0,
    ...extra,
    inputs: report.inputs,
    failed: report.failed,
    elapsedMs: Math.round(report.elapsedMs),
    diagrams: report.diagrams.map((d) => ({ id: d.diagram.id, source: d.diagram.file, files: d.files, rendered: d.rendered, derived: d.derived, written: d.written })),
    pages: report.pages.map((p) => displayPath(p, report.cwd)),
    skipped: report.skipped,
    removed: report.removed,
    stale: report.stale,
    failures: jsonFailures(report.failures),
    warnings: jsonFailures(report.warnings),
  };
}

/** Diagnostics as JSON: each with its place, and the line a person would read. */
export function jsonFailures(failures: Diagnostic[]) {
  return failures.map((f) => ({ code: f.code, file: f.file, line: f.line ?? null, col: f.col ?? null, message: f.message, text: formatDiagnosticLine(f) }));
}
