import type { Argv, ArgumentsCamelCase } from "yargs";
import { loadInputs } from "../../run/index.js";
import { STDIN } from "../../inputs.js";
import { plural, printDiagnostics } from "../print.js";
import { jsonFailures, reportFlags, type ReportFlags } from "../run-reporter.js";
import { resolveRenderFlags } from "../render-options.js";
import { readStdin, typedInputs } from "../stdin.js";
import { LANG_CHOICES, langsOf, type LangChoice } from "../../langs.js";
import { listOf } from "../render-options.js";

interface ValidateArgs extends ReportFlags {
  inputs: string[];
  config?: string;
  lang?: LangChoice[];
}

export const command = "validate [inputs..]";
export const describe = "Check specs and ```vstack fences without rendering or a browser (Mermaid text is checked when rendered; default: the config's inputs, else the built-in specs)";

export function builder(y: Argv): Argv<ValidateArgs> {
  return reportFlags(y)
    .positional("inputs", { describe: "spec files, Markdown files, folders, globs or built-in ids (- reads standard input)", type: "string", array: true, default: [] as string[], coerce: typedInputs })
    .option("config", { alias: "c", describe: "config file (default: vstack.config.yaml/.yml/.json or package.json \"vstack\" here or above)", type: "string" })
    .option("lang", { alias: "l", describe: `also check the translations (comma-separated: ${LANG_CHOICES.join(", ")}): every string translated in the catalogs beside the specs (i18n/<lang>.po), no entry whose English is gone`, type: "string", coerce: listOf(LANG_CHOICES, "language") })
    .example("$0 validate specs/", "check every spec under specs/")
    .example("$0 validate specs/ --lang all", "and their German, French, Italian and Chinese catalogs")
    .example("$0 validate my-stack.yaml", "check one file; errors are printed as file:line:col")
    .example("$0 validate --reporter json", "the config's inputs, one JSON summary on stdout (for CI)") as unknown as Argv<ValidateArgs>;
}

export async function handler(args: ArgumentsCamelCase<ValidateArgs>): Promise<number> {
  const { options } = await resolveRenderFlags({ inputs: args.inputs, ...(args.config !== undefined && { config: args.config }), ...(args.quiet !== undefined && { quiet: args.quiet }) });
  const stdin = args.inputs.includes(STDIN) ? await readStdin() : undefined;
  const langs = args.lang ? langsOf(args.lang) : (options.langs ?? ["en"]);
  const loaded = await loadInputs(options.inputs ?? [], { cwd: options.cwd!, langs, ...(stdin !== undefined && { stdin }), ...(options.kinds && { kinds: options.kinds }) });
  const { skipped } = loaded;
  let { diagrams } = loaded;
  let { failures, warnings, invalid } = loaded;
  if (args.lang) {
    // Asked to check translations: a string drawn in English is a failure here, and so is an entry whose English is gone.
    const untranslated = warnings.filter((w) => w.code === "missing-translation").map(({ severity: _, ...d }) => d);
    const { staleTranslations } = await import("../../diagrams/stale-translations.js");
    const stale = await staleTranslations(loaded.files.filter((f) => f !== STDIN && !/\.(mmd|md|markdown)$/i.test(f)), langs, options.cwd!);
    warnings = warnings.filter((w) => w.code !== "missing-translation");
    failures = [...failures, ...untranslated, ...stale];
    // A diagram with an untranslated string is not valid in that language; a catalog with stale entries is a bad input of its own.
    const bad = new Set(untranslated.map((d) => d.file));
    invalid += diagrams.filter((d) => bad.has(d.file)).length + new Set(stale.map((d) => d.file)).size;
    diagrams = diagrams.filter((d) => !bad.has(d.file));
  }
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
