import { existsSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { BuildOptions } from "../run/options.js";
import { STDIN } from "../inputs.js";
import type { OutputTheme } from "../presets.js";
import { toSlashes } from "../paths.js";
import { PRESETS, type Format, type PresetName } from "../presets.js";
import { builtinFile } from "../spec-format/builtins.js";
import { findConfig } from "./find-config.js";
import { langsOf, type LangChoice } from "../langs.js";
import type { LoadedConfig } from "./load-config.js";
import { DEFAULT_TEMPLATE } from "../emit/templates.js";

/** Build options whose flag has the same name. */
type SameNamed = "scale" | "fonts" | "deck" | "maxWidth" | "legend" | "caption" | "steps" | "background" | "template" | "chromium" | "jobs" | "cache" | "cacheDir" | "shard" | "gallery" | "markdownOut" | "pageStyle";

/**
 * The flags `render`, `watch` and `preview` share: the build's options, some under a flag's
 * name. None has a yargs default: unset means "the config's, else the preset's".
 */
export interface RenderFlags extends Pick<BuildOptions, SameNamed> {
  inputs: string[];
  config?: string;
  out?: string;
  format?: Format[];
  theme?: OutputTheme[];
  preset?: PresetName;
  templates?: string;
  lang?: LangChoice[];
}

export interface ResolvedRender {
  options: BuildOptions;
  config?: LoadedConfig;
  /** For messages: the formats and themes in effect. */
  formats: Format[];
  themes: OutputTheme[];
}

/**
 * Flags over the config file over the preset over vstack's defaults, for the CLI and for docs
 * tools that take the same options (`typedIn`: the folder relative flag paths were typed in). The project folder is the
 * config's (else the working folder): the config's paths are relative to it, and so is every
 * path vstack writes or shows, wherever in the project vstack runs. Paths typed as flags are
 * taken from the working folder, as a shell user means them. Throws ConfigError for a bad config.
 */
export async function resolveRenderFlags(flags: RenderFlags, typedIn = process.cwd()): Promise<ResolvedRender> {
  const found = findConfig(flags.config, typedIn);
  // The YAML parser and the schema load only when there is a config to read.
  const loaded = found ? await (await import("./load-config.js")).loadConfig(found) : undefined;
  const config = loaded?.config ?? {};
  const cwd = loaded?.dir ?? typedIn;
  const here = (path: string | undefined) => (path === undefined ? undefined : rebase(path, typedIn, cwd));
  const presetName = flags.preset ?? config.preset ?? "docs";
  const preset = PRESETS[presetName];
  const inputs = flags.inputs.length > 0 ? flags.inputs.map((input) => (isBuiltinId(input, typedIn) || input === STDIN ? input : rebase(input, typedIn, cwd))) : (config.inputs ?? []);
  const shard = flags.shard;
  const formats = flags.format ?? config.formats ?? [...preset.formats];
  const themes = flags.theme ?? config.themes ?? [...preset.themes];
  const background = flags.background ?? config.background ?? ("background" in preset ? preset.background : undefined);
  const options: BuildOptions = {
    cwd,
    inputs,
    outDir: here(flags.out) ?? config.out ?? (presetName === "slide" ? "out/slides" : "out"),
    formats,
    themes,
    scale: flags.scale ?? config.scale ?? preset.scale,
    template: flags.template ?? config.template ?? DEFAULT_TEMPLATE,
    cache: flags.cache ?? config.cache ?? true,
    cacheDir: here(flags.cacheDir) ?? config.cacheDir ?? ".vstack-cache",
    // The built-ins' gallery shows their pictures: a run that draws none (a deck, text) writes none.
    gallery: flags.gallery ?? config.gallery ?? (inputs.length === 0 && !shard && formats.some((f) => f === "svg" || f === "png")),
    ...defined("background", background),
    ...defined("canvas", "canvas" in preset ? preset.canvas : undefined),
    ...defined("fontSize", "fontSize" in preset ? preset.fontSize : undefined),
    ...defined("fonts", flags.fonts ?? config.fonts),
    ...defined("deck", flags.deck ?? config.deck),
    ...defined("legend", flags.legend ?? config.legend),
    ...defined("caption", flags.caption ?? config.caption ?? ("caption" in preset ? preset.caption : undefined)),
    ...defined("steps", flags.steps ?? config.steps),
    ...defined("langs", flags.lang ?? config.lang ? langsOf(flags.lang ?? config.lang) : undefined),
    ...defined("maxWidth", flags.maxWidth ?? config.maxWidth ?? ("maxWidth" in preset ? preset.maxWidth : undefined)),
    ...defined("templatesDir", here(flags.templates) ?? config.templates),
    ...defined("chromium", (flags.chromium && /[\\/]/.test(flags.chromium) ? resolve(typedIn, flags.chromium) : flags.chromium) ?? config.chromium),
    ...defined("jobs", flags.jobs ?? config.jobs),
    ...defined("shard", shard),
    ...defined("markdownOut", here(flags.markdownOut) ?? config.markdownOut),
    ...defined("pageStyle", flags.pageStyle ?? config.pageStyle),
    ...defined("pageRoots", config.inputs),
    ...defined("kinds", config.kinds),
  };
  return { options, ...(loaded && { config: loaded }), formats, themes };
}

/** A path typed in one folder, as seen from the project folder (a glob stays a glob). */
function rebase(path: string, typedIn: string, cwd: string): string {
  return toSlashes(relative(cwd, resolve(typedIn, path))) || ".";
}

/** A built-in id typed as an input, where no file or folder of that name is. */
function isBuiltinId(input: string, typedIn: string): boolean {
  return builtinFile(input) !== undefined && !existsSync(resolve(typedIn, input));
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

