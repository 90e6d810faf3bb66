// Writes dist/picture-code.json (part of `npm run build`): a hash of the source of every module
// that shapes a picture, the modules the picture path imports as esbuild finds them (static and
// dynamic imports), read as text; and the packages they import, whose installed versions vstack
// reads when it runs (src/render/picture-code.ts), where it adds the versions of Mermaid and
// DOMPurify copied into dist/mermaid/ (scripts/vendor-mermaid.mjs). Hashed from src/, not from what a bundler
// made of it, so the CLI bundle and the library share cache entries and a bundler upgrade
// throws none away; a change to any of these modules, and to nothing else, changes every key.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * Where pictures are made: each diagram's outputs (cache, theme derivation, fonts), the renderer
 * (page, labels, links, PDF), vstack's stack layout, which the page loads as a file of its
 * own (dist/browser/stack-layout.mjs), so no import reaches it, and the decks (their shapes too).
 */
export const PICTURE_ENTRIES = ["src/run/diagram-outputs.ts", "src/render/lazy-renderer.ts", "src/render/stack-layout-plugin.ts", "src/run/decks.ts"];

/** The fingerprint of the picture code under `root` (a checkout of vstack). */
export async function pictureCode(root) {
  const { metafile } = await build({ absWorkingDir: root, entryPoints: PICTURE_ENTRIES, bundle: true, write: false, metafile: true, platform: "node", format: "esm", packages: "external", splitting: true, outdir: "picture-code", logLevel: "silent" });
  const files = Object.keys(metafile.inputs).filter((f) => f.startsWith("src/")).sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(root, file))).update("\n");
  const imported = files.flatMap((f) => metafile.inputs[f].imports.filter((i) => i.external && !i.path.startsWith("node:")).map((i) => packageName(i.path)));
  return { hash: hash.digest("hex"), files, packages: [...new Set(imported)].sort() };
}

/** `culori/fn` → `culori`, `@scope/name/x` → `@scope/name`. */
function packageName(specifier) {
  const parts = specifier.split("/");
  return parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  mkdirSync(join(root, "dist"), { recursive: true });
  writeFileSync(join(root, "dist", "picture-code.json"), `${JSON.stringify(await pictureCode(root), null, 2)}\n`);
}
