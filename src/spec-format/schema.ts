import * as z from "zod";
import { ID_RULE } from "../source/id-rule.js";
import type { BOUNDARIES } from "../kinds/palette.js";
import { boundary, COLOUR_KEYS, KIND_KEYS, kindsSchema } from "../kinds/schema.js";
import { KINDS } from "../kinds/builtin-kinds.js";
import { FACT_KEYS, FACT_NAMES, type Fact } from "./facts.js";
import { FAMILIES } from "./families.js";
import { LIMITS } from "../source/limits.js";
import { LINK_STYLES } from "./links.js";

/**
 * The spec format, as zod schemas: the one source of truth for parsing, for the TypeScript
 * types below, and for error messages. Objects are strict so that a misspelt key is an
 * error with a suggestion rather than a silently ignored line.
 */

const label = z.string().trim().min(1, "must not be empty").max(LIMITS.label);
const nodeId = z.string().regex(ID_RULE.pattern, `must be ${ID_RULE.says}`);
// A built-in kind or one the spec declares under `kinds` (validate.ts checks which exist).
const kind = z.union([z.enum(KINDS), nodeId]).describe("What the box is: a built-in kind, or one declared under kinds; decides its colour and outline in every diagram and theme.");

export interface LayerInput {
  layer: string;
  kind: string;
  detail?: string;
  id?: string;
  step?: number;
}
export interface UnitInput {
  unit: string;
  kind: string;
  detail?: string;
  id?: string;
  boundary?: (typeof BOUNDARIES)[number];
  repeat?: number;
  span?: boolean;
  stack?: EntryInput[];
}
export interface UnitsInput {
  units: UnitInput[];
  step?: number;
}
export type EntryInput = LayerInput | UnitsInput;

const detail = label.describe("A smaller second line under the label; line breaks are kept.").optional();

const step = z
  .number()
  .int()
  .min(1)
  .max(99)
  .describe("Build steps (--steps): entries with the same number appear together, at the first of their rows; others appear row by row, bottom → top.")
  .optional();

const layerShape = {
  layer: label.describe("The layer's label."),
  kind,
  detail,
  id: nodeId.optional(),
  step,
};

export const layerSchema: z.ZodType<LayerInput> = z.strictObject(layerShape).describe("A layer across the whole width of its stack.");

const unitShape = {
  unit: label.describe('The unit\'s label; "{n}" counts repeats.'),
  kind,
  detail,
  id: nodeId.optional(),
  boundary: boundary.optional(),
  repeat: z.number().int().min(1).max(LIMITS.repeat).describe("Draw N copies side by side; {n} in labels becomes 1..N.").optional(),
  span: z
    .boolean()
    .describe("Stand beside the frames of its row as tall as they are: a daemon beside the containers or VMs it creates (a unit without a stack of its own).")
    .optional(),
  get stack() {
    return stackSchema.describe("What runs inside the unit, bottom → top.").optional();
  },
};

export const unitSchema: z.ZodType<UnitInput> = z.strictObject(unitShape).describe("A VM, partition, container or process, with a stack of its own.");

export const unitsSchema: z.ZodType<UnitsInput> = z
  .strictObject({
    units: z.array(unitSchema).min(1, "needs at least one unit"),
    step,
  })
  .describe("Units side by side, each isolated from the others.");

/**
 * An entry is a layer or a group of side-by-side units. When neither fits, validate.ts reports
 * the errors of the branch the entry's keys point to (see entryKindOf), not both.
 */
export const entrySchema: z.ZodType<EntryInput> = z.union([layerSchema, unitsSchema]);

/** `units` when the entry names units, else a layer (whose errors then say what is missing). */
export function entryKindOf(value: unknown): "layer" | "units" {
  return value !== null && typeof value === "object" && "units" in value && !("layer" in value)
    ? "units"
    : "layer";
}

export const stackSchema = z.array(entrySchema).min(1, "a stack needs at least one entry");

/**
 * A box a link names: an `id` from the stack (`shim` for every copy of a repeated unit,
 * `shim-2` for one), or in a comparison `<spec id>.<box id>` when the box id alone is ambiguous.
 */
const boxRef = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)?$/, `must be a box's id (${ID_RULE.says}), or <spec id>.<box id> in a comparison`)
  .describe("The id of a layer or unit.");

export interface LinkInput {
  from: string;
  to: string;
  label?: string;
  style?: (typeof LINK_STYLES)[number];
  both?: boolean;
}

const linkShape = {
  from: boxRef.describe("The id of the box the arrow starts at: the caller, the sender, the creator."),
  to: boxRef.describe("The id of the box the arrow points to."),
  label: label.describe('What travels along it: "Engine API, /var/run/docker.sock", "gRPC", "VMBus".').optional(),
  style: z
    .enum(LINK_STYLES)
    .describe("control: a call or request (solid); data: a data or I/O path (heavy); creates: starts or spawns (dashed). Default control.")
    .optional(),
  both: z.boolean().describe("Arrowheads at both ends: the two talk to each other (VMBus, front-end ↔ back-end).").optional(),
};

export const linkSchema: z.ZodType<LinkInput> = z.strictObject(linkShape).describe("An arrow: who talks to whom. Drawn over the stack, never through its text.");

const links = z.array(linkSchema).max(LIMITS.links).describe("Arrows between boxes that have an id: control paths, data paths, who starts whom.").optional();

const url = z.url({ message: "must be a full http(s) URL a reader can open" });

const factSchema: z.ZodType<Fact> = z
  .strictObject({
    value: label.describe("The property in a few words: \"shared with the host\", \"≤ 125 ms to guest init\"."),
    source: url.describe("The page that states it.").optional(),
    illustrative: z.boolean().describe("An order of magnitude rather than a measurement; may go without a source.").optional(),
  })
  .refine((f) => f.illustrative === true || f.source !== undefined, { message: "needs a source (a URL that states it), or illustrative: true for an order of magnitude", path: ["source"] })
  .describe("A property of the system with its source.");

const factsSchema = z
  .strictObject(Object.fromEntries(FACT_KEYS.map((k) => [k, factSchema.describe(FACT_NAMES[k]).optional()])) as Record<(typeof FACT_KEYS)[number], z.ZodOptional<typeof factSchema>>)
  .describe("What a comparison table says of this system, each property with its source (vstack table).")
  .optional();

const common = {
  $schema: z.string().optional(),
  id: nodeId.describe("Names the output files: <id>.<theme>.<format>."),
  title: label,
  summary: label.describe("One or two sentences; shown in the gallery and read out as the SVG's description.").optional(),
  notes: z.array(label).describe("Caveats a careful reader needs: versions, defaults that changed.").optional(),
  family: z.enum(FAMILIES).describe("The group vstack list and the gallery show it in.").optional(),
  tags: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/, "must be a lower-case word (letters, digits, . + -)"))
    .max(16)
    .describe('Words vstack list --search finds it by besides its id and title: "kvm", "wsl2".')
    .optional(),
  sources: z
    .array(z.url({ message: "must be a full http(s) URL a reader can open" }))
    .min(1, "name at least one source")
    .describe("Where a reader can check every layer: vendor or project documentation."),
};

export const stackSpecSchema = z.strictObject({ ...common, facts: factsSchema, kinds: kindsSchema, stack: stackSchema.describe("The layers, bottom → top."), links });
export const compareSpecSchema = z.strictObject({
  ...common,
  sources: common.sources.optional(),
  kinds: kindsSchema.describe("Kinds of your own for the comparison; they also reword or recolour kinds the compared stacks declare."),
  compare: z
    .array(z.string().min(1))
    .min(2, "a comparison names at least two specs")
    .max(LIMITS.compare)
    .describe("Stack specs to draw side by side on one baseline: built-in ids or paths relative to this file."),
  links: links.describe("Arrows added to the compared stacks' own, which may join boxes of different stacks (<spec id>.<box id>)."),
});

export type StackSpecInput = z.infer<typeof stackSpecSchema>;
export type CompareSpecInput = z.infer<typeof compareSpecSchema>;
export type SpecInput = StackSpecInput | CompareSpecInput;

/** The keys each kind of mapping may hold, read off the schemas above (for "did you mean"). */
export const KEYS = {
  spec: [...new Set([...Object.keys(stackSpecSchema.shape), ...Object.keys(compareSpecSchema.shape)])],
  layer: Object.keys(layerShape),
  unit: Object.keys(unitShape),
  units: ["units"],
  link: Object.keys(linkShape),
  kind: KIND_KEYS,
  colours: COLOUR_KEYS,
  facts: [...FACT_KEYS],
  fact: ["value", "source", "illustrative"],
};

/** Every key the format knows. */
export const KNOWN_KEYS = [...new Set(Object.values(KEYS).flat())];
