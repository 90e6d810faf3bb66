import yargs, { type Argv, type ArgumentsCamelCase, type CommandModule } from "yargs";
import { ConfigError } from "../config/find-config.js";
import { printDiagnostics } from "./print.js";
import * as init from "./commands/init.js";
import * as list from "./commands/list.js";
import * as preview from "./commands/preview.js";
import * as render from "./commands/render.js";
import * as schema from "./commands/schema.js";
import * as show from "./commands/show.js";
import * as table from "./commands/table.js";
import * as validate from "./commands/validate.js";
import * as watch from "./commands/watch.js";
import { VERSION } from "../version.js";
import { didYouMean } from "../suggest.js";
import { UsageError } from "./usage-error.js";
import { VstackError } from "../errors.js";
import { STDIN } from "../inputs.js";
import { STDIN_ARG } from "./stdin.js";

interface CommandFile {
  command: string;
  describe: string;
  builder(y: Argv): Argv<any>;
  handler(args: ArgumentsCamelCase<any>): Promise<number>;
}

/** Exit codes: 0 ok, 1 bad input or failed render, 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Ctrl-C or SIGTERM: say so and exit. Every file is written to a temporary name and renamed,
 * so what is on disk is whole; on exit puppeteer kills Chromium and write-file-atomic removes
 * any temporary file.
 */
function exitOnInterrupt(): void {
  // Once per process, however often main() runs (tests call it many times).
  if (!process.listeners("SIGINT").includes(onSigint)) process.once("SIGINT", onSigint);
  if (!process.listeners("SIGTERM").includes(onSigterm)) process.once("SIGTERM", onSigterm);
}

const stop = (signal: string, code: number) => {
  process.stderr.write(`\nvstack: stopped by ${signal}; the files written so far are whole, and no partial file is left\n`);
  process.exit(code);
};
const onSigint = () => stop("SIGINT", 130);
const onSigterm = () => stop("SIGTERM", 143);

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  exitOnInterrupt();
  const commands = [render, watch, preview, validate, init, list, show, table, schema].map((c) => c.command.split(" ")[0]!);
  const first = argv[0];
  if (first !== undefined && !first.startsWith("-") && !commands.includes(first)) {
    return usage(`unknown command "${first}"${didYouMean(first, commands)} (commands: ${commands.join(", ")})`);
  }
  let code: number = EXIT.ok;
  let usageError = false;
  // yargs lays out the running command's help after starting it, in case it is asked for later:
  // with every option listed that costs a cache-hit rebuild a tenth of its time, so unless help
  // is asked for, the options are hidden from it (hiding changes nothing else).
  const help = argv.some((a) => a === "--help" || a === "-h");
  const wrap = (mod: CommandFile): CommandModule => ({
    command: mod.command,
    describe: mod.describe,
    builder: (y) => {
      const built = mod.builder(y);
      // getOptions() is yargs's own (not in its types): the options declared so far, by key.
      const declared = Object.keys((built as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key);
      return help ? built : declared.reduce((b, key) => b.hide(key), built);
    },
    handler: async (args) => {
      // yargs may still call the handler after a failed check (e.g. `choices`); the usage error stands.
      if (usageError) return;
      code = await runSafely(() => mod.handler(args));
      if (code === EXIT.usage) usageError = true;
    },
  });
  // yargs drops a lone "-" (standard input, as mmdc's `-i -`): it passes as a word of its own.
  const parser = yargs(argv.map((a) => (a === STDIN ? STDIN_ARG : a)))
    .scriptName("vstack")
    .usage("$0 <command> [options]\n\nAccurate virtualization and container stack diagrams from YAML specs.")
    .command(wrap(render))
    .command(wrap(watch))
    .command(wrap(preview))
    .command(wrap(validate))
    .command(wrap(init))
    .command(wrap(list))
    .command(wrap(show))
    .command(wrap(table))
    .command(wrap(schema))
    .demandCommand(1, "name a command: render, watch, preview, validate, init, list, show, table or schema")
    .strict()
    .version(VERSION)
    .help()
    .alias("h", "help")
    // (Wrapping that help to the terminal costs time too: only when it is asked for.)
    .wrap(help ? Math.min(110, process.stdout.columns || 100) : null)
    .epilogue("Exit codes: 0 ok, 1 bad input or a failed render, 2 bad usage. Docs: README.md")
    .fail((message, error) => {
      usageError = true;
      usage(message ?? error?.message ?? "bad usage");
    })
    .exitProcess(false);
  try {
    await parser.parseAsync();
  } catch {
    usageError = true;
  }
  return usageError ? EXIT.usage : code;
}

function usage(message: string): number {
  process.stderr.write(`vstack: ${message}\nRun "vstack --help" for usage.\n`);
  return EXIT.usage;
}

async function runSafely(run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof UsageError) return usage(err.message);
    if (err instanceof VstackError) {
      printDiagnostics(err.diagnostics);
      process.stderr.write(`vstack: ${err.message}${err instanceof ConfigError ? "; fix it, or name another with --config" : ""}\n`);
    } else {
      // Not an error of the input: a bug in vstack. Say so, with where.
      process.stderr.write(`vstack: internal error (a bug in vstack; please report it with this output): ${err instanceof Error ? err.message : String(err)}\n`);
      if (err instanceof Error && err.stack) process.stderr.write(`${err.stack.split("\n").slice(1, 6).join("\n")}\n`);
      if (!process.env.VSTACK_DEBUG) process.stderr.write("(run again with VSTACK_DEBUG=1 for the stack against vstack's sources)\n");
    }
    return EXIT.failed;
  }
}
