import { STDIN } from "../inputs.js";
import { UsageError } from "./usage-error.js";

/** What a lone "-" becomes on its way through yargs, which would drop it; inputs map it back to STDIN. */
export const STDIN_ARG = "\u0000stdin";

/** The inputs as typed, with "-" (standard input) restored. */
export function typedInputs(inputs: readonly string[]): string[] {
  return inputs.map((input) => (input === STDIN_ARG ? STDIN : input));
}

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError("the input - reads a spec or Mermaid text from standard input; pipe one in (cat stack.yaml | vstack render - -o stack.svg)");
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
