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
  const tarball = npm(["pack", "--pack-destination", dir], ROOT).trim().split("\n").at(-1)!;
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "a-docs-site", private: true }));
  npm(["install", `./${tarball}`], dir);
  const modules = readdirSync(join(dir, "node_modules"));
  expect(modules).toContain("puppeteer-core");
  expect(modules).not.toContain("puppeteer"); // the package that downloads Chrome at install
  expect(existsSync(join(dir, "node_modules/@mermaid-js/mermaid-cli"))).toBe(false); // a dev tool here, for tests and the benchmark
  const installed = JSON.parse(readFileSync(join(dir, "node_modules/vstack/package.json"), "utf8"));
  expect(installed.dependencies.mermaid).toMatch(/^\d+\.\d+\.\d+$/); // pinned: output bytes depend on it

  const r = await runCli([], { cwd: dir, command: [process.execPath, join(dir, "node_modules/vstack/bin/vstack.js"), "render", "xen", "-f", "svg", "-t", "light"] });
  expect(r.code, r.stderr).toBe(0);
  const svg = readFileSync(join(dir, "out/xen.light.svg"), "utf8");
  expect(svg).toContain("Xen hypervisor");
  expect(JSON.parse(readFileSync(join(dir, "out/manifest.json"), "utf8")).diagrams[0].source).toBe("node_modules/vstack/specs/xen.yaml");
  expect(existsSync(join(dir, "node_modules/vstack/dist/bundle/vstack.mjs.map"))).toBe(true);
}, 300_000);
