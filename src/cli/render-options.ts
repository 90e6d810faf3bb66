import { UsageError } from "./usage-error.js";
import { DEFAULT_TEMPLATE } from "../emit/templates.js";
import type { Argv } from "yargs";
import { DECK_STYLES, FONT_MODES, MAX_JOBS, MAX_SCALE, MAX_WIDTH_RANGE, PAGE_STYLES } from "../presets.js";
import { resolveRenderFlags as resolveProject, type RenderFlags, type ResolvedRender } from "../config/project-options.js";
import { printDiagnostics } from "./print.js";
import type { Shard } from "../inputs.js";
import { THEMES } from "../kinds/palette.js";
import { LEGEND_PLACES } from "../presets.js";
import { typedInputs } from "./stdin.js";
import { LANG_CHOICES } from "../langs.js";
import { FORMATS, OUTPUT_THEMES, PRESET_NAMES, PRESETS } from "../presets.js";

export type { RenderFlags } from "../config/project-options.js";

export function renderFlags<T>(y: Argv<T>): Argv<T & RenderFlags> {
  return y
    .positional("inputs", { describe: "spec files (.yaml, .json), .mmd files, Markdown files, folders, globs or built-in ids; - reads a spec or Mermaid text from standard input (default: the config's inputs, else the built-in specs)", type: "string", array: true, default: [] as string[], coerce: typedInputs })
    .option("config", { alias: "c", describe: "config file (default: vstack.config.yaml/.yml/.json or package.json \"vstack\" here or above)", type: "string" })
    .option("out", { alias: "o", describe: "output folder", type: "string", defaultDescription: "out (slide preset: out/slides)" })
    .option("format", { alias: "f", describe: `comma-separated formats: ${FORMATS.join(", ")}`, type: "string", defaultDescription: "svg,png,mmd (slide: svg,png,pdf)", coerce: listOf(FORMATS, "format") })
    .option("theme", { alias: "t", describe: `comma-separated themes: ${OUTPUT_THEMES.join(", ")} (auto: one SVG that follows the reader's colour scheme)`, type: "string", defaultDescription: THEMES.join(","), coerce: listOf(OUTPUT_THEMES, "theme") })
    .option("lang", { alias: "l", describe: `comma-separated languages to draw specs in: ${LANG_CHOICES.join(", ")} (from the catalogs beside the specs, i18n/<lang>.po; others than en are named <id>.<lang>.<theme>.<fmt>)`, type: "string", defaultDescription: "en", coerce: listOf(LANG_CHOICES, "language") })
    .option("preset", { describe: PRESET_NAMES.map((p) => `${p}: ${PRESETS[p].describe}`).join("; "), choices: PRESET_NAMES, defaultDescription: "docs" })
    .option("scale", { describe: "PNG pixels per CSS pixel (2 is crisp on retina screens)", type: "number", defaultDescription: "2 (slide: 1)", coerce: scaleOf })
    .option("max-width", { describe: "the widest a spec's picture may be, in CSS pixels; labels and details wrap to fit", type: "number", defaultDescription: "880 (an 800 px docs column shows 12 px text; slide: 2000)", coerce: maxWidthOf })
    .option("legend", { describe: "where the legend of the kinds drawn goes: bottom, right or off", choices: LEGEND_PLACES, defaultDescription: "bottom" })
    .option("steps", {
      describe: "also a frame per build step: the stack appears row by row from the bottom, every frame the same size (<id>.step-01.<theme>.<fmt>…); --steps animate: one SVG that plays the build (<id>.animated.<theme>.svg)",
      type: "string",
      defaultDescription: "off",
      coerce: (v: string | undefined) => {
        if (v === undefined) return undefined;
        if (v === "" || v === "true" || v === "frames") return true;
        if (v === "false") return false;
        if (v === "animate") return "animate";
        throw new Error(`--steps takes no value (frames) or "animate"; got "${v}" (name the inputs before --steps)`);
      },
    })
    .option("caption", { describe: "draw the title above the diagram and its sources' hosts below (--no-caption: not)", type: "boolean", defaultDescription: "off (slide: on)" })
    .option("fonts", { describe: "how SVGs carry their fonts: embed (a subset of the glyphs drawn, so every browser shows the same), outline (text as paths, for PowerPoint, Keynote and LaTeX) or system (a font list only)", choices: FONT_MODES, defaultDescription: "embed" })
    .option("deck", { describe: "how a pptx deck holds each spec's diagram: picture (the SVG as rendered, with its PNG) or shapes (boxes, frames, arrows and text as PowerPoint shapes, to edit)", choices: DECK_STYLES, defaultDescription: "picture" })
    .option("background", { describe: "background colour (CSS), or 'transparent'", type: "string", defaultDescription: "the theme's own (slide: transparent)", coerce: (v: string) => String(v).trim() })
    .option("template", { describe: "template to print Mermaid with: flowchart (vstack's stack layout) or block (block-beta)", type: "string", defaultDescription: DEFAULT_TEMPLATE })
    .option("templates", { describe: "folder of your own templates (<name>.mmd.hbs, partials/*.hbs), laid over the built-in ones", type: "string" })
    .option("chromium", { describe: "Chrome/Chromium binary (else $VSTACK_CHROMIUM, $PUPPETEER_EXECUTABLE_PATH, system paths)", type: "string" })
    .option("jobs", { alias: "j", describe: "pages rendering at once", type: "number", defaultDescription: "one per core", coerce: jobsOf })
    .option("cache", { describe: "reuse outputs whose inputs did not change (--no-cache renders everything)", type: "boolean", defaultDescription: "true" })
    .option("cache-dir", { describe: "where cached outputs live (safe to delete)", type: "string", defaultDescription: ".vstack-cache" })
    .option("shard", { describe: "render only share i of n of the inputs, e.g. 2/4 (for a CI matrix)", type: "string", coerce: shardOf })
    .option("gallery", { describe: "write <out>/README.md and <out>/index.html showing every diagram", type: "boolean", defaultDescription: "on when drawing the built-in specs as svg or png" })
    .option("page-style", { describe: "how pages show a fence's picture: picture (an HTML <picture> following the reader's colour scheme) or markdown (![…](x.light.svg#only-light) and #only-dark images, for MkDocs)", choices: PAGE_STYLES, defaultDescription: "picture" })
    .option("markdown-out", { describe: "where Markdown inputs with ```vstack or ```mermaid fences are written, pictures in place", type: "string", defaultDescription: "the output folder" }) as unknown as Argv<T & RenderFlags>;
}

export type { ResolvedRender } from "../config/project-options.js";

/** The config's resolution, for the CLI: the config's own warnings are printed here (unless --quiet), once per read. */
export async function resolveRenderFlags(flags: RenderFlags & { quiet?: boolean }): Promise<ResolvedRender> {
  // Checked here rather than as yargs parses: the colour parser loads only when a colour is given.
  if (flags.background !== undefined) {
    const { COLOUR_HINT, isCssColour } = await import("../colour.js");
    if (!isCssColour(flags.background)) throw new UsageError(`--background "${flags.background}" is not a colour; give ${COLOUR_HINT}`);
  }
  const resolved = await resolveProject(flags);
  if (!flags.quiet) printDiagnostics(resolved.config?.warnings ?? []);
  // Said on the command line, --deck means a deck is wanted (a config's `deck` applies whenever one is).
  if (flags.deck !== undefined && !resolved.formats.includes("pptx")) throw new UsageError(`--deck ${flags.deck} says how a deck holds its diagrams, and this run writes no deck; add pptx to the formats (-f ${[...resolved.formats, "pptx"].join(",")})`);
  return resolved;
}

/** Parses `a,b` against the allowed values; yargs turns the thrown error into a usage error (exit 2). */
export function listOf<T extends string>(allowed: readonly T[], what: string) {
  return (value: string | string[]): T[] => {
    const items = [value].flat().flatMap((v) => String(v).split(",")).map((v) => v.trim()).filter(Boolean);
    const bad = items.filter((v) => !allowed.includes(v as T));
    if (bad.length > 0 || items.length === 0) throw new Error(`unknown ${what} "${bad.join(",")}"; choose from ${allowed.join(", ")}`);
    return [...new Set(items)] as T[];
  };
}

function jobsOf(value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_JOBS) throw new Error(`--jobs must be a whole number from 1 to ${MAX_JOBS}, got ${value}`);
  return value;
}

function shardOf(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard takes i/n with 1 <= i <= n, e.g. 2/4; got "${value}"`);
  return { index, count };
}

function maxWidthOf(value: number): number {
  const [min, max] = MAX_WIDTH_RANGE;
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--max-width must be a whole number of pixels from ${min} to ${max}, got ${value}`);
  return value;
}

function scaleOf(value: number): number {
  if (!Number.isFinite(value) || value <= 0 || value > MAX_SCALE) throw new Error(`--scale must be a number above 0 and at most ${MAX_SCALE}, got ${value}`);
  return value;
}
