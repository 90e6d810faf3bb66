// Bundles the CLI into dist/bundle/ (vstack.mjs and shared chunks). Node 20 has no compile cache,
// and resolving and compiling a few hundred small modules is most of a cached rebuild's time.
// Split at dynamic imports: an up-to-date rebuild never loads the spec parser (zod, yaml).
// puppeteer-core and mermaid stay outside: the first is loaded only when a browser is needed,
// the second is read from its package as a file; the font libraries load their WebAssembly from
// their own packages.
import { rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry content hashes: last build's chunks would otherwise pile up (and be packed).
rmSync("dist/bundle", { recursive: true, force: true });

await build({
  entryPoints: { vstack: "src/cli/main.ts" },
  outdir: "dist/bundle",
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["puppeteer-core", "mermaid", "harfbuzzjs", "subset-font", "hyphen", "gettext-parser"],
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
});
