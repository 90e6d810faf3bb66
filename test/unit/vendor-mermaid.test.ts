import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
// @ts-expect-error: a build script, plain JavaScript
import { vendorMermaid } from "../../scripts/vendor-mermaid.mjs";
import { ROOT, tempDir } from "../support/paths.js";

const version = (pkg: string) => (JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string }).version;

// Installed vstack has no `mermaid` package: the page loads the copy the build makes. It must be
// whole (every module an import names is there), need nothing from node_modules, and say which
// versions it is, since they are part of every cache key.
it("the build's copy of Mermaid is self-contained: every import resolves inside it, no source maps, licences and versions beside it", () => {
  const out = tempDir();
  const versions = vendorMermaid(ROOT, out) as Record<string, string>;
  expect(versions).toEqual({ mermaid: version("mermaid"), dompurify: version("dompurify") });
  expect(JSON.parse(readFileSync(join(out, "versions.json"), "utf8"))).toEqual(versions);
  const files = readdirSync(out, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(out, f)).isFile());
  expect(files.filter((f) => f.endsWith(".map"))).toEqual([]);
  expect(files).toEqual(expect.arrayContaining(["mermaid.esm.min.mjs", "purify.min.js", "LICENSE.mermaid", "LICENSE.dompurify"]));
  const modules = files.filter((f) => f.endsWith(".mjs"));
  expect(modules.length).toBeGreaterThan(50);
  let imports = 0;
  for (const file of modules) {
    const text = readFileSync(join(out, file), "utf8");
    // Minified ES modules: static `from"…"` and dynamic `import("…")` with a literal path.
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)"([^"]+)"/g)) {
      if (!spec!.startsWith("./") && !spec!.startsWith("../")) continue;
      imports++;
      expect(files, `${file} imports ${spec}`).toContain(join(file, "..", spec!).replace(/^\.\//, ""));
    }
  }
  expect(imports).toBeGreaterThan(100);
});
