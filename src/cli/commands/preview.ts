import { join, resolve } from "node:path";
import type { Argv, ArgumentsCamelCase } from "yargs";
import type { BuildOptions } from "../../run/options.js";
import { ConfigError, findConfig } from "../../config/find-config.js";
import { formatDiagnostic } from "../../diagnostics.js";
import { plural, printProblems, seconds } from "../print.js";
import { renderFlags, resolveRenderFlags, type RenderFlags } from "../render-options.js";
import { UsageError } from "../usage-error.js";

interface PreviewArgs extends RenderFlags {
  port: number;
}

export const command = "preview [inputs..]";
export const describe = "Serve a local page of the diagrams that reloads itself as you edit, errors shown on the page";

export function builder(y: Argv): Argv<PreviewArgs> {
  return renderFlags(y)
    .option("port", { alias: "p", describe: "port to listen on (0: any free port)", type: "number", default: 4178 })
    .example("$0 preview my-stack.yaml", "open the printed address; save the spec and watch the page update") as unknown as Argv<PreviewArgs>;
}

export async function handler(args: ArgumentsCamelCase<PreviewArgs>): Promise<number> {
  const config = findConfig(args.config);
  // The preview draws SVGs (and Markdown pages) into a folder of its own, so it never touches
  // committed outputs or pages.
  const previewDir = (o: BuildOptions) => resolve(o.cwd!, args.out ? o.outDir! : join(o.cacheDir ?? ".vstack-cache", "preview"));
  const options = async (): Promise<BuildOptions> => {
    const { options: o } = await resolveRenderFlags(args);
    const dir = previewDir(o);
    return { ...o, outDir: dir, markdownOut: join(dir, "pages"), formats: ["svg"], gallery: false, manifest: false };
  };
  const outDir = previewDir((await resolveRenderFlags(args)).options);
  // Loaded here: the web server and the file watcher cost every other command their start-up.
  const [{ PreviewServer }, { watchLoop }] = await Promise.all([import("../../preview/server.js"), import("../../watch/watch-loop.js")]);
  const server = new PreviewServer(outDir);
  const url = await server.listen(args.port).catch((err: NodeJS.ErrnoException) => {
    throw err.code === "EADDRINUSE" ? new UsageError(`port ${args.port} is in use (another preview?); pass --port N, or --port 0 for any free port`) : err;
  });
  const loop = watchLoop(options, {
    onBuild: (report) => {
      printProblems(report);
      process.stdout.write(`vstack: preview updated (${plural(report.diagrams.length, "diagram")}, ${report.failed} failed) in ${seconds(report.elapsedMs)}\n`);
      server.update(report);
    },
    onError: (err) => {
      const message = err instanceof ConfigError ? err.diagnostics.map(formatDiagnostic).join("\n\n") : err instanceof Error ? err.message : String(err);
      process.stderr.write(`vstack: ${message}\n`);
      server.fail(message);
    },
  }, config ? [config.file] : []);
  process.stdout.write(`vstack: previewing at ${url} (Ctrl-C to stop)\n`);
  await loop.ready;
  await new Promise<never>(() => undefined);
  return 0;
}
