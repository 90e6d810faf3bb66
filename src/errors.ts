import type { Diagnostic } from "./diagnostics.js";

/**
 * Every error vstack throws to its users: a stable `code` for programs, a message for people,
 * and, where the trouble is in a file, the diagnostics that say where (file:line:col).
 * Anything else that escapes is a bug in vstack.
 */
export class VstackError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly diagnostics: Diagnostic[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}
