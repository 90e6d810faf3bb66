import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { ArgumentsCamelCase } from "yargs";
import { parse } from "yaml";
import { isTableSource, tableSource } from "../../diagrams/table-source.js";
import type { Lang } from "../../langs.js";
import { translated } from "../../i18n/catalog.js";
import { isPathRef, resolveRef, unknownRefMessage } from "../../spec-format/load-spec.js";
import { tableHtml, tableMarkdown } from "../../table/print-table.js";
import { printDiagnostics } from "../print.js";
import { renderOneFile } from "../single-file.js";
import { UsageError } from "../usage-error.js";
import { DRAWN_FORMATS, TEXT_FORMATS, type TableArgs } from "../table-args.js";

/** Where the names typed on the command line are, for messages. */
const COMMAND_LINE = "<command line>";

/** `vstack table`: the table as Markdown or HTML on standard output or in a file, or drawn. */
export async function runTable(args: ArgumentsCamelCase<TableArgs>): Promise<number> {
  const fromName = args.out?.match(/\.(md|html|svg|png|pdf)$/i)?.[1]?.toLowerCase() as TableArgs["format"];
  const format = args.format ?? fromName ?? "md";
  if (args.out && fromName && fromName !== format) throw new UsageError(`-o ${args.out} is a .${fromName} file, but --format says ${format}; drop one of them`);
  const lang = args.lang ?? "en";
  const { refs, id, title } = expandTableFiles(args.specs, lang);
  const isText = (TEXT_FORMATS as readonly string[]).includes(format);
  if (isText && (args.theme || args.preset)) throw new UsageError(`--theme and --preset shape a picture; -f ${format} is text (draw it with -f svg, png or pdf)`);
  if (!isText && !args.out && format !== "svg") throw new UsageError(`a ${format} picture is binary: name the file with -o, e.g. -o table.${format}`);
  // Read first in every format: what is wrong with the names is said before a browser starts.
  const cwd = process.cwd();
  const here = (line: number, col: number, code: string, message: string) => ({ file: COMMAND_LINE, line, col, code, message });
  const { source, diagnostics } = await tableSource(join(cwd, "command-line.yaml"), COMMAND_LINE, tableText(refs), here, { cwd }, [], [lang]);
  // A problem with the names as typed has no file to point into: said plainly.
  for (const d of diagnostics) if (d.file === COMMAND_LINE) process.stderr.write(`vstack: ${d.message}\n`);
  printDiagnostics(diagnostics.filter((d) => d.file !== COMMAND_LINE));
  if (!source) return 1;
  if (isText) {
    const made = { ...source.tables[0]!, ...(title !== undefined && { title }) };
    const text = format === "html" ? tableHtml(made) : tableMarkdown(made);
    if (args.out) await import("../../output/write.js").then(({ writeOutput }) => writeOutput(resolve(args.out!), Buffer.from(text)));
    else process.stdout.write(text);
    return 0;
  }
  // Drawn like any diagram: the table as a table file on standard input, through the one-file render.
  const scratch = args.out ? undefined : await mkdtemp(join(tmpdir(), "vstack-table-"));
  const file = args.out ?? join(scratch!, "table.svg");
  try {
    const stdin = `id: ${id}\n${title !== undefined ? `title: ${JSON.stringify(title)}\n` : ""}${tableText(refs)}`;
    const code = await renderOneFile({ inputs: ["-"], out: file, theme: [args.theme ?? "light"], ...(args.preset && { preset: args.preset }), lang: [lang], quiet: args.quiet || !args.out }, { file: resolve(file), format: format as (typeof DRAWN_FORMATS)[number] }, stdin);
    if (code === 0 && scratch) process.stdout.write(await readFile(file));
    return code;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

/** The YAML a table is made from: the refs as given (built-in ids) or as absolute paths. */
function tableText(refs: string[]): string {
  return `table: [${refs.map((r) => JSON.stringify(r)).join(", ")}]\n`;
}

/**
 * The specs to compare: a table file among the names stands for the specs it lists (with its
 * id and title); paths become absolute, so they mean what they meant where they were written.
 */
function expandTableFiles(names: string[], lang: Lang): { refs: string[]; id: string; title?: string } {
  const refs: string[] = [];
  let id: string | undefined;
  let title: string | undefined;
  for (const name of names) {
    const file = resolveRef(name, process.cwd());
    if (!file) throw new UsageError(unknownRefMessage(name));
    let text = "";
    try {
      text = readFileSync(file, "utf8");
    } catch {
      refs.push(file); // reported by the loader, with the reason
      continue;
    }
    if (!isTableSource(text)) {
      refs.push(isPathRef(name) ? file : name);
      continue;
    }
    const data = parse(text) as { id?: unknown; title?: unknown; table?: unknown };
    if (names.length === 1) {
      if (typeof data.id === "string") id = data.id;
      // Its title in the language asked for, from the catalog beside it, as the table file's own diagram has it.
      if (typeof data.title === "string") title = id ? translated(file, lang, id, data.title) : data.title;
    }
    for (const ref of Array.isArray(data.table) ? data.table.map(String) : []) refs.push(isPathRef(ref) ? resolve(dirname(file), ref) : ref);
  }
  return { refs, id: id ?? "table", ...(title !== undefined && { title }) };
}
