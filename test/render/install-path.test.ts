import { spawn } from "node:child_process";
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT, tempDir } from "../support/paths.js";

/**
 * A site whose folder has a space in its path (and on Windows, every site): the package is
 * installed there as npm installs it, a copy of its files (its dependencies linked), so every
 * path vstack works out from its own module URLs holds the space.
 */
it("the markdown-it plugin draws a fence when the site's folder has a space in its path", async () => {
  const site = join(tempDir(), "my docs site");
  const pkg = join(site, "node_modules", "vstack");
  mkdirSync(pkg, { recursive: true });
  for (const part of ["package.json", "dist", "templates", "specs"]) cpSync(join(ROOT, part), join(pkg, part), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(pkg, "node_modules"));
  symlinkSync(join(ROOT, "node_modules", "markdown-it"), join(site, "node_modules", "markdown-it"));
  writeFileSync(join(site, "page.md"), "# Page\n\n```vstack\nuse: xen\n```\n");
  writeFileSync(
    join(site, "build.mjs"),
    `import MarkdownIt from "markdown-it"; import vstack from "vstack/markdown-it"; import { readFileSync } from "node:fs";
const page = ${JSON.stringify(join(site, "page.md"))};
process.stdout.write(new MarkdownIt().use(vstack, { cwd: ${JSON.stringify(site)}, idleClose: 0 }).render(readFileSync(page, "utf8"), { path: page }));
`,
  );
  const child = spawn(process.execPath, ["build.mjs"], { cwd: site, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(err).toBe("");
  expect(code).toBe(0);
  expect(out).toMatch(/<figure class="vstack"><svg id="vstack-page-xen"/);
});
