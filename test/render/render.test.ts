import { execFileSync } from "node:child_process";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { emitMermaid } from "../../src/emit/emit.js";
import { TemplateSet } from "../../src/emit/templates.js";
import { describeSpec } from "../../src/layout/describe.js";
import { buildModel } from "../../src/layout/diagram.js";
import { BACKGROUND, THEMES, type Theme } from "../../src/kinds/palette.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec, loadSpecText } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { ROOT } from "../support/paths.js";
import { useRenderer } from "../support/renderer.js";
import { unsafeParts } from "../support/safety.js";
import { parseSvg, specLabels, squash, visibleText } from "../support/svg.js";
import { sampleBuiltinFiles } from "../support/samples.js";

const templates = new TemplateSet();
const renderer = useRenderer();
const SCALE = 2;

async function render(spec: Spec, theme: Theme, template = "block") {
  return renderer.get().render({
    mermaid: emitMermaid(spec, theme, templates, template),
    title: spec.title,
    description: describeSpec(spec),
    background: BACKGROUND[theme],
    pngScale: SCALE,
  });
}

/** The set of colours in a PNG, as #rrggbb. */
function colours(png: Buffer): Set<string> {
  const image = PNG.sync.read(png);
  const seen = new Set<string>();
  for (let i = 0; i < image.data.length; i += 4) {
    seen.add(`#${[0, 1, 2].map((k) => image.data[i + k]!.toString(16).padStart(2, "0")).join("")}`);
  }
  return seen;
}

function expectFaithful(spec: Spec, theme: Theme, out: Awaited<ReturnType<typeof render>>) {
  const doc = parseSvg(out.svg);
  const svg = doc.documentElement!;
  expect(svg.getAttribute("aria-roledescription")).not.toBe("error");
  expect(out.svg).not.toMatch(/Syntax error|Parse error/i);
  expect(unsafeParts(out.svg)).toEqual([]);
  // Accessibility: title and desc first, and pointed to.
  expect(svg.getElementsByTagName("title")[0]?.textContent).toBe(spec.title);
  expect(svg.getElementsByTagName("desc")[0]?.textContent).toBe(describeSpec(spec));
  expect(svg.getAttribute("aria-labelledby")).toBe("vstack-diagram-title");
  // Every label and detail line is there, as text.
  const text = visibleText(out.svg);
  for (const label of specLabels(spec)) expect(squash(text), `label "${label}"`).toContain(squash(label));
  // The PNG decodes, is the drawing's size at the scale, and shows every kind's colour.
  const png = PNG.sync.read(out.png!);
  expect(Math.abs(png.width - Math.ceil(out.width) * SCALE)).toBeLessThanOrEqual(SCALE);
  expect(Math.abs(png.height - Math.ceil(out.height) * SCALE)).toBeLessThanOrEqual(SCALE);
  const seen = colours(out.png!);
  for (const cls of buildModel(spec, theme).classes) if (cls.fill !== "transparent") expect(seen, `${cls.name} fill ${cls.fill}`).toContain(cls.fill);
  expect(seen).toContain(BACKGROUND[theme]);
}

describe("rendering every built-in spec in real Chromium (dark for a sample of every family; the committed gallery's check draws every one in both)", async () => {
  const samples = new Set(await sampleBuiltinFiles());
  for (const file of builtinFiles()) {
    const { spec } = await loadSpec(file);
    for (const theme of THEMES.filter((t) => t === "light" || samples.has(file))) {
      it(`${spec!.id} (${theme})`, async () => {
        expectFaithful(spec!, theme, await render(spec!, theme));
      });
    }
    it(`${spec!.id} as a flowchart`, async () => {
      const out = await render(spec!, "light", "flowchart");
      const text = visibleText(out.svg);
      for (const label of specLabels(spec!)) expect(squash(text)).toContain(squash(label));
    });
  }
});

describe("what the renderer guarantees", () => {
  const load = async (id: string) => (await loadSpec(builtinFiles().find((f) => f.endsWith(`${id}.yaml`))!)).spec!;

  it("gives byte-identical output for the same input, with nothing leaking between diagrams (A, B, A)", async () => {
    const a = await load("hyper-v");
    const b = await load("docker-desktop-windows");
    const first = await render(a, "light");
    const other = await render(b, "dark");
    const again = await render(a, "light");
    expect(again.svg).toBe(first.svg);
    expect(again.png!.equals(first.png!)).toBe(true);
    expect(other.svg).not.toBe(first.svg);
  });

  it("shows labels in any script, and hostile labels literally, with nothing executable in the SVG", async () => {
    const labels = ["虚拟机 🐳", "コンテナ", "Ядро Linux", "עברית RTL", 'say "hi" #1; 100%', "end", "<script>alert(1)</script>", "%%{init: {}}%%", "a --> b ::: c", "click x call alert()", "[x] (y) {z} |w|", "javascript:alert(1)"];
    const yaml = [
      "id: hostile",
      "title: Hostile <title> & \"quotes\"",
      "sources: [https://example.com/]",
      "stack:",
      ...labels.map((l) => `  - layer: ${JSON.stringify(l)}\n    kind: app\n    detail: ${JSON.stringify(`${l} detail`)}`),
    ].join("\n");
    const { spec, diagnostics } = await loadSpecText("hostile.yaml", yaml, ROOT);
    expect(diagnostics).toEqual([]);
    const out = await render(spec!, "light");
    const text = visibleText(out.svg);
    for (const l of labels) expect(text).toContain(l);
    const doc = parseSvg(out.svg);
    expect(doc.getElementsByTagName("script").length).toBe(0);
    expect(out.svg).not.toMatch(/\son[a-z]+\s*=/i);
    expect(out.svg).not.toMatch(/href\s*=\s*"javascript:/i);
  });

  it("has fonts for CJK and emoji on this machine, so such labels never render as boxes", () => {
    // 中 (U+4E2D) and 🐳 (U+1F433): fontconfig must know a face for each (README set-up installs Noto).
    expect(execFileSync("fc-list", [":charset=4e2d", "family"], { encoding: "utf8" })).toMatch(/Noto Sans CJK/);
    expect(execFileSync("fc-list", [":charset=1f433", "family"], { encoding: "utf8" })).toMatch(/Noto Color Emoji/);
  });

  it("rejects Mermaid text that does not parse with a MermaidSyntaxError, and keeps working", async () => {
    await expect(renderer.get().render({ mermaid: "block-beta\n  a[\"unclosed\n", title: "t", description: "d", background: "white" })).rejects.toThrow(/Parse error|Lexical error|Expecting/);
    const ok = await render(await load("xen"), "light");
    expect(ok.svg).toContain("dom0");
  });
});
