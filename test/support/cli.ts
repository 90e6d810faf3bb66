import { spawn } from "node:child_process";
import { CLI, ROOT } from "./paths.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a child process, as a user would (`command`: another way to start it, e.g. on a terminal). */
/** `input`: text for its standard input (none: stdin is closed at once). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; command?: string[]; input?: string } = {}): Promise<CliResult> {
  const [program, ...rest] = options.command ?? [process.execPath, CLI, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(program!, rest, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
    if (options.input !== undefined) child.stdin!.end(options.input);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A long-running CLI process (watch, preview) whose output the test can wait on. */
export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const waitFor = async (re: RegExp, from = 0, ms = 20_000): Promise<RegExpMatchArray> => {
    const until = Date.now() + ms;
    for (;;) {
      const m = out.slice(from).match(re);
      if (m) return m;
      if (Date.now() > until) throw new Error(`timed out waiting for ${re}; output:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, waitFor, output: () => out };
}
