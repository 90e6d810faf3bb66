import type { Argv } from "yargs";

export const command = "schema";
export const describe = "Print the JSON Schema of spec files (for editors)";

export function builder(y: Argv): Argv {
  return y.example("$0 schema > vstack-spec.schema.json", "save it where your editor's YAML extension can find it");
}

export async function handler(): Promise<number> {
  const { specJsonSchemaText } = await import("../../spec/json-schema.js");
  process.stdout.write(specJsonSchemaText());
  return 0;
}
