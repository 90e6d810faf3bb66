// Renders the example decks to PNG, as the README shows them. Not part of the build or the
// tests: it needs the decks' own tools, which vstack does not depend on. From the repository
// root, after `npm run gallery` (which makes out/slides/):
//   npm install --no-save @marp-team/marp-cli@4 reveal.js@5
//   node examples/slides/render-examples.mjs
// Slidev (Node 20: @slidev/cli@52) needs a project of its own; rendered/slidev.png was made in
// one holding slidev.md as slides.md and out/slides/*.svg in public/, with
//   npx slidev export slides.md --format png --executable-path "$(command -v chromium)"
// (this project's npm mirror lacked @unocss/rollup@66.12.0: an override of unocss to 66.10.5 did it).
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import puppeteer from "puppeteer-core";
import { chromiumArgs, findChromium } from "../../dist/render/chromium.js";

const here = resolve("examples/slides");
const rendered = join(here, "rendered");
mkdirSync(rendered, { recursive: true });
const chromium = findChromium();

// Marp: its own CLI, pointed at the same Chromium.
execFileSync("npx", ["marp", "--images", "png", "--allow-local-files", join(here, "marp.md"), "-o", join(rendered, "marp.png")], {
  stdio: "inherit",
  env: { ...process.env, CHROME_PATH: chromium, CHROME_NO_SANDBOX: "1" },
});

// reveal.js: the example page with reveal.js from node_modules instead of a CDN, screenshot of its second slide.
const revealDist = resolve("node_modules/reveal.js/dist");
const page = readFileSync(join(here, "reveal.html"), "utf8").replaceAll("https://unpkg.com/reveal.js@5/dist", `file://${revealDist}`);
const local = join(rendered, "reveal.local.html");
writeFileSync(local, page.replaceAll("../../out/", "../../../out/"));
const browser = await puppeteer.launch({ executablePath: chromium, args: [...chromiumArgs(), "--allow-file-access-from-files"] });
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: 1280, height: 720 });
  await tab.goto(`file://${local}#/1`, { waitUntil: "networkidle0" });
  await new Promise((r) => setTimeout(r, 1000)); // reveal.js fades backgrounds in
  await tab.screenshot({ path: join(rendered, "reveal.png") });
} finally {
  await browser.close();
  rmSync(local);
}
