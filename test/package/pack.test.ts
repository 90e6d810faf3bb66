import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { ROOT, tempDir } from "../support/paths.js";

// What a docs site gets from `npm i vstack`: the packed package, installed from the registry
// into a fresh folder, must render without downloading a browser (puppeteer-core, not puppeteer)
// and without anything of this repository but the tarball.
it("npm pack, installed into a fresh folder, renders a built-in with the system's Chromium", async () => {
  const dir = tempDir("vstack-pack-");
  const npm = (args: string[], cwd: string) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8", env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "" } });
  // dist/ as `npm test` built it: rebuilding here (prepare) would rewrite the bundle under the CLI
  // processes of the test files running beside this one.
  const tarball = npm(["pack", "--ignore-scripts", "--pack-destination", dir], ROOT).trim().split("\n").at(-1)!;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "a-docs-site", private: true }));
  npm(["install", `./${tarball}`], dir);
  const modules = readdirSync(join(dir, "node_modules"));
  expect(modules).toContain("puppeteer-core");
  expect(modules).not.toContain("puppeteer"); // the package that downloads Chrome at install
  expect(existsSync(join(dir, "node_modules/@mermaid-js/mermaid-cli"))).toBe(false); // a dev tool here, for tests and the benchmark
  const installed = JSON.parse(readFileSync(join(dir, "node_modules/vstack/package.json"), "utf8"));
  // Mermaid travels as the build's copy of its browser bundle (dist/mermaid/), of the version
  // pinned here (output bytes depend on it); the package and its 150 MB of dependencies do not.
  expect(installed.dependencies.mermaid).toBeUndefined();
  expect(existsSync(join(dir, "node_modules/mermaid"))).toBe(false);
  expect(installed.devDependencies.mermaid).toMatch(/^\d+\.\d+\.\d+$/);
  expect(JSON.parse(readFileSync(join(dir, "node_modules/vstack/dist/mermaid/versions.json"), "utf8")).mermaid).toBe(installed.devDependencies.mermaid);

  const r = await runCli([], { cwd: dir, command: [process.execPath, join(dir, "node_modules/vstack/bin/vstack.js"), "render", "xen", "-f", "svg", "-t", "light"] });
  expect(r.code, r.stderr).toBe(0);
  const svg = readFileSync(join(dir, "out/xen.light.svg"), "utf8");
  expect(svg).toContain("Xen hypervisor");
  expect(JSON.parse(readFileSync(join(dir, "out/manifest.json"), "utf8")).diagrams[0].source).toBe("node_modules/vstack/specs/xen.yaml");
  expect(existsSync(join(dir, "node_modules/vstack/dist/bundle/vstack.mjs.map"))).toBe(true);

  // The site plugins, imported by their package paths from the site's folder: the markdown-it
  // one (its worker file shipped in dist) draws a fence given only a markdown-it-like object.
  writeFileSync(join(dir, "page.md"), "```vstack\nuse: xen\n```\n");
  writeFileSync(
    join(dir, "plugins.mjs"),
    [
      'import remark from "vstack/remark";',
      'import vstack from "vstack/markdown-it";',
      'if (typeof remark !== "function") throw new Error("vstack/remark has no default export");',
      "let rule;",
      "vstack({ core: { ruler: { after: (_a, _n, fn) => (rule = fn) } } });",
      'const tokens = [{ type: "fence", info: "vstack", map: [0, 3], tag: "code", content: "use: xen\\n" }];',
      'rule({ src: "```vstack\\nuse: xen\\n```\\n", env: { path: "page.md" }, tokens });',
      "console.log(tokens[0].type, tokens[0].content.slice(0, 60));",
    ].join("\n"),
  );
  const plugins = await runCli([], { cwd: dir, command: [process.execPath, "plugins.mjs"] });
  expect(plugins.code, plugins.stderr).toBe(0);
  expect(plugins.stdout).toMatch(/^html_block <figure class="vstack"><svg id="vstack-page-xen"/);
}, 300_000);
