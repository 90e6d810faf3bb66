import { inLanguage } from "../i18n/translate-spec.js";
import { resolve } from "node:path";
import { loadSpec, resolveRef, unknownRefMessage } from "../spec-format/load-spec.js";
import type { Spec } from "../spec-format/types.js";
import type { Lang } from "../langs.js";
import { printDiagnostics } from "./print.js";
import { UsageError } from "./usage-error.js";

/**
 * A spec named on the command line (a built-in id or a file), loaded, its problems and warnings
 * printed; undefined when it has errors. A name that is neither is a usage error (exit 2).
 */
export async function specArg(ref: string, lang?: Lang): Promise<Spec | undefined> {
  const file = resolveRef(ref, process.cwd());
  if (!file) throw new UsageError(unknownRefMessage(ref));
  const loaded = await loadSpec(resolve(file), inLanguage({ lang }));
  printDiagnostics([...(loaded.warnings ?? []), ...loaded.diagnostics]);
  return loaded.spec;
}
