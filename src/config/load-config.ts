import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { builtinFile, displayPath } from "../spec/builtins.js";
import { documentData, parseSource, positionAt, readSource } from "../spec/load.js";
import { describeValue, formatPath, valueAt } from "../spec/validate.js";
import { didYouMean } from "../suggest.js";
import { ConfigError, type FoundConfig } from "./find-config.js";
import { CONFIG_KEYS, configSchema, PATH_KEYS, type Config } from "./schema.js";

export interface LoadedConfig {
  /** With paths made absolute against the config's folder. */
  config: Config;
  /** The file it came from, as shown to the user (`package.json` for the `vstack` key). */
  file: string;
}

/** Reads and checks a config file found by findConfig; a bad one throws ConfigError with every problem. */
export async function loadConfig(found: FoundConfig): Promise<LoadedConfig> {
  const shown = displayPath(found.file);
  const read = await readSource(found.file);
  if ("error" in read) throw new ConfigError([{ ...read.error, file: shown }]);
  const { source, diagnostics } = parseSource(shown, read.text);
  if (diagnostics.length > 0) throw new ConfigError(diagnostics);
  const prefix = found.key ? [found.key] : [];
  const at = (path: PropertyKey[], code: string, message: string, atKey = false): Diagnostic => ({
    code,
    message,
    file: shown,
    ...positionAt(source, [...prefix, ...path], atKey),
    path: formatPath([...prefix, ...path]),
    source: source.text,
  });
  const whole = documentData(source.doc);
  if ("aliasBomb" in whole) throw new ConfigError([at([], "alias-bomb", whole.aliasBomb)]);
  const data = valueAt(whole.data, prefix);
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new ConfigError([at([], "not-a-config", `the config is ${describeValue(data ?? null)}; it must be a mapping of options such as inputs, out, formats`)]);
  }
  const result = configSchema.safeParse(data);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.flatMap((issue) => {
        const path = issue.path as PropertyKey[];
        if (issue.code === "unrecognized_keys") {
          return issue.keys.map((key) => at([...path, key], "unknown-key", `unknown config key "${key}"${didYouMean(key, CONFIG_KEYS)} (keys: ${CONFIG_KEYS.join(", ")})`, true));
        }
        if (issue.code === "invalid_type") return [at(path, "wrong-type", `expected ${issue.expected}, got ${describeValue(valueAt(data, path))}`)];
        return [at(path, issue.code.replaceAll("_", "-"), issue.message)];
      }),
    );
  }
  const dir = dirname(found.file);
  const config: Config = { ...result.data };
  for (const key of PATH_KEYS) if (config[key] !== undefined) config[key] = resolve(dir, config[key]);
  // Inputs are paths or globs against the config's folder, or built-in ids (kept as they are).
  if (config.inputs) config.inputs = config.inputs.map((input) => (builtinFile(input) && !existsSync(join(dir, input)) ? input : join(dir, input)));
  return { config, file: shown };
}

