import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The folder a site tool serves as it is, at the site's root URL, found from the files in the
 * project folder: picture files written anywhere else would be a 404 on every page.
 */
const SITE_TOOLS: Array<{ tool: string; marks: string[]; served: (found: string) => string }> = [
  { tool: "Docusaurus", marks: configs("docusaurus.config"), served: () => "static" },
  { tool: "Astro", marks: configs("astro.config"), served: () => "public" },
  // VitePress serves <srcDir>/public; its srcDir is where .vitepress is, often docs/.
  { tool: "VitePress", marks: [".vitepress", "docs/.vitepress"], served: (found) => join(found, "..", "public") },
  { tool: "Hugo", marks: ["hugo.toml", "hugo.yaml", "hugo.json"], served: () => "static" },
];

function configs(stem: string): string[] {
  return ["js", "mjs", "cjs", "ts", "mts", "cts"].map((ext) => `${stem}.${ext}`);
}

/** `assetsDir`'s default for the site in `cwd`: `<served>/vstack`, or `public/vstack` (Vite, Next.js) when no tool is recognised. */
export function defaultAssetsDir(cwd: string): string {
  for (const { marks, served } of SITE_TOOLS) {
    const found = marks.find((mark) => existsSync(join(cwd, mark)));
    if (found) return join(served(found), "vstack");
  }
  return join("public", "vstack");
}
