import * as z from "zod";
import { DECK_STYLES, FONT_MODES, MAX_JOBS, MAX_SCALE, MAX_WIDTH_RANGE, PAGE_STYLES } from "../presets.js";
import { COLOUR_HINT, isCssColour } from "../colour.js";
import { kindsSchema } from "../kinds/schema.js";
import { LEGEND_PLACES } from "../presets.js";
import { FORMATS, OUTPUT_THEMES, PRESET_NAMES } from "../presets.js";
import { LANG_CHOICES } from "../langs.js";

/**
 * `vstack.config.yaml` (or `.yml`, `.json`, or a `vstack` key in package.json). Every key is
 * optional and has a command-line flag of the same meaning that overrides it; paths are
 * relative to the folder the config is in.
 */
/** A list, or the same as one comma-separated string, as the flags take it (`formats: svg,png`). */
function listOf<T extends z.ZodType<string>>(item: T) {
  const list = z.array(item).min(1);
  // The split parts are checked by the same list schema (its input type is the items' own).
  const parts = z.string().transform((text) => text.split(",").map((part) => part.trim()).filter(Boolean));
  return z.union([list, parts.pipe(list as unknown as z.ZodType<z.output<typeof list>, string[]>)]);
}

export const configSchema = z.strictObject({
  inputs: listOf(z.string().min(1)).describe("spec files, .mmd files, Markdown files, folders, globs or built-in ids").optional(),
  out: z.string().min(1).describe("output folder (default: out)").optional(),
  formats: listOf(z.enum(FORMATS)).describe("output formats").optional(),
  themes: listOf(z.enum(OUTPUT_THEMES)).describe("themes").optional(),
  preset: z.enum(PRESET_NAMES).describe("docs (default) or slide: 16:9 1920x1080, larger type, transparent").optional(),
  scale: z.number().positive().max(MAX_SCALE).describe("PNG pixels per CSS pixel").optional(),
  maxWidth: z.number().int().min(MAX_WIDTH_RANGE[0]).max(MAX_WIDTH_RANGE[1]).describe("the widest a spec's picture may be, in CSS pixels; labels wrap to fit (default 880: an 800 px docs column shows 12 px text)").optional(),
  legend: z.enum(LEGEND_PLACES).describe("where the legend of kinds goes: bottom (default), right or off").optional(),
  steps: z.union([z.boolean(), z.literal("animate")]).describe("also a frame per build step, the stack appearing row by row from the bottom (<id>.step-01.<theme>.<fmt>…), for slides; animate: one SVG that plays the build instead").optional(),
  lang: listOf(z.enum(LANG_CHOICES)).describe("the languages to draw specs in: en (default), de, fr, it, zh, or all; other languages' files are <id>.<lang>.<theme>.<fmt>").optional(),
  caption: z.boolean().describe("draw the title above the diagram and its sources' hosts below (default: off; slide preset: on)").optional(),
  fonts: z.enum(FONT_MODES).describe("how SVGs carry their fonts: embed (a subset of the fonts drawn, default), outline (text as paths, for PowerPoint and LaTeX) or system (a font list only)").optional(),
  deck: z.enum(DECK_STYLES).describe("how a pptx deck holds each spec's diagram: picture (the SVG as rendered, with its PNG; default) or shapes (boxes, frames, arrows and text as PowerPoint shapes, to edit)").optional(),
  background: z.string().min(1).refine(isCssColour, `not a colour; give ${COLOUR_HINT}`).describe("CSS colour or transparent").optional(),
  template: z.string().min(1).describe("block or flowchart").optional(),
  templates: z.string().min(1).describe("folder of your own templates").optional(),
  jobs: z.number().int().min(1).max(MAX_JOBS).describe("pages rendering at once").optional(),
  cache: z.boolean().describe("reuse unchanged outputs").optional(),
  cacheDir: z.string().min(1).describe("cache folder (default: .vstack-cache)").optional(),
  gallery: z.boolean().describe("write README.md and index.html showing every diagram").optional(),
  markdownOut: z.string().min(1).describe("where Markdown files with vstack/mermaid fences are written, images in place (default: the output folder)").optional(),
  pageStyle: z.enum(PAGE_STYLES).describe("how Markdown pages show a fence's picture: picture (HTML, follows the reader's colour scheme) or markdown (#only-light/#only-dark images, for MkDocs)").optional(),
  chromium: z.string().min(1).describe("Chrome/Chromium binary").optional(),
  kinds: kindsSchema.describe("Kinds of your own for every spec of the project, as a spec declares them (a spec's own declarations win)."),
});

export type Config = z.infer<typeof configSchema>;
export const CONFIG_KEYS = Object.keys(configSchema.shape);
