import type { Argv, ArgumentsCamelCase } from "yargs";
import { loadInputs } from "../../build.js";
import { plural, printDiagnostics } from "../report.js";
import { resolveRenderFlags } from "../render-options.js";

interface ValidateArgs {
  inputs: string[];
}

export const command = "validate [inputs..]";
export const describe = "Check specs and Markdown fences without rendering (default: the config's inputs, else the built-in specs)";

export function builder(y: Argv): Argv<ValidateArgs> {
  return y
    .positional("inputs", { describe: "spec files, folders, globs or built-in ids", type: "string", array: true, default: [] as string[] })
    .example("$0 validate specs/", "check every spec under specs/")
    .example("$0 validate my-stack.yaml", "check one file; errors are printed as file:line:col") as unknown as Argv<ValidateArgs>;
}

export async function handler(args: ArgumentsCamelCase<ValidateArgs>): Promise<number> {
  const { options } = await resolveRenderFlags({ inputs: args.inputs });
  const { diagrams, failures, invalid } = await loadInputs(options.inputs ?? []);
  printDiagnostics(failures);
  process.stdout.write(`vstack: ${plural(diagrams.length, "diagram")} valid, ${invalid} invalid (${plural(failures.length, "problem")})\n`);
  return invalid > 0 ? 1 : 0;
}
