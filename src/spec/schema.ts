import { z } from "zod";
import { KINDS } from "./kinds.js";

/**
 * The spec format, as zod schemas: the one source of truth for parsing, for the TypeScript
 * types below, and for error messages. Objects are strict so that a misspelt key is an
 * error with a suggestion rather than a silently ignored line.
 */

const label = z.string().trim().min(1, "must not be empty").max(200_000);
const kind = z.enum(KINDS);
const nodeId = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes, starting with a letter");

export interface LayerInput {
  layer: string;
  kind: (typeof KINDS)[number];
  detail?: string;
  id?: string;
}
export interface UnitInput {
  unit: string;
  kind: (typeof KINDS)[number];
  detail?: string;
  id?: string;
  repeat?: number;
  stack?: EntryInput[];
}
export interface UnitsInput {
  units: UnitInput[];
}
export type EntryInput = LayerInput | UnitsInput;

export const layerSchema: z.ZodType<LayerInput> = z.strictObject({
  layer: label,
  kind,
  detail: label.optional(),
  id: nodeId.optional(),
});

export const unitSchema: z.ZodType<UnitInput> = z.strictObject({
  unit: label,
  kind,
  detail: label.optional(),
  id: nodeId.optional(),
  repeat: z.number().int().min(1).max(64).optional(),
  get stack() {
    return stackSchema.optional();
  },
});

export const unitsSchema: z.ZodType<UnitsInput> = z.strictObject({
  units: z.array(unitSchema).min(1, "needs at least one unit"),
});

/** An entry is a layer or a group of side-by-side units; which one is decided by its key. */
export const entrySchema: z.ZodType<EntryInput> = z.custom<EntryInput>().superRefine((value, ctx) => {
  const schema = entryKindOf(value) === "units" ? unitsSchema : layerSchema;
  const result = schema.safeParse(value);
  if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue } as never);
});

/** `units` when the entry names units, else a layer (whose errors then say what is missing). */
export function entryKindOf(value: unknown): "layer" | "units" {
  return value !== null && typeof value === "object" && "units" in value && !("layer" in value)
    ? "units"
    : "layer";
}

export const stackSchema = z.array(entrySchema).min(1, "a stack needs at least one entry");

const common = {
  $schema: z.string().optional(),
  id: nodeId,
  title: label,
  summary: label.optional(),
  notes: z.array(label).optional(),
  sources: z.array(z.url({ message: "must be a full http(s) URL a reader can open" })).min(1, "name at least one source"),
};

export const stackSpecSchema = z.strictObject({ ...common, stack: stackSchema });
export const compareSpecSchema = z.strictObject({
  ...common,
  sources: common.sources.optional(),
  compare: z.array(z.string().min(1)).min(2, "a comparison names at least two specs"),
});

export type StackSpecInput = z.infer<typeof stackSpecSchema>;
export type CompareSpecInput = z.infer<typeof compareSpecSchema>;
export type SpecInput = StackSpecInput | CompareSpecInput;

/** Every key the format knows, for "did you mean" suggestions. */
export const KNOWN_KEYS = [
  "$schema", "id", "title", "summary", "notes", "sources", "stack", "compare",
  "layer", "units", "unit", "kind", "detail", "repeat",
];
