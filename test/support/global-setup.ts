import { startSharedChromium } from "./shared-browser.js";

/**
 * One Chromium for the whole suite: every CLI process and in-process renderer draws in it
 * (VSTACK_CHROMIUM=ws://…, inherited by the workers and their children) instead of starting one
 * of its own, a second or two each. Tests of Chromium's own processes launch their own
 * (OWN_BROWSER_ENV). A VSTACK_CHROMIUM set by whoever runs the suite is left as it is.
 */
export default async function setup(): Promise<(() => void) | undefined> {
  if (process.env.VSTACK_CHROMIUM) return undefined;
  const shared = await startSharedChromium();
  process.env.VSTACK_CHROMIUM = shared.endpoint;
  return () => shared.stop();
}
