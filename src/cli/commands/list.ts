import type { Argv } from "yargs";
import { loadInputs } from "../../build/index.js";
import { printDiagnostics } from "../print.js";

export const command = "list";
export const describe = "List the built-in specs with their titles";

export function builder(y: Argv): Argv {
  return y.example("$0 list", "ids to use in `compare:` or as `vstack render <id>`");
}

export async function handler(): Promise<number> {
  const { diagrams, failures } = await loadInputs([]);
  const width = Math.max(...diagrams.map((d) => d.id.length));
  for (const d of diagrams) process.stdout.write(`${d.id.padEnd(width)}  ${d.title}${d.spec?.type === "compare" ? " (comparison)" : ""}\n`);
  printDiagnostics(failures);
  return failures.length > 0 ? 1 : 0;
}
