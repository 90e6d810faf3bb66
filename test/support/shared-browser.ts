import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromiumArgs, findChromium } from "../../src/render/chromium.js";

/**
 * A Chromium started on its own with a DevTools port, as a browser service would be: what
 * VSTACK_CHROMIUM=ws://… points vstack at. Started plainly (not through puppeteer), so no
 * client holds new windows paused.
 */
export async function startSharedChromium(): Promise<{ endpoint: string; pid: number; stop(): void }> {
  const profile = mkdtempSync(join(tmpdir(), "vstack-shared-chromium-"));
  const child = spawn(findChromium(undefined, {}), [...chromiumArgs(), "--headless=new", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: ["ignore", "ignore", "pipe"], detached: true });
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
