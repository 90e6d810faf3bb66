import { dirname } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { displayPath } from "../paths.js";
import { diagnosticAt, documentData, parseSource, readSource } from "../source/yaml-source.js";
import { describeValue } from "../source/issue-words.js";
import { issueDiagnostics, type IssueRules } from "../source/zod-diagnostics.js";
import { valueAt } from "../source/data-path.js";
import { didYouMean } from "../suggest.js";
import { badKindName, checkKinds, kindWarnings } from "../kinds/check.js";
import { COLOUR_KEYS, KIND_KEYS } from "../kinds/schema.js";
import { ConfigError, type FoundConfig } from "./find-config.js";
import { CONFIG_KEYS, configSchema, type Config } from "./schema.js";

export interface LoadedConfig {
  /** As written: its paths are relative to `dir`, the project folder. */
  config: Config;
  /** The file it came from, as shown to the user (`package.json` for the `vstack` key). */
  file: string;
  /** The config's folder: every path in it, and every path vstack shows, is relative to this. */
  dir: string;
  /** Declared kinds' colours that read badly (see kinds/check.ts): printed, fail nothing. */
  warnings: Diagnostic[];
}

/** Reads and checks a config file found by findConfig; a bad one throws ConfigError with every problem. */
export async function loadConfig(found: FoundConfig): Promise<LoadedConfig> {
  const dir = dirname(found.file);
  const shown = displayPath(found.file, dir);
  const read = await readSource(found.file);
  if ("error" in read) throw new ConfigError([{ ...read.error, file: shown }]);
  const { source, diagnostics } = parseSource(shown, read.text);
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  const prefix = found.key ? [found.key] : [];
  const at = diagnosticAt(source, prefix);
  const whole = documentData(source.doc);
  if ("problem" in whole) throw new ConfigError([at([], whole.problem.code, whole.problem.message)]);
  const data = valueAt(whole.data, prefix);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError([at([], "not-a-config", `the config is ${describeValue(data ?? null)}; it must be a mapping of options such as inputs, out, formats`)]);
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(issueDiagnostics(result.error.issues, data, at, configRules(data)));
  }
  const kindProblems = checkKinds(result.data.kinds, at);
  if (kindProblems.length > 0) throw new ConfigError(kindProblems);
  return { config: result.data, file: shown, dir, warnings: kindWarnings(result.data.kinds, at) };
}

/** What only a config knows about its schema's issues: its keys, and lists written as comma strings. */
function configRules(data: unknown): IssueRules {
  return {
    // A list or a comma-separated string: the branch of what was written.
    branch: (value) => (typeof value === "string" ? 1 : 0),
    unknownKey(key, path) {
      // Inside a declared kind (kinds.<name>) or its colours (kinds.<name>.light), else a config key.
      const keys = path[0] !== "kinds" ? undefined : path.length === 2 ? KIND_KEYS : COLOUR_KEYS;
      return keys ? `unknown key "${key}"${didYouMean(key, keys)}` : `unknown config key "${key}"${didYouMean(key, CONFIG_KEYS)} (keys: ${CONFIG_KEYS.join(", ")})`;
    },
    badRecordKey: badKindName,
    // An item of a comma-separated string is the part at its index.
    quoted(path, value) {
      const parent = valueAt(data, path.slice(0, -1));
      return typeof parent === "string" ? parent.split(",")[Number(path.at(-1))]?.trim() : value;
    },
  };
}
