import { describe, expect, it } from "vitest";
import { findInstalledBrowser } from "../../src/render/installed-browsers.js";

// Where the search looks on the other systems, read without them: nothing there is found here.
describe("where an installed Chrome, Chromium or Edge is looked for", () => {
  it("Windows: Chrome's channels under Program Files and LocalAppData, then Edge and Chromium", () => {
    const env = { Path: "", LocalAppData: "C:\\Users\\ada\\AppData\\Local", ProgramFiles: "C:\\Program Files", "ProgramFiles(x86)": "C:\\Program Files (x86)" };
    const { found, tried } = findInstalledBrowser(env, "win32");
    expect(found).toBeUndefined();
    expect(tried).toContain("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe");
    expect(tried).toContain("C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe");
    expect(tried).toContain("C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe");
  });

  it("macOS: Chrome's channels in /Applications, then Chromium and Edge there or in ~/Applications", () => {
    const { found, tried } = findInstalledBrowser({ PATH: "" }, "darwin");
    expect(found).toBeUndefined();
    expect(tried).toContain("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");
    expect(tried).toContain("/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary");
    expect(tried).toContain("/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge");
    expect(tried).toContain("/Applications/Chromium.app/Contents/MacOS/Chromium");
  });
});
