import type { Argv, ArgumentsCamelCase } from "yargs";
import { loadInputs } from "../../build/index.js";
import { STDIN } from "../../inputs.js";
import { plural, printDiagnostics } from "../print.js";
import { jsonFailures, reportFlags, type ReportFlags } from "../run-reporter.js";
import { resolveRenderFlags } from "../render-options.js";
import { readStdin, typedInputs } from "../stdin.js";

interface ValidateArgs extends ReportFlags {
  inputs: string[];
  config?: string;
}

export const command = "validate [inputs..]";
export const describe = "Check specs and ```vstack fences without rendering or a browser (Mermaid text is checked when rendered; default: the config's inputs, else the built-in specs)";

export function builder(y: Argv): Argv<ValidateArgs> {
  return reportFlags(y)
    .positional("inputs", { describe: "spec files, Markdown files, folders, globs or built-in ids (- reads standard input)", type: "string", array: true, default: [] as string[], coerce: typedInputs })
    .option("config", { alias: "c", describe: "config file (default: vstack.config.yaml/.yml/.json or package.json \"vstack\" here or above)", type: "string" })
    .example("$0 validate specs/", "check every spec under specs/")
    .example("$0 validate my-stack.yaml", "check one file; errors are printed as file:line:col")
    .example("$0 validate --reporter json", "the config's inputs, one JSON summary on stdout (for CI)") as unknown as Argv<ValidateArgs>;
}

export async function handler(args: ArgumentsCamelCase<ValidateArgs>): Promise<number> {
  const { options } = await resolveRenderFlags({ inputs: args.inputs, ...(args.config !== undefined && { config: args.config }), ...(args.quiet !== undefined && { quiet: args.quiet }) });
  const stdin = args.inputs.includes(STDIN) ? await readStdin() : undefined;
  const { diagrams, failures, warnings, invalid, skipped } = await loadInputs(options.inputs ?? [], { cwd: options.cwd!, ...(stdin !== undefined && { stdin }), ...(options.kinds && { kinds: options.kinds }) });
  if (args.reporter === "json") {
    const summary = { ok: invalid === 0, valid: diagrams.length, failed: invalid, diagrams: diagrams.map((d) => ({ id: d.id, source: d.file })), skipped, failures: jsonFailures(failures), warnings: jsonFailures(warnings) };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    if (!args.quiet) printDiagnostics(warnings);
    printDiagnostics(failures);
    const skips = skipped.length > 0 ? `; skipped ${skipped.join(", ")} (not specs)` : "";
    const warned = warnings.length > 0 ? `, ${plural(warnings.length, "warning")}` : "";
    if (!args.quiet || invalid > 0) process.stdout.write(`vstack: ${plural(diagrams.length, "diagram")} valid, ${invalid} invalid (${plural(failures.length, "problem")}${warned})${skips}\n`);
  }
  return invalid > 0 ? 1 : 0;
}
