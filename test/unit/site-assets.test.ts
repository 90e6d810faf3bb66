import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultAssetsDir } from "../../src/plugins/site-assets.js";
import { workspace } from "../support/paths.js";

// Picture files must land in the folder the site tool serves as it is, or every picture is a 404.
describe("the site plugins' default assetsDir", () => {
  it.each([
    [{ "docusaurus.config.js": "" }, join("static", "vstack")],
    [{ "docusaurus.config.ts": "" }, join("static", "vstack")],
    [{ "astro.config.mjs": "" }, join("public", "vstack")],
    [{ ".vitepress/config.mjs": "" }, join("public", "vstack")],
    [{ "docs/.vitepress/config.mjs": "" }, join("docs", "public", "vstack")],
    [{ "hugo.toml": "" }, join("static", "vstack")],
    [{ "package.json": "{}" }, join("public", "vstack")],
  ])("%o → %s", (files, expected) => {
    expect(defaultAssetsDir(workspace(files))).toBe(expected);
  });
});
