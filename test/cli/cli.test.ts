import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { builtinIds } from "../../src/spec-format/builtins.js";
import { runCli } from "../support/cli.js";
import { sampleBuiltinFiles } from "../support/samples.js";
import { ROOT, tempDir } from "../support/paths.js";

const GOOD = `id: my-stack
title: My stack
sources: [https://example.com/]
stack:
  - { layer: Hardware, kind: hardware }
  - { layer: Linux, kind: kernel }
  - units:
      - { unit: "Container {n}", kind: container, repeat: 2 }
`;
const BAD = `id: broken
title: Broken
sources: [https://example.com/]
stack:
  - layer: Hardware
    kind: hardwre
`;

function workspace(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe("vstack CLI", () => {
  it("prints help with examples, and exits 2 on bad usage", async () => {
    const help = await runCli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/render \[inputs\.\.\]/);
    expect(help.stdout).toMatch(/validate/);
    const renderHelp = await runCli(["render", "--help"]);
    expect(renderHelp.code).toBe(0);
    expect(renderHelp.stdout).toMatch(/Examples:/);
    expect(renderHelp.stdout).toMatch(/--background/);
    for (const args of [[], ["frobnicate"], ["render", "--format", "gif"], ["render", "--scale", "0"], ["render", "--no-such-flag"], ["render", "--preset", "slides"], ["init"]]) {
      const r = await runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^vstack: /);
      expect(r.stderr.trim().split("\n").at(-1)).toBe('Run "vstack --help" for usage.'); // the command itself never ran
    }
  });

  it("lists the built-in specs by family with tags, and --search filters them", async () => {
    const r = await runCli(["list"]);
    expect(r.code).toBe(0);
    for (const id of builtinIds()) expect(r.stdout).toContain(id);
    const headings = r.stdout.split("\n").filter((l) => l.endsWith(":"));
    expect(headings).toEqual(["Hypervisors and virtual machines:", "Containers on Linux:", "Sandboxes and micro-VMs:", "Kubernetes:", "Windows:", "Containers on the desktop (macOS, Windows, Linux):", "Techniques:", "Comparisons:"]);
    expect(r.stdout).toMatch(/^ {2}gvisor +gVisor \(runsc\) +\[gvisor, runsc, /m);
    const kvm = await runCli(["list", "--search", "kvm"]);
    const ids = kvm.stdout.split("\n").flatMap((l) => /^ {2}(\S+)/.exec(l)?.[1] ?? []);
    expect(ids).toContain("kvm-qemu");
    expect(ids).toContain("proxmox-ve");
    expect(ids).not.toContain("wsl2");
    const none = await runCli(["list", "--search", "no-such-thing"]);
    expect(none.stdout).toContain('no built-in spec matches "no-such-thing"');
  });

  it("show draws a stack in the terminal: the golden drawing, colours as NO_COLOR / FORCE_COLOR say, COLUMNS for the width", async () => {
    const golden = readFileSync(join(ROOT, "test", "golden", "text", "docker-engine-linux.txt"), "utf8");
    const plain = await runCli(["show", "docker-engine-linux", "-w", "100"], { env: { NO_COLOR: "1", FORCE_COLOR: undefined } });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe(golden);
    const forced = await runCli(["show", "docker-engine-linux", "-w", "100"], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toContain("\x1b[48;2;");
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, "")).toBe(golden);
    const narrow = await runCli(["show", "xen", "--no-color"], { env: { COLUMNS: "64" } });
    expect(Math.max(...narrow.stdout.split("\n").slice(0, 10).map((l) => [...l].length))).toBeLessThanOrEqual(64);
    const typo = await runCli(["show", "dokcer-engine-linux"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "docker-engine-linux"?');
    // The same drawings as render outputs (100 columns), without a browser: txt plain, ansi in each theme's colours.
    const dir = tempDir();
    const files = await runCli(["render", "docker-engine-linux", "-f", "txt,ansi", "-o", dir, "--chromium", "/nonexistent/chromium"]);
    expect(files.code, files.stderr).toBe(0);
    expect(readFileSync(join(dir, "docker-engine-linux.light.txt"), "utf8")).toBe(golden);
    const dark = readFileSync(join(dir, "docker-engine-linux.dark.ansi"), "utf8");
    expect(dark).toContain("\x1b[48;2;");
    expect(dark.replace(/\x1b\[[0-9;]*m/g, "")).toBe(golden);
    writeFileSync(join(dir, "a.mmd"), "flowchart LR\n  a --> b\n");
    const raw = await runCli(["render", join(dir, "a.mmd"), "-o", join(dir, "a.txt")]);
    expect(raw.code).toBe(1);
    expect(raw.stderr).toContain("a has no txt drawing: txt and ansi are drawn from specs");
  });

  it("prints a sourced comparison table of facts (Markdown, HTML), and says what to do when none or an unknown spec is named", async () => {
    const md = await runCli(["table", "vm-vs-container"]);
    expect(md.code).toBe(0);
    expect(md.stdout).toBe(readFileSync(join(ROOT, "test", "golden", "tables", "vm-vs-container.md"), "utf8"));
    const html = await runCli(["table", "gvisor", "kata-containers", "firecracker", "--format", "html"]);
    expect(html.stdout).toBe(readFileSync(join(ROOT, "test", "golden", "tables", "sandboxes.html"), "utf8"));
    const none = await runCli(["table", "xen"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('vstack: xen state no facts; add facts: to the specs (see README, "Facts and tables")');
    const typo = await runCli(["table", "gvsor"]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('"gvsor" is neither a built-in id (see `vstack list`) nor a path to a spec file; did you mean "gvisor"?');
  });

  it("validates: built-ins pass; a mistake is reported at file:line:col with a code frame and exit 1", async () => {
    expect((await runCli(["validate"])).code).toBe(0);
    const dir = workspace({ "bad.yaml": BAD });
    const r = await runCli(["validate", "bad.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.yaml:6:11: stack[0].kind: unknown kind "hardwre"; did you mean "hardware"?');
    expect(r.stderr).toContain("> 6 |     kind: hardwre\n    |           ^");
    expect(r.stdout).toContain("0 diagrams valid, 1 invalid");
  });

  it("prints warnings for declared colours that read badly, at their place, and still succeeds (text and JSON)", async () => {
    const low = GOOD.replace("stack:", 'kinds:\n  faded: { light: { fill: "#eeeeee", text: "#cccccc" }, dark: { fill: "#222222" } }\nstack:').replace("kind: kernel", "kind: faded");
    const dir = workspace({ "low.yaml": low });
    const text = await runCli(["validate", "low.yaml"], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stderr).toMatch(/low\.yaml:5:44: warning: kinds\.faded\.light\.text: "faded"'s label \(#cccccc\) on its light fill \(#eeeeee\) has contrast 1\.\d:1; WCAG AA asks 4\.5:1/);
    expect(text.stdout).toContain("1 diagram valid, 0 invalid (0 problems, 2 warnings)");
    const rendered = await runCli(["render", "low.yaml", "-f", "mmd", "--reporter", "json"], { cwd: dir });
    expect(rendered.code).toBe(0);
    const summary = JSON.parse(rendered.stdout);
    expect(summary.ok).toBe(true);
    expect(summary.warnings.map((w: { code: string; line: number }) => `${w.line} ${w.code}`)).toEqual(["5 close-colour", "5 low-contrast"]);
    expect(readdirSync(join(dir, "out")).sort()).toContain("my-stack.light.mmd");
  });

  it("takes kinds of your own from the config for every spec; a spec's own declaration wins; a bad one is an error at its place", async () => {
    const config = 'inputs: [a.yaml, b.yaml]\nformats: [mmd]\nthemes: [light]\nkinds:\n  pod: { like: container, label: pod }\n  tpm: { light: { fill: "#ff7934" }, dark: { fill: "#16008f" } }\n';
    const a = GOOD.replace("kind: kernel", "kind: tpm").replace("kind: container", "kind: pod");
    const b = GOOD.replace("id: my-stack", "id: b").replace("stack:", 'kinds:\n  tpm: { like: hardware, label: TPM chip }\nstack:').replace("kind: kernel", "kind: tpm");
    const dir = workspace({ "vstack.config.yaml": config, "a.yaml": a, "b.yaml": b });
    const r = await runCli(["render"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const mmd = readFileSync(join(dir, "out", "my-stack.light.mmd"), "utf8");
    expect(mmd).toMatch(/classDef tpm fill:#ff7934,stroke:#[0-9a-f]{6},color:#1b1f24,stroke-width:1px/);
    expect(mmd).toMatch(/classDef pod fill:#b1d2af,stroke:#3c6b3b,color:#1b1f24,stroke-width:2px,stroke-dasharray:7 4/);
    expect(readFileSync(join(dir, "out", "b.light.mmd"), "utf8")).toMatch(/classDef tpm fill:#f0f2f4,stroke:#5b5e60/);
    writeFileSync(join(dir, "vstack.config.yaml"), config.replace("label: pod", "lable: pod"));
    const bad = await runCli(["validate"], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('vstack.config.yaml:5:27: kinds.pod.lable: unknown key "lable"; did you mean "label"? [unknown-key]');
  });

  it("renders the good specs of a run, skips the bad one, and leaves no partial file", async () => {
    const dir = workspace({ "good.yaml": GOOD, "bad.yaml": BAD });
    const r = await runCli(["render", ".", "--out", "out"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.yaml:6:11");
    expect(r.stdout).toMatch(/vstack: 2 diagrams \(svg, png, mmd × light, dark\): 1 drawn, 0 from cache, 1 failed/);
    const files = readdirSync(join(dir, "out")).sort();
    expect(files).toEqual([...["light", "dark"].flatMap((t) => ["mmd", "png", "svg"].map((e) => `my-stack.${t}.${e}`)), "manifest.json"].sort());
    expect(readFileSync(join(dir, "out", "my-stack.light.svg"), "utf8")).toContain("Container 2");
  });

  it("theme auto writes one SVG for both themes beside the others; asked of a PNG it is a usage error", async () => {
    const dir = workspace({ "good.yaml": GOOD });
    const r = await runCli(["render", "good.yaml", "-o", "out", "-f", "svg,png", "-t", "light,auto"], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["manifest.json", "my-stack.auto.svg", "my-stack.light.png", "my-stack.light.svg"]);
    // The summary says what was made: the PNG in light only.
    expect(r.stdout).toMatch(/\(svg, png × light; svg × auto\)/);
    const auto = readFileSync(join(dir, "out", "my-stack.auto.svg"), "utf8");
    expect(auto).toContain("@media (prefers-color-scheme: dark)");
    const manifest = JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8")) as { diagrams: Array<{ outputs: Array<{ file: string; theme: string }>; embed: string }> };
    expect(manifest.diagrams[0]!.outputs.find((o) => o.file === "my-stack.auto.svg")?.theme).toBe("auto");
    for (const args of [["-f", "png", "-t", "auto", "-o", "out2"], ["-t", "auto", "-o", "x.png"]]) {
      const bad = await runCli(["render", "good.yaml", ...args], { cwd: dir });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/auto .*(SVG|svg)/);
    }
  });

  it("exits 1 with one clear line when Chromium is missing, writing nothing", async () => {
    const dir = workspace({ "good.yaml": GOOD });
    const r = await runCli(["render", "good.yaml", "-o", "out"], { cwd: dir, env: { VSTACK_CHROMIUM: "/nonexistent/chromium" } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/Chromium not found at \/nonexistent\/chromium .*apt-get install chromium/);
    expect(() => readdirSync(join(dir, "out"))).toThrow();
  });

  it("with no browser named and none installed where it looks, the one line says every place it looked", async () => {
    const dir = workspace({ "good.yaml": GOOD });
    // PATH: a folder with no browser in it (node itself is started by its full path).
    const r = await runCli(["render", "good.yaml", "-o", "out"], { cwd: dir, env: { PATH: dir, VSTACK_CHROMIUM: "", PUPPETEER_EXECUTABLE_PATH: "" } });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`chromium, chromium-browser, google-chrome-stable, google-chrome, chrome, microsoft-edge-stable, microsoft-edge, msedge on PATH (${dir})`);
    // Chrome's channels where its installers put them (puppeteer's list), then Chromium's and Edge's places.
    for (const place of ["/opt/google/chrome/chrome", "/opt/google/chrome-beta/chrome", "/opt/google/chrome-canary/chrome", "/snap/bin/chromium", "/opt/microsoft/msedge/msedge"]) expect(r.stderr).toContain(place);
    expect(r.stderr).toMatch(/apt-get install chromium/);
    expect(() => readdirSync(join(dir, "out"))).toThrow();
  });

  it("writes only Mermaid text without a browser, through a user's own templates", async () => {
    const dir = workspace({ "good.yaml": GOOD });
    mkdirSync(join(dir, "tpl"));
    writeFileSync(join(dir, "tpl", "outline.mmd.hbs"), "flowchart TB\n%% {{title}}\n{{#each rows}}{{#each cells}}{{#unless space}}  {{nodeId}}[\"{{text}}\"]\n{{/unless}}{{/each}}{{/each}}");
    const r = await runCli(["render", "good.yaml", "-o", "out", "-f", "mmd", "-t", "light", "--templates", "tpl", "--template", "outline"], { cwd: dir, env: { VSTACK_CHROMIUM: "/nonexistent" } });
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(["manifest.json", "my-stack.light.mmd"]);
    expect(readFileSync(join(dir, "out", "my-stack.light.mmd"), "utf8")).toBe(
      'flowchart TB\n%% My stack\n  e2u0["<b>Container 1</b>"]\n  e2u1["<b>Container 2</b>"]\n  e1["<b>Linux</b>"]\n  e0["<b>Hardware</b>"]\n',
    );
    const missing = await runCli(["render", "good.yaml", "-f", "mmd", "--template", "nope"], { cwd: dir });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no template "nope" \(templates: block, flowchart\) \[unknown-template\]/);
  });

  it("draws on a transparent background when asked", async () => {
    const dir = workspace({ "good.yaml": GOOD });
    const r = await runCli(["render", "good.yaml", "-o", "out", "-f", "png", "-t", "dark", "--background", "transparent", "--scale", "1"], { cwd: dir });
    expect(r.code).toBe(0);
    const png = PNG.sync.read(readFileSync(join(dir, "out", "my-stack.dark.png")));
    expect(png.data[3]).toBe(0); // the top-left corner is outside every box
  });

  // The whole gallery is drawn (and checked against out/) by docs-build.test's committed-gallery
  // check; here a sample of every family and a table, drawn from scratch, give out/'s bytes.
  it("draws the built-in gallery's diagrams again from scratch with the same bytes as the committed gallery", async () => {
    const samples = [...(await sampleBuiltinFiles()).map((f) => f.replace(/.*\//, "").replace(/\.yaml$/, "")), "vm-vs-container-table"];
    const again = tempDir();
    const run = await runCli(["render", ...samples, "-o", again, "--no-cache"]);
    expect(run.code, run.stderr).toBe(0);
    const drawn = readdirSync(again).filter((f) => /\.(svg|png|mmd)$/.test(f));
    expect(drawn.length).toBeGreaterThan(samples.length * 4);
    for (const f of drawn) expect(readFileSync(join(again, f)).equals(readFileSync(join(ROOT, "out", f))), f).toBe(true);
  });
});
