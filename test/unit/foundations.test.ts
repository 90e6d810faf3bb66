import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatCodeFrame } from "../../src/diagnostics.js";
import { isInside } from "../../src/paths.js";
import { PreviewServer } from "../../src/preview/server.js";
import { deepestPlace } from "../../src/spec/nesting.js";
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
