import { accessSync, constants } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { delimiter, join, win32 } from "node:path";
import which from "which";

/** Commands that start Chromium, Chrome or Edge, looked for on PATH in this order (on Windows with PATHEXT's endings). */
export const BROWSER_COMMANDS = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome", "chrome", "microsoft-edge-stable", "microsoft-edge", "msedge"];

/** What a search for an installed browser found, and every place it looked, in order. */
export interface BrowserSearch {
  found?: string;
  tried: string[];
}

/**
 * An installed Chromium, Chrome or Edge, on Linux, macOS or Windows; nothing is ever downloaded.
 * First the commands on PATH (a distribution's chromium, a Nix or Homebrew one); then Google
 * Chrome, every channel, where its installers put it, as puppeteer knows the places
 * (@puppeteer/browsers, which puppeteer-core depends on, for each platform and for WSL); then
 * where Chromium and Edge install, which that list leaves out.
 */
export function findInstalledBrowser(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): BrowserSearch {
  const path = envVar(env, "PATH") ?? "";
  for (const command of BROWSER_COMMANDS) {
    const found = which.sync(command, { path, nothrow: true, ...(envVar(env, "PATHEXT") !== undefined && { pathExt: envVar(env, "PATHEXT") }) });
    if (found) return { found, tried: [] };
  }
  const tried = [`${BROWSER_COMMANDS.join(", ")} on PATH (${path.split(delimiter).filter(Boolean).join(", ") || "empty"})`];
  const chrome = installedChrome(platform);
  if (chrome.found) return { found: chrome.found, tried };
  tried.push(...chrome.tried);
  for (const file of chromiumAndEdgePlaces(platform, env)) {
    if (isExecutable(file)) return { found: file, tried };
    tried.push(file);
  }
  return { tried };
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// Loaded on first search (some 60 ms): a run that names its browser, or draws nothing, never needs it.
const load = createRequire(import.meta.url);

/** Google Chrome (stable, beta, dev, canary) where its installers put it: the first that is there, or the places looked at. */
function installedChrome(platform: NodeJS.Platform): BrowserSearch {
  const browsers = load("@puppeteer/browsers") as typeof import("@puppeteer/browsers");
  const { Browser, BrowserPlatform, ChromeReleaseChannel } = browsers;
  const target = platform === process.platform ? browsers.detectBrowserPlatform() : ({ linux: BrowserPlatform.LINUX, darwin: BrowserPlatform.MAC, win32: BrowserPlatform.WIN64 } as Partial<Record<NodeJS.Platform, (typeof BrowserPlatform)[keyof typeof BrowserPlatform]>>)[platform];
  if (!target) return { tried: [] };
  const tried: string[] = [];
  for (const channel of [ChromeReleaseChannel.STABLE, ChromeReleaseChannel.BETA, ChromeReleaseChannel.DEV, ChromeReleaseChannel.CANARY]) {
    try {
      // Returns a place only if the file is there; else its error lists, one per line, where it looked.
      return { found: browsers.computeSystemExecutablePath({ browser: Browser.CHROME, channel, platform: target }), tried };
    } catch (err) {
      const places = [...String((err as Error).message).matchAll(/^ - (.+?)[.,]?$/gm)].map((m) => m[1]!);
      tried.push(...(places.length > 0 ? places : [`Google Chrome (${channel}) where its installer puts it`]));
    }
  }
  return { tried };
}

/** Where Chromium and Microsoft Edge install (not in puppeteer's list, which is Chrome's). */
function chromiumAndEdgePlaces(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === "win32") {
    const roots = [envVar(env, "LOCALAPPDATA"), envVar(env, "PROGRAMFILES"), envVar(env, "PROGRAMFILES(X86)")].filter((r): r is string => Boolean(r));
    return [...roots.map((r) => win32.join(r, "Microsoft", "Edge", "Application", "msedge.exe")), ...roots.map((r) => win32.join(r, "Chromium", "Application", "chrome.exe"))];
  }
  if (platform === "darwin") {
    const apps = ["Chromium.app/Contents/MacOS/Chromium", "Microsoft Edge.app/Contents/MacOS/Microsoft Edge"];
    return ["/Applications", join(homedir(), "Applications")].flatMap((dir) => apps.map((app) => join(dir, app)));
  }
  return ["/snap/bin/chromium", "/opt/microsoft/msedge/msedge"];
}

/** An environment variable by name in any case, as Windows reads them (a copied env object is case-sensitive). */
function envVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key];
}
