import { execFileSync } from "node:child_process";
import type { ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fromMarkdown } from "mdast-util-from-markdown";
import { PNG } from "pngjs";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, startCli } from "../support/cli.js";
import { tempDir, workspace } from "../support/paths.js";

// Regression tests for the docs build step telling the truth (issue 9): each case failed before.

const SPEC = (id = "web", label = "Linux") => `id: ${id}
title: Web stack
sources: [https://example.com/]
stack:
  - { layer: Hardware, kind: hardware }
  - { layer: ${label}, kind: kernel }
`;

/** Every file under a folder (but the cache) with its SHA-256: what a run wrote, byte for byte. */
function hashes(dir: string, skip = ".vstack-cache"): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      if (e.name === skip) continue;
      if (e.isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return out;
}

const running: ChildProcess[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.kill("SIGTERM");
});

describe("a broken fence fails the run", () => {
  const PAGE = "# Page\n\n```vstack\nuse: xen\n```\n\nText between.\n\n```vstack\nuse: hyperv\n```\n";
  // Pages are written only by runs that draw pictures: svg, one theme, is the cheapest.
  const CONFIG = "inputs: [src]\nout: out/img\nmarkdownOut: out\nformats: [svg]\nthemes: [light]\n";

  it("in render, --check, validate and --reporter json, and its page keeps its previous version", async () => {
    const dir = workspace({ "vstack.config.yaml": CONFIG, "src/page.md": PAGE.replace("hyperv", "hyper-v"), "package.json": "{}" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    const before = readFileSync(join(dir, "out/page.md"), "utf8");
    writeFileSync(join(dir, "src/page.md"), PAGE);

    const render = await runCli(["render"], { cwd: dir });
    expect(render.code).toBe(1);
    expect(render.stderr).toMatch(/src\/page\.md:10:6: "hyperv" is neither a built-in id .*did you mean "hyper-v"\? \[unknown-ref\]/);
    expect(render.stdout).toMatch(/1 failed/);
    expect(readFileSync(join(dir, "out/page.md"), "utf8")).toBe(before);

    const check = await runCli(["render", "--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/1 failed/);
    const validate = await runCli(["validate"], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/1 diagram valid, 1 invalid/);
    const json = await runCli(["render", "--reporter", "json"], { cwd: dir });
    expect(json.code).toBe(1);
    const summary = JSON.parse(json.stdout);
    expect(summary).toMatchObject({ ok: false, failed: 1 });
    expect(summary.failures[0]).toMatchObject({ code: "unknown-ref", file: "src/page.md", line: 10, col: 6 });
  });

  it("when the spec a use: fence names has become invalid", async () => {
    const dir = workspace({ "vstack.config.yaml": CONFIG, "src/page.md": "```vstack\nuse: ../specs/web.yaml\n```\n", "specs/web.yaml": SPEC(), "package.json": "{}" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, "specs/web.yaml"), SPEC().replace("kind: kernel", "kind: kernal"));
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/src\/page\.md:2:6: "\.\.\/specs\/web\.yaml" has errors of its own/);
    expect(r.stderr).toMatch(/specs\/web\.yaml:6:\d+: stack\[1\]\.kind: unknown kind "kernal"; did you mean "kernel"\?/);
    expect((await runCli(["validate"], { cwd: dir })).code).toBe(1);
  });
});

it("preview writes nothing outside its own cache folder", async () => {
  const dir = workspace({ "vstack.config.yaml": "inputs: [src]\nout: out/img\nmarkdownOut: out\n", "src/page.md": "```vstack\nuse: xen\n```\n", "package.json": "{}" });
  const cli = startCli(["preview", "--port", "0"], dir);
  running.push(cli.child);
  await cli.waitFor(/preview updated \(1 diagram, 0 failed\)/, 0, 60_000);
  expect(readdirSync(dir).sort()).toEqual([".vstack-cache", "package.json", "src", "vstack.config.yaml"]);
  expect(readdirSync(join(dir, ".vstack-cache/preview/pages"))).toEqual(["page.md"]);
});

describe("the same outputs from any folder of the project", () => {
  const site = () =>
    workspace({
      "package.json": "{}",
      "vstack.config.yaml": "inputs: [docs-src]\nout: docs/img\nmarkdownOut: docs\nformats: [svg]\nthemes: [light]\n",
      "diagrams/web.yaml": SPEC(),
      "docs-src/index.md": "# Home\n\n```vstack\nuse: ../diagrams/web.yaml\n```\n\n```mermaid\nflowchart LR\n  a --> b\n```\n",
      "docs-src/guide/intro.md": "```vstack\nuse: xen\n```\n",
    });

  it("bytes, manifest and page paths, and no cache or absolute path in a subfolder", async () => {
    const dir = site();
    const fromRoot = await runCli(["render"], { cwd: dir });
    expect(fromRoot.code, fromRoot.stderr).toBe(0);
    const root = hashes(dir);
    expect((await runCli(["render", "--check"], { cwd: join(dir, "docs-src/guide") })).code).toBe(0);

    rmSync(join(dir, "docs"), { recursive: true });
    rmSync(join(dir, ".vstack-cache"), { recursive: true });
    const fromSub = await runCli(["render"], { cwd: join(dir, "docs-src") });
    expect(fromSub.code, fromSub.stderr).toBe(0);
    expect(hashes(dir)).toEqual(root);
    expect(existsSync(join(dir, "docs-src/.vstack-cache"))).toBe(false);
    expect(existsSync(join(dir, ".vstack-cache"))).toBe(true);
    expect((await runCli(["render", "--check"], { cwd: dir })).code).toBe(0);

    const manifest = readFileSync(join(dir, "docs/img/manifest.json"), "utf8");
    expect(manifest).not.toContain(dir);
    expect(manifest).not.toMatch(/"\/(tmp|home|work|root|Users)\//);
    expect(JSON.parse(manifest).diagrams.map((d: { source: string }) => d.source)).toEqual(["docs-src/guide/intro.md", "docs-src/index.md", "docs-src/index.md"]);
    expect(readFileSync(join(dir, "docs/img/index-1.light.svg"), "utf8")).toContain("Mermaid diagram from docs-src/index.md");
    expect(readFileSync(join(dir, "docs/guide/intro.md"), "utf8")).toContain('src="../img/intro-xen.light.svg"');
  });
});

describe("fences are found as Markdown finds them", () => {
  const PAGE = [
    "# Page",
    "",
    "An example of the syntax, not a diagram:",
    "",
    "````markdown",
    "```vstack",
    "use: kvm-qemu",
    "```",
    "````",
    "",
    "<!--",
    "```vstack",
    "use: hyper-v",
    "```",
    "-->",
    "",
    "1. First step",
    "   ```vstack",
    "   use: xen",
    "   ```",
    "2. Second step",
    "",
  ].join("\n");

  it("skips fences in longer fences and HTML comments, and keeps a list a list", async () => {
    const dir = workspace({ "src/page.md": PAGE, "package.json": "{}" });
    const r = await runCli(["render", "src", "-o", "out", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["manifest.json", "page-xen.light.svg", "page.md"]);
    const page = readFileSync(join(dir, "out/page.md"), "utf8");
    // Everything before the list is as it was.
    expect(page.slice(0, PAGE.indexOf("1. First step"))).toBe(PAGE.slice(0, PAGE.indexOf("1. First step")));
    const tree = fromMarkdown(page);
    const lists = tree.children.filter((n) => n.type === "list");
    expect(lists).toHaveLength(1);
    const items = (lists[0] as { children: Array<{ children: Array<{ type: string }> }> }).children;
    expect(items).toHaveLength(2);
    // The kept fence (an HTML comment) and the picture's note are inside the first item.
    expect(items[0]!.children.map((c) => c.type)).toEqual(["paragraph", "html", "html"]);
    expect(page).toContain("   <!-- vstack: drawn from this fence\n   ```vstack\n   use: xen\n   ```\n   -->\n");
    expect(page).not.toMatch(/-->\s*-->/);
  });

  it("names a use: fence after its spec, so adding a fence renames nothing; a clash says to add an id", async () => {
    const dir = workspace({ "a/index.md": "```vstack\nuse: xen\n```\n", "b/index.md": "```mermaid\nflowchart LR\n  a --> b\n```\n\n```vstack\nuse: xen\n```\n", "package.json": "{}" });
    const r = await runCli(["validate", "a", "b"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/b\/index\.md:6:1: diagram id "index-xen" is already used by a\/index\.md; .*give this fence a name of its own: a line `id: <name>`/);
    writeFileSync(join(dir, "b/index.md"), "```mermaid\nflowchart LR\n  a --> b\n```\n\n```vstack\nuse: xen\nid: b-xen\n```\n");
    const fixed = await runCli(["validate", "a", "b", "--reporter", "json"], { cwd: dir });
    expect(fixed.code, fixed.stdout).toBe(0);
    expect(JSON.parse(fixed.stdout).diagrams.map((d: { id: string }) => d.id)).toEqual(["index-xen", "index-1", "b-xen"]);
  });
});

it("init refuses an id that validate would refuse, and suggests one that it accepts", async () => {
  const dir = tempDir();
  const bad = await runCli(["init", "My_Stack"], { cwd: dir });
  expect(bad.code).toBe(2);
  expect(bad.stderr).toMatch(/"My_Stack" is not a usable id: an id is lower-case letters, digits and dashes, starting with a letter; try "my-stack"/);
  expect(readdirSync(dir)).toEqual([]);
  expect((await runCli(["init", "my-stack"], { cwd: dir })).code).toBe(0);
  expect((await runCli(["validate", "my-stack.yaml"], { cwd: dir })).code).toBe(0);
});

describe("standard input and one output file", () => {
  it("renders a spec from stdin into the one file -o names, in its format", async () => {
    const dir = tempDir();
    const r = await runCli(["render", "-", "-o", "pic.svg"], { cwd: dir, input: SPEC("piped", "Piped kernel") });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([".vstack-cache", "pic.svg"]);
    const svg = readFileSync(join(dir, "pic.svg"), "utf8");
    expect(svg).toContain("Piped kernel");
    expect(svg).toContain("<title id=\"vstack-diagram-title\">Web stack</title>");
  });

  it("detects Mermaid text on stdin, and takes the theme from -t", async () => {
    const dir = tempDir();
    const r = await runCli(["render", "-", "-o", "flow.png", "-t", "dark"], { cwd: dir, input: "flowchart LR\n  piped --> text\n" });
    expect(r.code, r.stderr).toBe(0);
    const png = PNG.sync.read(readFileSync(join(dir, "flow.png")));
    expect(png.width).toBeGreaterThan(100);
    // The dark theme's background in a corner.
    expect(Array.from(png.data.subarray(0, 3)).every((c) => c < 64)).toBe(true);
  });

  it("reports a bad spec on stdin at <stdin>:line:col, and -o with two diagrams as a mistake", async () => {
    const dir = tempDir();
    const bad = await runCli(["render", "-", "-o", "x.svg"], { cwd: dir, input: SPEC().replace("kind: kernel", "kind: kernal") });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/<stdin>:6:\d+: stack\[1\]\.kind: unknown kind "kernal"/);
    const two = await runCli(["render", "xen", "kvm-qemu", "-o", "x.mmd"], { cwd: dir });
    expect(two.code).toBe(1);
    expect(two.stderr).toMatch(/-o x\.mmd writes one file, but the inputs hold 2 diagrams/);
    expect(existsSync(join(dir, "x.mmd"))).toBe(false);
  });
});

describe("Mermaid errors at the user's line", () => {
  it("in a .mmd file with front matter and comments, and in a fence in a list", async () => {
    const mmd = "---\ntitle: Flow\n---\n%% a comment\n\nflowchart LR\n  a --> b\n  b --> !!! c\n";
    const md = "Intro\n\n- item\n\n  ```mermaid\n  flowchart LR\n    a --> b\n    b --> !!! c\n  ```\n";
    const dir = workspace({ "flow.mmd": mmd, "page.md": md });
    const r = await runCli(["render", "flow.mmd", "page.md", "-f", "svg", "-t", "light", "-o", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^flow\.mmd:8:13: flow: Mermaid rejected the text: Expecting .* \[mermaid-rejected\]\n.*\n.*\n> 8 \|   b --> !!! c\n {4}\| {13}\^/m);
    expect(r.stderr).toMatch(/^page\.md:8:15: page-1: Mermaid rejected the text/m);
  });
});

it("a PDF is titled after its diagram and made by vstack", async () => {
  const dir = tempDir();
  const r = await runCli(["render", "xen", "-f", "pdf", "-t", "light"], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const info = execFileSync("pdfinfo", [join(dir, "out/xen.light.pdf")], { encoding: "utf8" });
  expect(info).toMatch(/^Title:\s+Xen Project hypervisor$/m);
  expect(info).toMatch(/^Creator:\s+vstack \d+\.\d+\.\d+$/m);
  expect(info).toMatch(/^Producer:\s+vstack \d+\.\d+\.\d+$/m);
  expect(info).not.toMatch(/vstack\.invalid|HeadlessChrome/);
});

describe("usage mistakes", () => {
  it("an invalid --background is a usage error; in a config, an error at its line", async () => {
    const dir = workspace({ "web.yaml": SPEC() });
    const flag = await runCli(["render", "web.yaml", "--background", "notacolour"], { cwd: dir });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--background "notacolour" is not a colour/);
    expect((await runCli(["render", "web.yaml", "-f", "mmd", "--background", "rgb(10 20 30 / 50%)"], { cwd: dir })).code).toBe(0);
    writeFileSync(join(dir, "vstack.config.yaml"), "inputs: [web.yaml]\nbackground: notacolour\n");
    const config = await runCli(["render"], { cwd: dir });
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/vstack\.config\.yaml:2:13: background: not a colour/);
  });

  it("a misspelt command or built-in id gets a suggestion, and nothing is written", async () => {
    const dir = tempDir();
    const command = await runCli(["rendr"], { cwd: dir });
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/unknown command "rendr"; did you mean "render"\?/);
    const id = await runCli(["render", "hyperv"], { cwd: dir });
    expect(id.code).toBe(1);
    expect(id.stderr).toMatch(/^hyperv: no such file or folder, and no built-in spec of that id; did you mean "hyper-v"\?/m);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("config lists may be comma-separated strings, as the flags take them; limits are said in vstack's words", async () => {
    const dir = workspace({ "web.yaml": SPEC(), "vstack.config.yaml": "inputs: web.yaml\nformats: mmd\nthemes: light, dark\n" });
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["manifest.json", "web.dark.mmd", "web.light.mmd"]);
    writeFileSync(join(dir, "vstack.config.yaml"), "jobs: 100\nformats: svg, gif\n");
    const bad = await runCli(["validate", "-c", "vstack.config.yaml"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/vstack\.config\.yaml:1:7: jobs: must be at most 64, got 100 \[too-big\]/);
    expect(bad.stderr).toMatch(/vstack\.config\.yaml:2:10: formats\[1\]: "gif" is not one of svg, png, mmd, pdf/);
  });
});

describe("docs folders", () => {
  it("a folder input skips YAML files that are not specs (mkdocs.yml) with a note; named, they are errors", async () => {
    const dir = workspace({ "mkdocs.yml": "site_name: Docs\nnav:\n  - Home: index.md\n", "web.yaml": SPEC(), "index.md": "# Home\n" });
    const r = await runCli(["render", ".", "-f", "mmd"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/skipped mkdocs\.yml \(not specs\)/);
    const named = await runCli(["validate", "mkdocs.yml"], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stderr).toMatch(/mkdocs\.yml:1:1: missing required key "id"/);
  });

  it("a dropped format's files are removed as orphans; a failing spec keeps its manifest entry", async () => {
    const dir = workspace({ "specs/web.yaml": SPEC(), "specs/db.yaml": SPEC("db"), "package.json": "{}" });
    expect((await runCli(["render", "specs", "-f", "mmd,svg", "-t", "light"], { cwd: dir })).code).toBe(0);
    const svgOnly = await runCli(["render", "specs", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(svgOnly.code, svgOnly.stderr).toBe(0);
    expect(svgOnly.stdout).toMatch(/removed 2 files that nothing makes any more: db\.light\.mmd web\.light\.mmd/);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["db.light.svg", "manifest.json", "web.light.svg"]);
    expect((await runCli(["render", "specs", "-f", "svg", "-t", "light", "--check"], { cwd: dir })).code).toBe(0);

    writeFileSync(join(dir, "specs/db.yaml"), SPEC("db").replace("kind: kernel", "kind: kernal"));
    const broken = await runCli(["render", "specs", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(broken.code).toBe(1);
    const manifest = JSON.parse(readFileSync(join(dir, "out/manifest.json"), "utf8"));
    expect(manifest.diagrams.map((d: { id: string }) => d.id).sort()).toEqual(["db", "web"]);
    expect(existsSync(join(dir, "out/db.light.svg"))).toBe(true);
  });

  it("one summary line: diagrams drawn, from cache and failed; files written, unchanged and removed", async () => {
    const dir = workspace({ "src/page.md": "```vstack\nuse: xen\n```\n", "package.json": "{}" });
    const first = await runCli(["render", "src", "-o", "out", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(first.stdout).toMatch(/^vstack: 1 diagram \(svg × light\): 1 drawn, 0 from cache, 0 failed; 3 files in out\/: 3 written, 0 unchanged, 0 removed; \d+\.\d s$/m);
    const again = await runCli(["render", "src", "-o", "out", "-f", "svg", "-t", "light", "--no-cache"], { cwd: dir });
    expect(again.stdout).toMatch(/^vstack: 1 diagram \(svg × light\): 1 drawn, 0 from cache, 0 failed; 3 files in out\/: 0 written, 3 unchanged, 0 removed;/m);
    const cached = await runCli(["render", "src", "-o", "out", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(cached.stdout).toMatch(/^vstack: 1 diagram \(svg × light\): 0 drawn, 1 from cache, 0 failed;/m);
  });

  it("page style markdown writes #only-light/#only-dark images whose paths resolve from the page, as MkDocs reads them", async () => {
    const dir = workspace({ "docs-src/guide/intro.md": "Intro\n\n```vstack\nuse: xen\n```\n", "package.json": "{}" });
    const r = await runCli(["render", "docs-src", "-o", "docs/img", "--markdown-out", "docs", "-f", "svg", "--page-style", "markdown"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const page = readFileSync(join(dir, "docs/guide/intro.md"), "utf8");
    const images = [...page.matchAll(/!\[((?:\\.|[^\]\\])*)\]\(([^)#]+)#(only-light|only-dark)\)/g)];
    expect(images.map((m) => m[3])).toEqual(["only-light", "only-dark"]);
    for (const m of images) {
      expect(m[1]).toMatch(/^Xen runs on the hardware/);
      expect(statSync(resolve(dirname(join(dir, "docs/guide/intro.md")), m[2]!)).isFile()).toBe(true);
    }
    expect(page).not.toContain("<picture>");
  });
});

describe("pages stay true to their sources (found by a new user trying the docs workflow)", () => {
  const CONFIG = "inputs: [docs-src]\nout: docs/img\nmarkdownOut: docs\nformats: [svg]\nthemes: [light]\n";

  it("a run that draws no pictures leaves the written pages alone", async () => {
    const dir = workspace({ "package.json": "{}", "vstack.config.yaml": CONFIG, "docs-src/index.md": "```vstack\nuse: xen\n```\n" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    const page = readFileSync(join(dir, "docs/index.md"), "utf8");
    const r = await runCli(["render", "-f", "mmd", "-o", join(dir, "elsewhere")], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, "docs/index.md"), "utf8")).toBe(page);
    expect((await runCli(["render", "--check"], { cwd: dir })).code).toBe(0);
  });

  it("a clash of fence names draws neither, so no page shows another page's picture", async () => {
    const dir = workspace({ "package.json": "{}", "vstack.config.yaml": CONFIG, "docs-src/index.md": "```mermaid\nflowchart LR\n  client --> server\n```\n" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    const before = hashes(join(dir, "docs"));
    mkdirSync(join(dir, "docs-src/guide"));
    writeFileSync(join(dir, "docs-src/guide/index.md"), "```mermaid\nflowchart LR\n  x --> y\n```\n");
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/diagram id "index-1" is already used by/);
    expect(hashes(join(dir, "docs"))).toEqual(before);
  });

  it("a deleted page's written page is removed, and --check says so first", async () => {
    const dir = workspace({ "package.json": "{}", "vstack.config.yaml": CONFIG, "docs-src/a.md": "```vstack\nuse: xen\n```\n", "docs-src/b.md": "```vstack\nuse: xen\nid: b-xen\n```\n" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    rmSync(join(dir, "docs-src/b.md"));
    const check = await runCli(["render", "--check"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^docs\/b\.md: made for a diagram that is gone/m);
    const r = await runCli(["render"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/removed 2 files that nothing makes any more: b-xen\.light\.svg docs\/b\.md/);
    expect(readdirSync(join(dir, "docs")).sort()).toEqual(["a.md", "img"]);
    expect((await runCli(["render", "--check"], { cwd: dir })).code).toBe(0);
  });

  it("a page rendered on its own lands where the whole build puts it, and the manifest keeps the others", async () => {
    const dir = workspace({ "package.json": "{}", "vstack.config.yaml": CONFIG, "docs-src/index.md": "```vstack\nuse: xen\n```\n", "docs-src/guide/setup.md": "```vstack\nuse: kvm-qemu\n```\n" });
    expect((await runCli(["render"], { cwd: dir })).code).toBe(0);
    const whole = hashes(dir);
    const one = await runCli(["render", "setup.md"], { cwd: join(dir, "docs-src/guide") });
    expect(one.code, one.stderr).toBe(0);
    expect(existsSync(join(dir, "docs/setup.md"))).toBe(false);
    expect(hashes(dir)).toEqual(whole);
  });

  it("Mermaid errors at the end of the text and with no diagram type still have a place", async () => {
    const dir = workspace({ "a.mmd": "flowchart LR\n  A[Client] --> B[Server\n", "b.mmd": "%% hello\nflowchrt LR\n  a --> b\n" });
    const r = await runCli(["render", "a.mmd", "b.mmd", "-f", "svg", "-t", "light"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^a\.mmd:2:25: a: Mermaid rejected the text/m);
    expect(r.stderr).toMatch(/^b\.mmd:2:1: b: Mermaid rejected the text: No diagram type detected matching given configuration; the first line must name one/m);
  });

  it("a use: path that is not there says that paths are relative to the page", async () => {
    const dir = workspace({ "package.json": "{}", "diagrams/x.yaml": SPEC(), "docs-src/guide/a.md": "```vstack\nuse: diagrams/x.yaml\n```\n" });
    const r = await runCli(["validate", "docs-src"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/docs-src\/guide\/a\.md:2:6: "diagrams\/x\.yaml" is not there: a path in a fence is relative to its page \(docs-src\/guide\/diagrams\/x\.yaml does not exist\)/);
  });
});

it("what was drawn from standard input is not taken for gone by the next run into the folder", async () => {
  const dir = workspace({ "a.yaml": SPEC("a") });
  expect((await runCli(["render", "-", "-f", "mmd", "-o", "out"], { cwd: dir, input: "flowchart LR\n  a --> b\n" })).code).toBe(0);
  const r = await runCli(["render", "a.yaml", "-f", "mmd", "-o", "out"], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).not.toMatch(/vstack: removed/);
  expect(readdirSync(join(dir, "out")).sort()).toEqual(["a.dark.mmd", "a.light.mmd", "manifest.json", "stdin.dark.mmd", "stdin.light.mmd"]);
});
