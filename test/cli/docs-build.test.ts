import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { ROOT, workspace } from "../support/paths.js";
import { builtinIds, builtinTableFiles } from "../../src/spec-format/builtins.js";

const SPEC = (label = "Linux") => `id: web
title: Web stack
sources: [https://example.com/]
stack:
  - { layer: Hardware, kind: hardware }
  - { layer: ${label}, kind: kernel }
  - units:
      - { unit: "Container {n}", kind: container, repeat: 2 }
`;

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** Every file under a folder with its size and mtime: to show a run wrote nothing. */
function snapshot(dir: string): string {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [`${join(d, e.name)} ${statSync(join(d, e.name)).size} ${statSync(join(d, e.name)).mtimeMs}`]));
  return walk(dir).sort().join("\n");
}

describe("docs build step", () => {
  it("takes inputs, output folder, formats and themes from vstack.config.yaml; flags override it", async () => {
    const dir = workspace({ "specs/web.yaml": SPEC(), "vstack.config.yaml": "inputs: [specs]\nout: site/img\nformats: [svg, mmd]\nthemes: [light]\n" });
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "site/img")).sort()).toEqual(["manifest.json", "web.light.mmd", "web.light.svg"]);
    expect(r.stdout).toMatch(/config: vstack\.config\.yaml/);
    const over = await runCli(["render", "-t", "dark", "-f", "svg", "-o", "other"], { cwd: dir });
    expect(over.code, over.stderr).toBe(0);
    expect(readdirSync(join(dir, "other")).sort()).toEqual(["manifest.json", "web.dark.svg"]);
    const validate = await runCli(["validate"], { cwd: dir });
    expect(validate.stdout).toMatch(/vstack: 1 diagram valid, 0 invalid/); // the config's one spec, not the built-ins
  });

  it("reads a vstack key in package.json, with paths relative to it, from a subfolder", async () => {
    const dir = workspace({ "specs/web.yaml": SPEC(), "package.json": JSON.stringify({ name: "docs", vstack: { inputs: ["specs"], out: "img", formats: ["mmd"] } }), "docs/readme.txt": "" });
    const r = await runCli(["render"], { cwd: join(dir, "docs") });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "img")).sort()).toEqual(["manifest.json", "web.dark.mmd", "web.light.mmd"]);
  });

  it("rejects a bad config with file:line:col, a suggestion, and renders nothing", async () => {
    const dir = workspace({ "specs/web.yaml": SPEC(), "vstack.config.yaml": "inputs: [specs]\nouts: site\nformats: [svg, gif]\n" });
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/vstack\.config\.yaml:2:1: outs: unknown config key "outs"; did you mean "out"\?/);
    expect(r.stderr).toMatch(/vstack\.config\.yaml:3:\d+: formats\[1\]: .*svg.*png/);
    expect(r.stderr).toMatch(/fix it, or name another with --config/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("--check passes on fresh outputs, lists stale and missing ones with exit 1, and writes nothing", async () => {
    const dir = workspace({ "specs/web.yaml": SPEC(), "vstack.config.yaml": "inputs: [specs]\nformats: [svg, png]\n" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    const fresh = await runCli(["render", "--check"], { cwd: dir });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/all outputs are up to date/);

    writeFileSync(join(dir, "specs/web.yaml"), SPEC("Linux 6.12"));
    writeFileSync(join(dir, "out/web.dark.png"), "not a png");
    const before = snapshot(dir);
    const stale = await runCli(["render", "--check", "--no-cache"], { cwd: dir });
    expect(stale.code).toBe(1);
    for (const f of ["web.light.svg", "web.dark.svg", "web.light.png", "web.dark.png", "manifest.json"]) expect(stale.stderr).toContain(`out/${f}: out of date`);
    expect(stale.stdout).toMatch(/5 outputs missing or out of date; run `vstack render`/);
    expect(snapshot(dir)).toBe(before);

    readdirSync(join(dir, "out")).forEach((f) => f.endsWith(".svg") && writeFileSync(join(dir, "out", f), ""));
    const json = await runCli(["render", "--check", "--reporter", "json", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.stdout) as { ok: boolean; stale: Array<{ file: string; reason: string }> };
    expect(summary.ok).toBe(false);
    expect(summary.stale).toContainEqual({ file: "out/web.light.svg", reason: "stale" });
  });

  it("removes the outputs of a deleted or renamed spec (and --check reports them), never those of specs it did not read", async () => {
    const dir = workspace({ "specs/a.yaml": SPEC().replace("id: web", "id: a"), "specs/b.yaml": SPEC().replace("id: web", "id: b"), "specs/c.yaml": SPEC().replace("id: web", "id: c") });
    const render = (...args: string[]) => runCli(["render", ...args, "-f", "mmd"], { cwd: dir });
    expect((await render("specs")).code).toBe(0);
    // One spec rendered on its own into the same folder leaves the others' files alone.
    expect((await render("specs/a.yaml")).code).toBe(0);
    expect(readdirSync(join(dir, "out")).filter((f) => f.startsWith("b."))).toHaveLength(2);
    expect((await render("specs")).code).toBe(0);
    rmSync(join(dir, "specs/b.yaml"));
    writeFileSync(join(dir, "specs/c.yaml"), SPEC().replace("id: web", "id: c2"));
    const check = await render("specs", "--check");
    expect(check.code).toBe(1);
    for (const f of ["b.light.mmd", "b.dark.mmd", "c.light.mmd", "c.dark.mmd"]) expect(check.stderr).toContain(`out/${f}: made for a diagram that is gone; delete it`);
    expect(existsSync(join(dir, "out/b.light.mmd"))).toBe(true); // checking removes nothing
    const r = await render("specs");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/removed 4 files that nothing makes any more: b\.dark\.mmd b\.light\.mmd c\.dark\.mmd c\.light\.mmd/);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["a.dark.mmd", "a.light.mmd", "c2.dark.mmd", "c2.light.mmd", "manifest.json"]);
    expect((await render("specs", "--check")).code).toBe(0);
  });

  it("this repository's committed gallery and example site are up to date (render --check, as a docs CI would run it)", async () => {
    const gallery = await runCli(["render", "--check"]);
    expect(gallery.code, gallery.stderr).toBe(0);
    expect(gallery.stdout).toMatch(/checked \d+ diagrams in out\/ .*all outputs are up to date/);
    // What it checked: every built-in spec (svg, png, mmd in two themes) and table (no Mermaid text), and the gallery pages showing each.
    const tables = builtinTableFiles().map((f) => f.replace(/.*\//, "").replace(/\.yaml$/, ""));
    expect(gallery.stdout).toContain(`checked ${builtinIds().length + tables.length} diagrams`);
    const files = readdirSync(join(ROOT, "out")).filter((f) => f !== "slides");
    expect(files).toHaveLength(builtinIds().length * 6 + tables.length * 4 + 3); // + README.md, index.html, manifest.json
    const readme = readFileSync(join(ROOT, "out", "README.md"), "utf8");
    for (const id of [...builtinIds(), ...tables]) expect(readme).toContain(`srcset="${id}.dark.svg"`);
    // The example docs repository, run from its own folder as its CI would, with its config.
    const site = await runCli(["render", "--check"], { cwd: join(ROOT, "examples", "docs-site") });
    expect(site.code, site.stderr).toBe(0);
    expect(site.stdout).toMatch(/checked 4 diagrams in docs\/img\/ .*all outputs are up to date/);
  }, 300_000); // on a fresh clone nothing is cached: the whole gallery is drawn to be compared

  // On a fresh clone nothing is cached: every step frame (6 × 2 themes) is drawn before the decks are compared.
  it("this repository's committed slide assets, step frames and decks are up to date", async () => {
    const slides = await runCli(["render", "vm-vs-container", "--preset", "slide", "--steps", "-f", "svg,png,pdf,pptx", "--check"]);
    expect(slides.code, slides.stderr).toBe(0);
    expect(slides.stdout).toMatch(/all outputs are up to date/);
  }, 300_000);

  it("writes manifest.json with each output's hash and pixel size, and a gallery with light/dark pictures", async () => {
    const dir = workspace({ "specs/web.yaml": SPEC() });
    const r = await runCli(["render", "specs", "--gallery", "-f", "svg,png,pdf"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dir, "out/manifest.json"), "utf8")) as {
      diagrams: Array<{ id: string; title: string; source: string; embed: string; outputs: Array<{ file: string; format: string; theme: string; sha256: string; width: number; height: number }> }>;
    };
    const [web] = manifest.diagrams;
    expect(web).toMatchObject({ id: "web", title: "Web stack", source: "specs/web.yaml" });
    expect(web!.outputs.map((o) => o.file).sort()).toEqual(["web.dark.pdf", "web.dark.png", "web.dark.svg", "web.light.pdf", "web.light.png", "web.light.svg"]);
    for (const o of web!.outputs) {
      expect(o.sha256).toBe(sha256(join(dir, "out", o.file)));
      expect(o.width).toBeGreaterThan(100);
      if (o.format === "png") {
        const png = PNG.sync.read(readFileSync(join(dir, "out", o.file)));
        expect([o.width, o.height]).toEqual([png.width, png.height]);
      }
    }
    const svg = web!.outputs.find((o) => o.file === "web.light.svg")!;
    expect(web!.outputs.find((o) => o.file === "web.light.png")!.width).toBe(svg.width * 2);
    expect(web!.embed).toContain(`<source media="(prefers-color-scheme: dark)" srcset="web.dark.svg">`);
    expect(web!.embed).toMatch(/<img src="web\.light\.svg" alt="[^"]*Bottom to top: Hardware → Linux/);
    const html = readFileSync(join(dir, "out/index.html"), "utf8");
    expect(html).toContain(web!.embed);
    expect(readFileSync(join(dir, "out/README.md"), "utf8")).toContain(web!.embed);
  });

  it("renders ```vstack fences in Markdown (inline, use: built-in, use: path) and writes the page with pictures in place", async () => {
    const page = [
      "# Our platform",
      "",
      "```vstack",
      "title: Inline stack",
      "sources: [https://example.com/]",
      "stack:",
      "  - { layer: Bare metal, kind: hardware }",
      "  - { layer: KVM host, kind: kernel }",
      "```",
      "",
      "Text between.",
      "",
      "```vstack",
      "use: type-1-hypervisor",
      "```",
      "",
      "```vstack",
      "use: ../specs/web.yaml",
      "```",
      "",
      "```mermaid",
      "flowchart LR",
      "  a --> b",
      "```",
      "",
    ].join("\n");
    const dir = workspace({ "docs/platform.md": page, "specs/web.yaml": SPEC(), "docs/guide/intro.md": "# Intro\n\n```vstack\nuse: xen\n```\n" });
    const r = await runCli(["render", "docs", "-o", "site/img", "--markdown-out", "site", "-f", "svg"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "site/img")).filter((f) => f.endsWith(".svg")).sort()).toEqual(
      // use: fences are named after the spec they use, the others numbered.
      ["intro-xen", "platform-1", "platform-2", "platform-type-1-hypervisor", "platform-web"].flatMap((id) => [`${id}.dark.svg`, `${id}.light.svg`]),
    );
    // A page in a subfolder keeps its place, its pictures' paths relative to it.
    expect(readFileSync(join(dir, "site/guide/intro.md"), "utf8")).toContain(`<img src="../img/intro-xen.light.svg"`);
    expect(readFileSync(join(dir, "site/img/platform-1.light.svg"), "utf8")).toContain("KVM host");
    expect(readFileSync(join(dir, "site/img/platform-type-1-hypervisor.light.svg"), "utf8")).toContain("Type 1 hypervisor");
    const out = readFileSync(join(dir, "site/platform.md"), "utf8");
    expect(out).toMatch(/^# Our platform\n\n<!-- vstack: drawn from this fence\n```vstack\ntitle: Inline stack/);
    expect(out).toContain(`<source media="(prefers-color-scheme: dark)" srcset="img/platform-1.dark.svg">`);
    expect(out).toContain(`<img src="img/platform-2.light.svg"`);
    expect(out).toContain("a --&gt; b"); // kept in the comment without ending it
    expect(out).toContain("Text between.");
    expect(out.match(/<picture>/g)).toHaveLength(4);
    expect(out.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/```/); // every fence is now only in a comment
    // The written page is not an input of the next run: it is under the Markdown output folder.
    const again = await runCli(["render", "docs", "-o", "site/img", "--markdown-out", "site", "-f", "svg"], { cwd: dir });
    expect(again.stdout).toMatch(/vstack: 5 diagrams \(svg × light, dark\): 0 drawn, 5 from cache, 0 failed/);
  });

  it("writes a ```vstack fence with table: as the sourced comparison table in its place; a bad one fails the page at its line", async () => {
    const facts = SPEC().replace("stack:", "facts:\n  kernel: { value: shared, source: https://example.com/k }\nstack:");
    const page = "# Compare\n\n```vstack\ntable: [vm-vs-container]\n```\n\n```vstack\ntable: [specs/web.yaml]\nformat: html\n```\n";
    const dir = workspace({ "package.json": "{}", "vstack.config.yaml": "inputs: [docs-src]\nout: docs/img\nmarkdownOut: docs\nformats: [svg]\nthemes: [light]\n", "docs-src/index.md": page, "docs-src/specs/web.yaml": facts });
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const written = readFileSync(join(dir, "docs", "index.md"), "utf8");
    expect(written).toContain(readFileSync(join(ROOT, "test", "golden", "tables", "vm-vs-container.md"), "utf8").trimEnd());
    expect(written).toContain('<tr><th scope="row">Kernel</th><td>shared<sup><a href="#web-source-1">1</a></sup></td></tr>');
    expect(written).toContain("<!-- vstack: drawn from this fence\n```vstack\ntable: [vm-vs-container]\n```\n-->");
    // Changing the spec a table reads rewrites the page on the next run.
    writeFileSync(join(dir, "docs-src/specs/web.yaml"), facts.replace("value: shared", "value: shared by all"));
    await runCli(["render"], { cwd: dir });
    expect(readFileSync(join(dir, "docs", "index.md"), "utf8")).toContain("<td>shared by all<sup>");
    writeFileSync(join(dir, "docs-src/index.md"), `${page}\n\`\`\`vstack\ntable: [xen]\n\`\`\`\n`);
    const bad = await runCli(["render"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('docs-src/index.md:13:8: xen state no facts; add facts: to the specs (see README, "Facts and tables") [no-facts]');
    expect(readFileSync(join(dir, "docs", "index.md"), "utf8")).toContain("<td>shared by all<sup>");
  });

  it("finds fences in a Markdown file with Windows line endings", async () => {
    const page = "# Notes\r\n\r\n```vstack\r\nuse: xen\r\n```\r\n\r\n~~~mermaid\r\nflowchart LR\r\n  a --> b\r\n~~~\r\nEnd.\r\n";
    const dir = workspace({ "docs/notes.md": page });
    const r = await runCli(["render", "docs", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/vstack: 2 diagrams/);
    const out = readFileSync(join(dir, "out/notes.md"), "utf8");
    expect(out).toContain(`<img src="notes-xen.light.svg"`);
    expect(out).toMatch(/notes-1\.light\.svg"[^>]*>\r\nEnd\.\r\n$/); // the text after a fence keeps its line endings
    expect(out.replace(/\r\n/g, "")).not.toContain("\n"); // and so does what vstack writes in its place
  });

  it("reports a bad inline fence at its line in the Markdown file", async () => {
    const dir = workspace({ "docs/bad.md": "# Bad\n\nSome text.\n\n```vstack\ntitle: Oops\nsources: [https://example.com/]\nstack:\n  - { layer: Box, kind: hardwre }\n```\n" });
    const r = await runCli(["render", "docs", "-f", "mmd"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/docs\/bad\.md:9:\d+: stack\[0\]\.kind: unknown kind "hardwre"; did you mean "hardware"\?/);
    expect(r.stderr).toMatch(/> +9 \|   - \{ layer: Box, kind: hardwre \}/);
    expect(existsSync(join(dir, "out/bad.md"))).toBe(false);
    // Written out beside itself, a page would lose its fences: refused, and left as it was.
    writeFileSync(join(dir, "docs/good.md"), "# Good\n\n```vstack\nuse: xen\n```\n");
    const inPlace = await runCli(["render", "docs/good.md", "-f", "mmd", "--markdown-out", "docs"], { cwd: dir });
    expect(inPlace.code).toBe(1);
    expect(inPlace.stderr).toMatch(/docs\/good\.md: writing this page with pictures in place of its fences would overwrite it; set --markdown-out/);
    expect(readFileSync(join(dir, "docs/good.md"), "utf8")).toBe("# Good\n\n```vstack\nuse: xen\n```\n");
  });

  it("--quiet prints nothing on success; --reporter json prints one parseable summary", async () => {
    const dir = workspace({ "web.yaml": SPEC() });
    const quiet = await runCli(["render", "web.yaml", "-f", "mmd", "--quiet"], { cwd: dir });
    expect(quiet).toMatchObject({ code: 0, stdout: "", stderr: "" });
    const json = await runCli(["render", "web.yaml", "-f", "mmd", "--reporter", "json"], { cwd: dir });
    const summary = JSON.parse(json.stdout) as { ok: boolean; diagrams: Array<{ id: string; files: string[] }> };
    expect(summary.ok).toBe(true);
    expect(summary.diagrams).toEqual([expect.objectContaining({ id: "web", files: ["web.dark.mmd", "web.light.mmd"] })]);
    const bad = await runCli(["render", "nope.yaml", "-f", "mmd", "--quiet"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/nope\.yaml: no such file or folder/);
  });

  it("shows a progress bar on a terminal", async () => {
    const dir = workspace({ "a.yaml": SPEC().replace("id: web", "id: a"), "b.yaml": SPEC().replace("id: web", "id: b"), "c.yaml": SPEC().replace("id: web", "id: c") });
    // script(1) runs the CLI on a pseudo-terminal, as a user's shell would.
    const r = await runCli([], { cwd: dir, command: ["script", "-qec", `${process.execPath} ${join(import.meta.dirname, "../../bin/vstack.js")} render . -f mmd --no-cache`, "/dev/null"] });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/vstack \|[█░]+\| \d\/3 diagrams/);
    expect(r.stdout).toMatch(/vstack: 3 diagrams/);
  });
});
