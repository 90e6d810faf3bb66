import { z } from "zod";
import { MAX_JOBS, MAX_SCALE } from "../build/options.js";
import { THEMES } from "../palette.js";
import { FORMATS, PRESET_NAMES } from "../presets.js";

/**
 * `vstack.config.yaml` (or `.yml`, `.json`, or a `vstack` key in package.json). Every key is
 * optional and has a command-line flag of the same meaning that overrides it; paths are
 * relative to the folder the config is in.
 */
export const configSchema = z.strictObject({
  inputs: z.array(z.string().min(1)).describe("spec files, .mmd files, Markdown files, folders, globs or built-in ids").optional(),
  out: z.string().min(1).describe("output folder (default: out)").optional(),
  formats: z.array(z.enum(FORMATS)).min(1).describe("output formats").optional(),
  themes: z.array(z.enum(THEMES)).min(1).describe("themes").optional(),
  preset: z.enum(PRESET_NAMES).describe("docs (default) or slide: 16:9 1920x1080, larger type, transparent").optional(),
  scale: z.number().positive().max(MAX_SCALE).describe("PNG pixels per CSS pixel").optional(),
  background: z.string().min(1).describe("CSS colour or transparent").optional(),
  template: z.string().min(1).describe("block or flowchart").optional(),
  templates: z.string().min(1).describe("folder of your own templates").optional(),
  jobs: z.number().int().min(1).max(MAX_JOBS).describe("pages rendering at once").optional(),
  cache: z.boolean().describe("reuse unchanged outputs").optional(),
  cacheDir: z.string().min(1).describe("cache folder (default: .vstack-cache)").optional(),
  gallery: z.boolean().describe("write README.md and index.html showing every diagram").optional(),
  markdownOut: z.string().min(1).describe("where Markdown files with vstack/mermaid fences are written, images in place (default: the output folder)").optional(),
  chromium: z.string().min(1).describe("Chrome/Chromium binary").optional(),
});

export type Config = z.infer<typeof configSchema>;
export const CONFIG_KEYS = Object.keys(configSchema.shape);
/** Keys whose values are paths, resolved against the config file's folder. */
export const PATH_KEYS = ["out", "templates", "cacheDir", "markdownOut", "chromium"] as const satisfies ReadonlyArray<keyof Config>;
