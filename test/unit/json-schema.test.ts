import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KINDS } from "../../src/kinds/builtin-kinds.js";
import { configJsonSchema, configJsonSchemaText, specJsonSchema, specJsonSchemaText } from "../../src/json-schema.js";
import { CONFIG_KEYS } from "../../src/config/schema.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { ROOT } from "../support/paths.js";

describe("JSON Schema for editors", () => {
  it("is committed in step with the parser (npm run schema rewrites it)", () => {
    expect(readFileSync(join(ROOT, "schema", "vstack-spec.schema.json"), "utf8")).toBe(specJsonSchemaText());
    expect(readFileSync(join(ROOT, "schema", "vstack-config.schema.json"), "utf8")).toBe(configJsonSchemaText());
  });

  it("describes every config key, and no other", () => {
    const config = configJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(config.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(config.additionalProperties).toBe(false);
  });

  it("knows every kind and the required keys of both spec shapes", () => {
    const text = JSON.stringify(specJsonSchema());
    for (const kind of KINDS) expect(text).toContain(`"${kind}"`);
    const [stack, compare] = specJsonSchema().anyOf as Array<{ required: string[] }>;
    expect(stack!.required).toEqual(expect.arrayContaining(["id", "title", "sources", "stack"]));
    expect(compare!.required).toEqual(expect.arrayContaining(["id", "title", "compare"]));
  });

  it("is named by a modeline in every built-in spec", () => {
    for (const file of builtinFiles()) expect(readFileSync(file, "utf8")).toMatch(/^# yaml-language-server: \$schema=\.\.\/schema\/vstack-spec\.schema\.json\n/);
  });
});
