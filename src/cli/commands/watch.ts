import type { Argv, ArgumentsCamelCase } from "yargs";
import type { BuildReport } from "../../run/build-report.js";
import { ConfigError, findConfig } from "../../config/find-config.js";
import { displayPath } from "../../paths.js";
import { plural, printDiagnostics, printProblems, seconds } from "../print.js";
import { renderFlags, resolveRenderFlags, type RenderFlags } from "../render-options.js";

export const command = "watch [inputs..]";
export const describe = "Render, then re-render what changes as you edit (Chromium stays warm); Ctrl-C to stop";

export function builder(y: Argv): Argv<RenderFlags> {
  return renderFlags(y)
    .example("$0 watch my-stack.yaml -f svg", "re-render my-stack's SVGs on every save")
    .example("$0 watch", "watch the config's inputs (or the built-in specs)") as unknown as Argv<RenderFlags>;
}

export async function handler(args: ArgumentsCamelCase<RenderFlags>): Promise<number> {
  const config = findConfig(args.config);
  // Loaded here: the file watcher costs every other command its start-up.
  const { watchLoop } = await import("../../watch/watch-loop.js");
  const loop = watchLoop(async () => (await resolveRenderFlags(args)).options, {
    onChange: (paths) => {
      if (paths.length > 0) process.stdout.write(`\nvstack: ${paths.length === 1 ? displayPath(paths[0]!, process.cwd()) : plural(paths.length, "file")} changed\n`);
    },
    onBuild: (report) => {
      printProblems(report);
      process.stdout.write(summary(report));
    },
    onError: (err) => {
      if (err instanceof ConfigError) printDiagnostics(err.diagnostics);
      process.stderr.write(`vstack: ${err instanceof Error ? err.message : String(err)}; still watching\n`);
    },
  }, config ? [config.file] : []);
  await loop.ready;
  process.stdout.write("vstack: watching for changes; Ctrl-C to stop\n");
  // Runs until interrupted; the interrupt handler exits the process.
  await new Promise<never>(() => undefined);
  return 0;
}

function summary(report: BuildReport): string {
  const changed = report.diagrams.filter((d) => d.written > 0).map((d) => d.diagram.id);
  const what = changed.length > 0 ? `updated ${changed.join(", ")}` : "nothing changed";
  const drawn = report.diagrams.filter((d) => d.rendered > 0).length;
  return `vstack: ${what} (${plural(report.diagrams.length, "diagram")}, ${drawn} drawn, ${report.failed} failed) in ${seconds(report.elapsedMs)}\n`;
}
