/** Bad usage found after yargs' own checks: printed with the usage hint, exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
