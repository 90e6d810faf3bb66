import type { Argv, ArgumentsCamelCase } from "yargs";
import type { Spec } from "../../spec/types.js";
import { factTable } from "../../table/fact-table.js";
import { tableHtml, tableMarkdown } from "../../table/print-table.js";
import { specArg } from "../spec-arg.js";

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
    const spec = await specArg(ref);
    if (spec) specs.push(spec);
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
