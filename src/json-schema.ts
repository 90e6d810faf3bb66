import * as z from "zod";
import { configSchema } from "./config/schema.js";
import { compareSpecSchema, stackSpecSchema } from "./spec-format/schema.js";

const OPTIONS = { target: "draft-2020-12", io: "input", cycles: "ref", reused: "inline" } as const;

function withHeader(title: string, description: string, schema: Record<string, unknown>): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title,
    description,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}

/**
 * The JSON Schema of a spec file, generated from the same zod schemas the parser uses, so
 * editors (yaml-language-server, VS Code) complete and check specs exactly as vstack does.
 * Committed as schema/vstack-spec.schema.json; a test keeps the file in step.
 */
export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([stackSpecSchema, compareSpecSchema]), OPTIONS);
  return withHeader("vstack spec", "A virtualization or container stack, bottom → top, or a comparison of such stacks. See README.md.", schema);
}

/** The same for `vstack.config.yaml` (committed as schema/vstack-config.schema.json). */
export function configJsonSchema(): Record<string, unknown> {
  return withHeader("vstack config", "Options for `vstack render`, `watch` and `preview`; each key is the flag of the same name. See README.md.", z.toJSONSchema(configSchema, OPTIONS));
}

export function specJsonSchemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}

export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
