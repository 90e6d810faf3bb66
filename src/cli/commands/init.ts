import { existsSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import type { Argv, ArgumentsCamelCase } from "yargs";
import { writeOutput } from "../../output/write.js";
import { PACKAGE_ROOT } from "../../package-root.js";
import { builtinFile, builtinIds } from "../../spec-format/builtins.js";
import { didYouMean } from "../../suggest.js";
import { ID_RULE } from "../../source/id-rule.js";

interface InitArgs {
  id: string;
  from?: string;
  out?: string;
  force?: boolean;
}

export const command = "init <id>";
export const describe = "Write a new spec to start from: a small stack, or a copy of a built-in (--from)";

export function builder(y: Argv): Argv<InitArgs> {
  return y
    .positional("id", { describe: `the new spec's id (${ID_RULE.says}); names its file and its outputs`, type: "string", demandOption: true })
    .option("from", { describe: "start from this built-in spec (see `vstack list`)", type: "string" })
    .option("out", { alias: "o", describe: "file to write", type: "string", defaultDescription: "<id>.yaml" })
    .option("force", { describe: "overwrite the file if it exists", type: "boolean" })
    .example("$0 init my-stack", "write my-stack.yaml, a starting point with every part of the format")
    .example("$0 init our-docker-desktop --from docker-desktop-windows", "a copy of a built-in to adapt") as unknown as Argv<InitArgs>;
}

const SCHEMA = resolve(PACKAGE_ROOT, "schema", "vstack-spec.schema.json");

export async function handler(args: ArgumentsCamelCase<InitArgs>): Promise<number> {
  if (!ID_RULE.pattern.test(args.id)) {
    const like = args.id.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^[^a-z]+|-+$/g, "");
    const hint = like && ID_RULE.pattern.test(like) ? `; try "${like}"` : "";
    return fail(`"${args.id}" is not a usable id: an id is ${ID_RULE.says}${hint}`, 2);
  }
  const target = resolve(args.out ?? `${args.id}.yaml`);
  if (existsSync(target) && !args.force) return fail(`${relative(process.cwd(), target)} already exists; choose another id or --out, or pass --force to overwrite it`);
  let body: string;
  if (args.from) {
    const file = builtinFile(args.from);
    if (!file) return fail(`no built-in spec "${args.from}"${didYouMean(args.from, builtinIds())}; see \`vstack list\``);
    body = readFileSync(file, "utf8")
      .replace(/^# yaml-language-server:.*\n/, "")
      .replace(/^id:.*$/m, `id: ${args.id}`);
  } else body = starter(args.id);
  // The modeline lets editors with the YAML language server complete and check the spec.
  const schema = relative(dirname(target), SCHEMA).split("\\").join("/");
  await writeOutput(target, `# yaml-language-server: $schema=${schema}\n${body}`);
  process.stdout.write(`vstack: wrote ${relative(process.cwd(), target)}${args.from ? ` (from ${args.from})` : ""}; render it with: vstack render ${relative(process.cwd(), target)}\n`);
  return 0;
}

function fail(message: string, code = 1): number {
  process.stderr.write(`vstack: ${message}\n`);
  return code;
}

function starter(id: string): string {
  return `id: ${id}
title: My stack
summary: >-
  One or two sentences a reader needs before the picture: what runs on what.
notes:
  - Anything a careful reader might get wrong, said plainly.
sources:
  - https://example.com/where-each-layer-is-documented
# Bottom → top. A layer spans the width; "units" stand side by side, each with a stack of its own.
stack:
  - layer: Hardware
    kind: hardware
    detail: CPU, memory, disks
  - layer: Host OS kernel
    kind: kernel
  - units:
      - unit: "Container {n}"
        kind: container
        repeat: 2
        stack:
          - { layer: "App {n}", kind: app }
      - unit: A service on the host
        kind: service
`;
}
