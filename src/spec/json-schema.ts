import { z } from "zod";
import { compareSpecSchema, stackSpecSchema } from "./schema.js";

/**
 * The JSON Schema of a spec file, generated from the same zod schemas the parser uses, so
 * editors (yaml-language-server, VS Code) complete and check specs exactly as vstack does.
 * Committed as schema/vstack-spec.schema.json; a test keeps the file in step.
 */
export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([stackSpecSchema, compareSpecSchema]), { target: "draft-2020-12", io: "input", cycles: "ref", reused: "inline" });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "vstack spec",
    description: "A virtualization or container stack, bottom → top, or a comparison of such stacks. See README.md.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

export function specJsonSchemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}
