// Bundles the CLI into dist/bundle/ (vstack.mjs and shared chunks). Node 20 has no compile cache,
// and resolving and compiling a few hundred small modules is most of a cached rebuild's time.
// Split at dynamic imports: an up-to-date rebuild never loads the spec parser (zod, yaml).
// puppeteer-core stays outside, loaded only when a browser is needed; the font libraries load
// their WebAssembly from their own packages, and css-tree its syntax data (data/*.json) from its own.
import { readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "esbuild";

const OUT = "dist/bundle";

const result = await build({
  entryPoints: { vstack: "src/cli/main.ts" },
  outdir: OUT,
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["puppeteer-core", "harfbuzzjs", "subset-font", "hyphen", "gettext-parser", "css-tree"],
  // CommonJS dependencies (handlebars) use require() and __filename; give the ES module both.
  banner: {
    js: [
      "import { createRequire as __vstackRequire } from 'node:module';",
      "import { fileURLToPath as __vstackPath } from 'node:url';",
      "const require = __vstackRequire(import.meta.url);",
      "const __filename = __vstackPath(import.meta.url);",
    ].join(" "),
  },
  logLevel: "warning",
  legalComments: "none",
  minify: true,
  // A crash in the field is read against the sources (bin/vstack.js turns source maps on).
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
});

// Chunk names carry content hashes, so last build's chunks would pile up (and be packed). They
// are removed after the build, not before: a CLI process that is running while the package is
// rebuilt (npm pack in the tests) still finds the chunks it loads, which have the same names.
const written = new Set(Object.keys(result.metafile.outputs).map((file) => relative(OUT, file)));
for (const entry of readdirSync(OUT, { recursive: true, withFileTypes: true })) {
  const file = relative(OUT, join(entry.parentPath, entry.name));
  if (entry.isFile() && !written.has(file)) rmSync(join(OUT, file));
}

// vstack's stack layout for Mermaid, as one ES module a browser loads after Mermaid (the
// rendering page serves it; see src/render/stack-layout-plugin.ts).
await build({
  entryPoints: { "stack-layout": "src/render/stack-layout-plugin.ts" },
  outdir: "dist/browser",
  outExtension: { ".js": ".mjs" },
  bundle: true,
  platform: "browser",
  format: "esm",
  target: "es2022",
  logLevel: "warning",
  legalComments: "none",
});
