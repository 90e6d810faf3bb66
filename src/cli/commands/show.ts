import type { Argv, ArgumentsCamelCase } from "yargs";
import { THEMES, type Theme } from "../../kinds/palette.js";
import { LANGS, type Lang } from "../../langs.js";

interface ShowArgs {
  spec: string;
  width?: number;
  color?: boolean;
  lang?: Lang;
  theme?: Theme;
}

export const command = "show <spec>";
export const describe = "Draw a spec in the terminal with box characters (no browser): outlines say the boundary, links listed under it";

export function builder(y: Argv): Argv<ShowArgs> {
  return y
    .positional("spec", { describe: "a built-in id or a spec file", type: "string" })
    .option("width", { alias: "w", describe: "columns to fill", type: "number", defaultDescription: "the terminal's width ($COLUMNS), else 100" })
    .option("lang", { alias: "l", describe: "the language to draw it in (the catalogs beside the spec, i18n/<lang>.po)", choices: LANGS, defaultDescription: "en" })
    .option("color", { describe: "the palette's colours as ANSI escapes (--no-color: none)", type: "boolean", defaultDescription: "on a terminal, unless NO_COLOR is set (FORCE_COLOR forces it)" })
    .option("theme", { alias: "t", describe: "the palette the colours come from: dark for a dark terminal", choices: THEMES, defaultDescription: "what $COLORFGBG says of the terminal's background, else light" })
    .example("$0 show docker-engine-linux", "Docker Engine's stack, drawn in the terminal")
    .example("$0 show my-stack.yaml -w 80 --no-color > stack.txt", "plain text for a README or a commit message") as unknown as Argv<ShowArgs>;
}

export async function handler(args: ArgumentsCamelCase<ShowArgs>): Promise<number> {
  // Loaded when asked for: the spec loader and the drawing are not every command's start-up.
  const [{ specArg }, { drawSpec }] = await Promise.all([import("../spec-arg.js"), import("../../text/draw-stack.js")]);
  const spec = await specArg(args.spec, args.lang);
  if (!spec) return 1;
  const width = Math.max(40, Math.floor(args.width ?? (process.stdout.columns || Number(process.env.COLUMNS) || 100)));
  process.stdout.write(drawSpec(spec, args.theme ?? terminalTheme(process.env.COLORFGBG), { width, color: args.color ?? wantsColour() }));
  return 0;
}

/** Colour on a terminal, as the NO_COLOR and FORCE_COLOR conventions say. */
function wantsColour(): boolean {
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== "0") return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  return process.stdout.isTTY === true;
}

/**
 * The terminal's background as `COLORFGBG` gives it ("15;0": white on black), which rxvt,
 * Konsole, iTerm2 and others set: colours 0–6 and 8 are dark. Unset or unreadable: light.
 */
export function terminalTheme(colorfgbg: string | undefined): Theme {
  const last = colorfgbg?.split(";").at(-1)?.trim() ?? "";
  const bg = /^\d+$/.test(last) ? Number(last) : NaN;
  return bg <= 6 || bg === 8 ? "dark" : "light";
}
