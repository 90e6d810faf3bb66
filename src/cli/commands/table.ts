import type { Argv, ArgumentsCamelCase } from "yargs";
import { LANGS } from "../../langs.js";
import { PRESET_NAMES } from "../../presets.js";
import { TABLE_FORMATS, type TableArgs } from "../table-args.js";

export const command = "table <specs..>";
export const describe = "A comparison table of the specs' facts, each with its source (a comparison spec stands for the stacks it compares): Markdown, HTML, or drawn as SVG, PNG or PDF";

export function builder(y: Argv): Argv<TableArgs> {
  return y
    .positional("specs", { describe: "built-in ids, spec files, or a table file (table: [...])", type: "string", array: true })
    .option("format", { alias: "f", describe: "md (GitHub-flavoured Markdown with footnotes), html, or a picture: svg, png, pdf", choices: TABLE_FORMATS, defaultDescription: "md, or the -o file's extension" })
    .option("out", { alias: "o", describe: "write to this file instead of standard output (png and pdf need one)", type: "string" })
    .option("theme", { alias: "t", describe: "a picture's theme", choices: ["light", "dark"] as const, defaultDescription: "light" })
    .option("preset", { describe: "a picture's preset: docs, or slide (16:9, the table laid out to fill it)", choices: PRESET_NAMES, defaultDescription: "docs" })
    .option("lang", { alias: "l", describe: "the language of the table: the specs' catalogs (i18n/<lang>.po)", choices: LANGS, defaultDescription: "en" })
    .example("$0 table vm-vs-container", "VMs vs containers: kernel, isolation, image, start-up, overhead, with sources")
    .example("$0 table gvisor kata-containers firecracker -f html", "an HTML table for a docs page")
    .example("$0 table vm-vs-container -o table.png --preset slide -t dark", "the table drawn for a dark 16:9 slide")
    .example("$0 table isolation-spectrum-table --lang de -f svg > tabelle.svg", "a built-in table, in German") as unknown as Argv<TableArgs>;
}

/** The work is loaded when asked for (yaml, the spec loader and the catalogs): other commands start without it. */
export async function handler(args: ArgumentsCamelCase<TableArgs>): Promise<number> {
  return (await import("./table-run.js")).runTable(args);
}
