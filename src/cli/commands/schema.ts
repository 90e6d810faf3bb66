import type { Argv, ArgumentsCamelCase } from "yargs";

export const command = "schema";
export const describe = "Print the JSON Schema of spec files, or with --config of vstack.config.yaml (for editors)";

export function builder(y: Argv): Argv<{ config?: boolean }> {
  return y
    .option("config", { describe: "the config file's schema instead of the spec's", type: "boolean" })
    .example("$0 schema > vstack-spec.schema.json", "save it where your editor's YAML extension can find it");
}

export async function handler(args: ArgumentsCamelCase<{ config?: boolean }>): Promise<number> {
  const { configJsonSchemaText, specJsonSchemaText } = await import("../../json-schema.js");
  process.stdout.write(args.config ? configJsonSchemaText() : specJsonSchemaText());
  return 0;
}
