import { VstackError } from "../errors.js";
import { findInstalledBrowser, isExecutable } from "./installed-browsers.js";

export const INSTALL_HINT =
  "install Chromium, Chrome or Edge (Debian/Ubuntu: sudo apt-get install chromium) or point VSTACK_CHROMIUM at one's binary";

/** No browser to render with: none found, or the one found would not start. */
export class ChromiumUnavailableError extends VstackError {
  constructor(message: string) {
    super("chromium-unavailable", message);
  }
}

/**
 * The browser to drive: an explicit path first, then $VSTACK_CHROMIUM, then
 * $PUPPETEER_EXECUTABLE_PATH, then an installed Chromium, Chrome or Edge (findInstalledBrowser).
 * The first two may name a running browser's DevTools address instead (isBrowserEndpoint). A
 * path the user named that is not there is an error of its own, not a reason to quietly use
 * another browser; when none is found, the error says every place it looked.
 */
export function findChromium(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  const named: Array<[string, string | undefined]> = [
    ["--chromium", explicit],
    ["VSTACK_CHROMIUM", env.VSTACK_CHROMIUM],
    ["PUPPETEER_EXECUTABLE_PATH", env.PUPPETEER_EXECUTABLE_PATH],
  ];
  for (const [source, path] of named) {
    if (!path) continue;
    if (isExecutable(path) || isBrowserEndpoint(path)) return path;
    throw new ChromiumUnavailableError(`Chromium not found at ${path} (from ${source}); ${INSTALL_HINT}`);
  }
  const { found, tried } = findInstalledBrowser(env);
  if (found) return found;
  const [onPath, ...places] = tried;
  throw new ChromiumUnavailableError(`Chromium not found: looked for ${onPath} and at ${places.join(", ")}; ${INSTALL_HINT}`);
}

/**
 * A running browser's DevTools address (`ws://127.0.0.1:9222/devtools/browser/…`) in place of a
 * binary: vstack draws in windows of its own there and leaves the browser running when done.
 */
export function isBrowserEndpoint(value: string): boolean {
  return /^wss?:\/\//i.test(value);
}

/**
 * Flags for a headless, offline, repeatable browser. Without the background-networking flags
 * Chromium keeps trying to reach Google's services, which a closed network refuses many times
 * a second. The sandbox cannot start as root, so root runs without it.
 */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ["--no-sandbox"] : []),
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    // Pages of a pool render side by side; none may be throttled as a background tab.
    "--disable-background-timer-throttling",
    "--disable-backgrounding-occluded-windows",
    "--disable-renderer-backgrounding",
    "--disable-extensions",
    // Fewer services to start: no field trials, translation, media routing or hint fetching.
    "--disable-field-trial-config",
    "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication",
    "--font-render-hinting=none",
  ];
}
