import { cp } from "node:fs/promises";
import { existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { defaultAssetsDir } from "./site-assets.js";

export interface DocusaurusVstackOptions {
  /** The remark plugin's `assetsDir`, when it is not the default (`static/vstack`). */
  assetsDir?: string;
}

interface DocusaurusContext {
  siteDir: string;
  siteConfig: { staticDirectories?: string[] };
}

/**
 * Docusaurus plugin (`plugins: ["vstack/docusaurus"]`) for the remark plugin's file strategies
 * (`picture`, `img`, `classes`). Docusaurus copies its static folders into the build when the
 * build starts, before the pages are compiled, so picture files that the remark plugin writes
 * while compiling a page would be missing from a first build. After the build, this copies them
 * to the place their URLs point at. (A rebuild finds them in `static/` already.)
 */
export default function vstackDocusaurus(context: DocusaurusContext, options: DocusaurusVstackOptions = {}) {
  const assets = resolve(context.siteDir, options.assetsDir ?? defaultAssetsDir(context.siteDir));
  const statics = (context.siteConfig.staticDirectories ?? ["static"]).map((d) => resolve(context.siteDir, d));
  const served = statics.find((d) => assets.startsWith(d + sep));
  if (!served) throw new TypeError(`vstack/docusaurus: assetsDir ${relative(context.siteDir, assets)} is not inside a static folder Docusaurus serves (${statics.map((d) => relative(context.siteDir, d)).join(", ")}): write the pictures into one, e.g. static/vstack`);
  return {
    name: "vstack",
    async postBuild({ outDir }: { outDir: string }): Promise<void> {
      if (existsSync(assets)) await cp(assets, join(outDir, relative(served, assets)), { recursive: true, force: false });
    },
  };
}
