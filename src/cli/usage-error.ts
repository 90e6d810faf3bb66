import { VstackError } from "../errors.js";

/** Bad usage found after yargs' own checks: printed with the usage hint, exit 2. */
export class UsageError extends VstackError {
  constructor(message: string) {
    super("usage", message);
  }
}
