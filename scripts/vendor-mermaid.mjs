// Copies what the rendering page loads into dist/mermaid/ (part of `npm run build`): Mermaid's
// self-contained ES build (the entry and its chunks, no source maps), the DOMPurify build Mermaid
// depends on, their licences, and versions.json. Installed vstack then needs no `mermaid`
// package: its npm dependencies (d3, cytoscape, ELK, KaTeX, the Langium parser…) are already
// inside these bundles, and as packages they are over 150 MB a docs site would install for nothing.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The folder under dist/ the page's assets are served from (src/render/page-assets.ts reads it). */
export const VENDOR_DIR = "mermaid";
const ENTRY = "mermaid.esm.min.mjs";
const CHUNKS = join("chunks", "mermaid.esm.min");

/** Each package's folder and version, resolved as Node would from `root` (DOMPurify: from Mermaid). */
function located(root) {
  const mermaidJson = createRequire(join(root, "package.json")).resolve("mermaid/package.json");
  const purifyEntry = createRequire(mermaidJson).resolve("dompurify");
  let purifyDir = dirname(purifyEntry);
  while (!existsSync(join(purifyDir, "package.json")) || JSON.parse(readFileSync(join(purifyDir, "package.json"), "utf8")).name !== "dompurify") purifyDir = dirname(purifyDir);
  const version = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
  const mermaidDir = dirname(mermaidJson);
  return { mermaidDir, purifyDir, versions: { mermaid: version(mermaidDir), dompurify: version(purifyDir) } };
}

/** Writes `out` (dist/mermaid/) afresh from the packages installed under `root` (a checkout of vstack). */
export function vendorMermaid(root, out = join(root, "dist", VENDOR_DIR)) {
  const { mermaidDir, purifyDir, versions } = located(root);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, CHUNKS), { recursive: true });
  copyFileSync(join(mermaidDir, "dist", ENTRY), join(out, ENTRY));
  for (const name of readdirSync(join(mermaidDir, "dist", CHUNKS)).filter((n) => n.endsWith(".mjs"))) {
    copyFileSync(join(mermaidDir, "dist", CHUNKS, name), join(out, CHUNKS, name));
  }
  copyFileSync(join(purifyDir, "dist", "purify.min.js"), join(out, "purify.min.js"));
  // MIT (Mermaid) and MPL-2.0 or Apache-2.0 (DOMPurify) both ask for their notices to travel with the code.
  copyFileSync(join(mermaidDir, "LICENSE"), join(out, "LICENSE.mermaid"));
  if (existsSync(join(mermaidDir, "THIRD_PARTY_NOTICES"))) copyFileSync(join(mermaidDir, "THIRD_PARTY_NOTICES"), join(out, "THIRD_PARTY_NOTICES.mermaid"));
  copyFileSync(join(purifyDir, "LICENSE"), join(out, "LICENSE.dompurify"));
  if (existsSync(join(purifyDir, "LICENSE-MPL"))) copyFileSync(join(purifyDir, "LICENSE-MPL"), join(out, "LICENSE-MPL.dompurify"));
  writeFileSync(join(out, "versions.json"), `${JSON.stringify(versions, null, 2)}\n`);
  return versions;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  vendorMermaid(fileURLToPath(new URL("..", import.meta.url)));
}
