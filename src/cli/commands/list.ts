import type { Argv, ArgumentsCamelCase } from "yargs";
import { loadInputs } from "../../run/index.js";
import type { Diagram } from "../../diagrams/diagram.js";
import { byFamily } from "../../spec-format/families.js";
import { printDiagnostics } from "../print.js";

interface ListArgs {
  search?: string;
}

export const command = "list";
export const describe = "List the built-in specs by family, with their titles and tags";

export function builder(y: Argv): Argv<ListArgs> {
  return y
    .option("search", { alias: "s", describe: "only specs whose id, title, summary, tags or family holds every word given", type: "string" })
    .example("$0 list", "ids to use in `compare:` or as `vstack render <id>`")
    .example("$0 list --search kvm", "the specs about KVM") as unknown as Argv<ListArgs>;
}

export async function handler(args: ArgumentsCamelCase<ListArgs>): Promise<number> {
  const { diagrams, failures } = await loadInputs([]);
  const words = (args.search ?? "").toLowerCase().split(/\s+/).filter(Boolean);
  const found = diagrams.filter((d) => words.every((w) => haystack(d).includes(w)));
  const width = Math.max(0, ...found.map((d) => d.id.length));
  const lines: string[] = [];
  for (const group of byFamily(found)) {
    if (lines.length > 0) lines.push("");
    if (group.title) lines.push(`${group.title}:`);
    for (const d of group.items) {
      const tags = d.tags.length > 0 ? `  [${d.tags.join(", ")}]` : "";
      lines.push(`  ${d.id.padEnd(width)}  ${d.title}${tags}`);
    }
  }
  if (found.length === 0) lines.push(`no built-in spec matches "${args.search}"; \`vstack list\` shows them all`);
  process.stdout.write(`${lines.join("\n")}\n`);
  printDiagnostics(failures);
  return failures.length > 0 ? 1 : 0;
}

/** What a search looks in: id, title, summary, tags and family, lower-cased. */
function haystack(d: Diagram): string {
  return [d.id, d.title, d.summary ?? "", ...d.tags, d.family ?? ""].join(" ").toLowerCase();
}
