import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCodeFrame } from "../../src/diagnostics.js";
import { fromMarkdown } from "mdast-util-from-markdown";
import { findFences } from "../../src/diagrams/fences.js";
import { mermaidErrorPlace } from "../../src/diagrams/mermaid-place.js";
import { rewrittenMarkdown } from "../../src/output/markdown-out.js";
import { absolutePath, displayPath, isInside } from "../../src/paths.js";
import { parseSource } from "../../src/source/yaml-source.js";
import { loadSpecText } from "../../src/spec-format/load-spec.js";
import { PreviewServer } from "../../src/preview/server.js";
import { deepestPlace } from "../../src/source/nesting.js";
import { TemplateError, TemplateSet } from "../../src/emit/templates.js";
import { tempDir } from "../support/paths.js";

describe("code frames", () => {
  it("centre a long line's window on the column, caret under the character", () => {
    const line = `b: ${"x".repeat(300)}BAD${"y".repeat(100)}`;
    const frame = formatCodeFrame(`a: 1\n${line}\nc: 3\n`, 2, line.indexOf("BAD") + 1).split("\n");
    const shown = frame[1]!;
    const caret = frame[2]!;
    expect(shown.startsWith("> 2 | …")).toBe(true);
    expect(shown.endsWith("…")).toBe(true);
    expect(shown.length).toBeLessThan(180);
    expect(shown[caret.indexOf("^")]).toBe("B");
    // Short lines around it are shown as far as the window reaches (here: not at all).
    expect(frame[0]).toBe("  1 |");
  });

  it("show a short line whole", () => {
    expect(formatCodeFrame("a: 1\nb: bad\n", 2, 4)).toBe("  1 | a: 1\n> 2 | b: bad\n    |    ^\n  3 |");
  });
});

describe("nesting is measured before parsing", () => {
  it("counts flow brackets and block levels, not brackets in quotes or comments, nor apostrophes in plain text", () => {
    expect(deepestPlace("a: [[[1]]]\n", 3)).toMatchObject({ depth: 4 });
    expect(deepestPlace("a: [[[1]]]\n", 4)).toBeUndefined();
    expect(deepestPlace(`a: "[[[[[["\nb: '{{{{{'\n# [[[[[[\n`, 2)).toBeUndefined();
    expect(deepestPlace("a: Docker's [engine]\nb: it's [x]\n", 2)).toBeUndefined();
    expect(deepestPlace("a:\n  b:\n    c:\n      - - d: 1\n", 4)).toMatchObject({ depth: 6, offset: 15 });
  });
});

it("isInside compares whole path segments", () => {
  expect(isInside("/a/b/c", "/a/b")).toBe(true);
  expect(isInside("/a/b", "/a/b")).toBe(true);
  expect(isInside("/a/bc", "/a/b")).toBe(false);
  expect(isInside("/a/b/../c", "/a/b")).toBe(false);
});

it("preview answers a malformed address with 400 and keeps serving", async () => {
  const dir = tempDir();
  mkdirSync(join(dir, "out"));
  writeFileSync(join(dir, "out", "a.svg"), "<svg/>");
  const server = new PreviewServer(join(dir, "out"));
  const url = await server.listen(0);
  try {
    expect((await fetch(`${url}%E0%A4%A`)).status).toBe(400);
    expect((await fetch(`${url}a.svg`)).status).toBe(200);
    expect((await fetch(url)).status).toBe(200);
  } finally {
    await server.close();
  }
});

describe("template problems are diagnostics at their place", () => {
  it("a syntax error, a missing partial (with a suggestion) and an unknown template name", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "partials"));
    writeFileSync(join(dir, "broken.mmd.hbs"), "block-beta\n{{#each rows}}\n  {{text}\n{{/each}}\n");
    writeFileSync(join(dir, "partial.mmd.hbs"), "block-beta\n  {{> flow-iten}}\n");
    const templates = new TemplateSet(dir);
    const [syntax] = templates.problems("broken", dir);
    expect(syntax).toMatchObject({ code: "template-syntax", file: "broken.mmd.hbs", line: 3 });
    expect(syntax!.message).toMatch(/^the template does not parse: Expecting/);
    expect(templates.problems("partial", dir)).toEqual([
      expect.objectContaining({ code: "template-partial", file: "partial.mmd.hbs", line: 2, col: 3, message: expect.stringMatching(/no partial "flow-iten"; did you mean "flow-item"\?/) }),
    ]);
    expect(templates.problems("blok", dir)[0]).toMatchObject({ code: "unknown-template", message: expect.stringMatching(/did you mean "block"\?/) });
    expect(templates.problems("block", dir)).toEqual([]);
    expect(() => templates.emit("broken", {} as never)).toThrow(TemplateError);
  });
});

describe("found in review (each failed before its fix)", () => {
  it("an alias to no anchor is an error at its place, not a crash", async () => {
    const { diagnostics } = await loadSpecText("s.yaml", "id: s\ntitle: *t\nsources: [https://example.com/]\nstack: []\n", tempDir());
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]!.message).not.toMatch(/internal/);
  });

  it("a project folder called vstack/ is the project's, not vstack's own", () => {
    const cwd = "/srv/site";
    expect(absolutePath(displayPath("/srv/site/vstack/b.yaml", cwd), cwd)).toBe("/srv/site/vstack/b.yaml");
  });

  it("Mermaid's line past a directive over several lines is the user's line", () => {
    expect(mermaidErrorPlace("Parse error on line 2:\n...A-->\n-----^\nExpecting 'X'", "%%{init: {\n 'theme':'dark'\n}}%%\nflowchart LR\n  A-->\n")).toMatchObject({ line: 5 });
  });

  it("quotes and brackets inside plain text do not hide a deep nesting from the scanner", () => {
    const deep = `id: x\ntitle: a-'b and a [bracket\ny: ${"[".repeat(300)}1${"]".repeat(300)}\nz: c'\n`;
    expect(deepestPlace(deep, 128)).toBeDefined();
    expect(deepestPlace(`${"? ".repeat(300)}a\n`, 128)).toBeDefined();
  });

  it("a tab inside a block of text is not the tab reported; the one used as indentation is", () => {
    const { diagnostics } = parseSource("s.yaml", "id: s\nsummary: |\n  a\n  \tb\nstack:\n\t- layer: A\n");
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml-tab", 6]]);
  });

  it("a fence in a tab-indented list item, and one its item ends unclosed, keep the list", () => {
    for (const page of ["- one:\n\n\t```mermaid\n\tflowchart LR\n\t```\n- two\n", "- a\n  ```mermaid\n  flowchart LR\n- b\n"]) {
      const pictures = findFences(page).map((f) => ({ start: f.start, end: f.end, snippet: "<img src=\"x.svg\">" }));
      const written = rewrittenMarkdown(page, pictures);
      const lists = fromMarkdown(written).children.filter((n) => n.type === "list") as Array<{ children: unknown[] }>;
      expect(lists, written).toHaveLength(1);
      expect(lists[0]!.children, written).toHaveLength(2);
      expect(written.endsWith("\n")).toBe(true);
    }
  });
});
