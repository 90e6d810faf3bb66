import { spawn } from "node:child_process";
import { CLI, ROOT } from "./paths.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI as a child process, as a user would (`command`: another way to start it, e.g. on a terminal). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; command?: string[] } = {}): Promise<CliResult> {
  const [program, ...rest] = options.command ?? [process.execPath, CLI, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(program!, rest, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
