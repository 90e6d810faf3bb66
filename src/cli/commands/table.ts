import type { Argv, ArgumentsCamelCase } from "yargs";
import { resolve } from "node:path";
import { loadSpec, resolveRef } from "../../spec/load-spec.js";
import type { Spec } from "../../spec/types.js";
import { didYouMean } from "../../suggest.js";
import { builtinIds } from "../../spec/builtins.js";
import { factTable } from "../../table/fact-table.js";
import { tableHtml, tableMarkdown } from "../../table/print-table.js";
import { printDiagnostics } from "../print.js";
import { UsageError } from "../usage-error.js";

const TABLE_FORMATS = ["md", "html"] as const;

interface TableArgs {
  specs: string[];
  format?: (typeof TABLE_FORMATS)[number];
}

export const command = "table <specs..>";
export const describe = "Print a comparison table of the specs' facts, each with its source (a comparison spec stands for the stacks it compares)";

export function builder(y: Argv): Argv<TableArgs> {
  return y
    .positional("specs", { describe: "built-in ids or spec files", type: "string", array: true })
    .option("format", { alias: "f", describe: "md (GitHub-flavoured Markdown with footnotes) or html", choices: TABLE_FORMATS, defaultDescription: "md" })
    .example("$0 table vm-vs-container", "VMs vs containers: kernel, isolation, image, start-up, overhead, with sources")
    .example("$0 table gvisor kata-containers firecracker -f html", "an HTML table for a docs page") as unknown as Argv<TableArgs>;
}

export async function handler(args: ArgumentsCamelCase<TableArgs>): Promise<number> {
  const specs: Spec[] = [];
  let failed = false;
  for (const ref of args.specs) {
    const file = resolveRef(ref, process.cwd());
    if (!file) throw new UsageError(`"${ref}" is neither a built-in id (see \`vstack list\`) nor a path to a spec file${didYouMean(ref, builtinIds())}`);
    const loaded = await loadSpec(resolve(file));
    printDiagnostics(loaded.diagnostics);
    if (loaded.spec) specs.push(loaded.spec);
    else failed = true;
  }
  if (failed) return 1;
  const table = factTable(specs);
  if (table.rows.length === 0) {
    process.stderr.write(`vstack: ${args.specs.join(", ")} state no facts; add facts: to a spec (see README, "Facts and tables")\n`);
    return 1;
  }
  process.stdout.write(args.format === "html" ? tableHtml(table) : tableMarkdown(table));
  return 0;
}
