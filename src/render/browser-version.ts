import { execFile } from "node:child_process";
import { realpath, stat } from "node:fs/promises";
import { promisify } from "node:util";
import { findChromium, isBrowserEndpoint } from "./chromium.js";
import type { Remember } from "../remember.js";

/**
 * The browser that would draw, as cache keys name it: its product and version
 * (`Chromium 156.0.8078.114 built on Debian…`), not its path, so two paths to one browser share
 * pictures and another browser or version (`--chromium`, an upgrade) redraws. `<binary>
 * --version` takes some 0.2 s: it is asked once per state of the file (path, size, times), so a
 * rebuild with nothing changed starts nothing. A running browser (a DevTools address) is asked
 * over its HTTP endpoint.
 */
export async function browserVersion(chromium: string | undefined, remember: Remember): Promise<string> {
  let found: string;
  try {
    found = findChromium(chromium);
  } catch {
    return "no browser found"; // the run fails if it has to draw, and says why
  }
  if (isBrowserEndpoint(found)) return endpointVersion(found);
  const real = await realpath(found).catch(() => found);
  const info = await stat(real).catch(() => undefined);
  if (!info) return `unreadable: ${found}`;
  const signature = `${real} ${info.size} ${info.mtimeMs} ${info.ctimeMs}`;
  return remember(`browser ${found}`, signature, async () => {
    const said = await promisify(execFile)(found, ["--version"], { timeout: 15_000 }).then((r) => r.stdout.trim(), () => "");
    // A browser that prints no version (Chrome on Windows) is named by its file's state.
    return said || `unknown version (${signature})`;
  });
}

async function endpointVersion(endpoint: string): Promise<string> {
  const url = new URL(endpoint);
  url.protocol = url.protocol === "wss:" ? "https:" : "http:";
  url.pathname = "/json/version";
  try {
    const data = (await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).json()) as { Browser?: string };
    return data.Browser ?? "unknown";
  } catch {
    return `no answer from ${endpoint}`; // connecting fails too, and says why
  }
}
