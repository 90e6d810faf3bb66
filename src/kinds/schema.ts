import * as z from "zod";
import { COLOUR_HINT, isCssColour } from "../colour.js";
import { BOUNDARIES } from "./palette.js";
import { ID_RULE } from "../source/id-rule.js";
import { KINDS } from "./builtin-kinds.js";
import { LIMITS } from "../source/limits.js";

/**
 * Kinds of your own, as zod schemas: what a spec (or the config, for every spec of a project)
 * may declare under `kinds`. Shared by both, so it belongs to neither.
 */

export const boundary = z
  .enum(BOUNDARIES)
  .describe("What separates this unit from its neighbours, drawn as its outline: vm (heavy), container (dashed), sandbox (dotted), none. Default: its kind's.");

const label = z.string().trim().min(1, "must not be empty").max(LIMITS.label);

const colour = z.string().refine(isCssColour, `must be ${COLOUR_HINT}`);

export interface KindColoursInput {
  fill: string;
  stroke?: string;
  text?: string;
}

const coloursSchema: z.ZodType<KindColoursInput> = z
  .strictObject({
    fill: colour.describe("The box's fill."),
    stroke: colour.describe("Its outline; default: the fill's hue, darker (light theme) or lighter (dark theme).").optional(),
    text: colour.describe("Its label; default: the theme's text colour that reads best on the fill.").optional(),
  })
  .describe("A declared kind's colours in one theme.");

export interface KindInput {
  like?: (typeof KINDS)[number];
  label?: string;
  light?: KindColoursInput;
  dark?: KindColoursInput;
  boundary?: (typeof BOUNDARIES)[number];
}

const kindShape = {
  like: z.enum(KINDS).describe("A built-in kind this one borrows its colours and outline from (an alias: pod is like container).").optional(),
  label: label.describe('How the legend names it, e.g. "pod (shared network namespace)". Default: the name, or the borrowed kind\'s wording.').optional(),
  light: coloursSchema.optional(),
  dark: coloursSchema.optional(),
  boundary: boundary.optional(),
};

export const kindSchema: z.ZodType<KindInput> = z
  .strictObject(kindShape)
  .describe("A kind of your own: like a built-in kind, or with light and dark colours of its own. Declaring a built-in kind's name rewords its legend label.");

export const kindsSchema = z
  .record(z.string().regex(ID_RULE.pattern, `must be ${ID_RULE.says}`), kindSchema)
  .describe("Kinds of your own, by name: a legend label, colours per theme and an outline, or an alias of a built-in kind.")
  .optional();

/** Declared kinds by name, as written. */
export type KindDeclarations = Record<string, KindInput>;

/** The keys a declaration and its colours may hold (for "did you mean"). */
export const KIND_KEYS = Object.keys(kindShape);
export const COLOUR_KEYS = ["fill", "stroke", "text"];
