import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs, findChromium } from "../../src/render/chromium.js";

/**
 * The environment for a process that must launch a browser of its own (tests of what happens to
 * Chromium's processes), whatever VSTACK_CHROMIUM the suite set (global-setup.ts).
 */
export const OWN_BROWSER_ENV = { ...process.env, VSTACK_CHROMIUM: "" };

/** A Chromium binary to launch, for tests that drive a browser of their own (puppeteer.launch). */
export function ownChromium(): string {
  return findChromium(undefined, OWN_BROWSER_ENV);
}

/**
 * A Chromium started on its own with a DevTools port, as a browser service would be: what
 * VSTACK_CHROMIUM=ws://… points vstack at. Started plainly (not through puppeteer), so no
 * client holds new windows paused.
 */
export async function startSharedChromium(): Promise<{ endpoint: string; pid: number; stop(): void }> {
  const profile = mkdtempSync(join(tmpdir(), "vstack-shared-chromium-"));
  const child = spawn(ownChromium(), [...chromiumArgs(), "--headless=new", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe"], detached: true });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let said = "";
    child.stderr!.on("data", (data: Buffer) => {
      said += data.toString();
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(said);
      if (found) resolve(found[1]!);
    });
    child.on("exit", (code) => reject(new Error(`the shared Chromium exited (${code}) before listening: ${said.slice(0, 500)}`)));
  });
  return {
    endpoint,
    pid: child.pid!,
    stop() {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // already gone
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The windows (page targets) open in the browser at `endpoint`. */
export async function openPages(endpoint: string): Promise<string[]> {
  const list = (await (await fetch(endpoint.replace(/^ws:/, "http:").replace(/\/devtools\/.*$/, "/json/list"))).json()) as Array<{ type: string; url: string }>;
  return list.filter((t) => t.type === "page").map((t) => t.url);
}
