import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";

const HEAD = "id: big\ntitle: Big\nsources: [https://example.com/]\n";
const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("");

/** `vstack validate` of one file as a real process: its exit code, the problems it printed (file:line:col code) and how long it took. */
async function validate(name: string, text: string) {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  const started = performance.now();
  const r = await runCli(["validate", name], { cwd: dir });
  const problems = [...r.stderr.matchAll(/^(\S+):(\d+):(\d+): (.*) \[([a-z-]+)\]$/gm)].map((m) => ({ where: `${m[1]}:${m[2]}:${m[3]}`, message: m[4]!, code: m[5]! }));
  return { ...r, problems, ms: performance.now() - started };
}

describe("a spec of 30,000 entries is refused at once, its problems counted and placed", () => {
  // Each shape made one check (or the printing of its problems) quadratic: the yaml parser's
  // duplicate-key check, positions found by key, a code frame that split the whole file each time.
  // A generous bound: quadratic work took from half a minute to several minutes here.
  const BOUND_MS = 20_000;

  it("30,000 layers (920 KB): refused by size before parsing, at the line where the limit falls", async () => {
    const text = `${HEAD}stack:\n${lines(30_000, (i) => `  - { layer: L${i}, kind: os }\n`)}`;
    const r = await validate("big.yaml", text);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(1);
    const limitLine = text.slice(0, 512 * 1024).split("\n").length;
    expect(r.problems[0]).toMatchObject({ where: `big.yaml:${limitLine}:${512 * 1024 - text.lastIndexOf("\n", 512 * 1024 - 1)}`, code: "file-too-large" });
    expect(r.problems[0]!.message).toMatch(/^the file is 9\d\d KB; a spec, config or Mermaid file may be at most 512 KB, a limit this line passes: split it/);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it("30,000 boxes made by repeats: refused at the entry that passes 2,000, with the number it draws", async () => {
    const text = `${HEAD}stack:\n  - units:\n${lines(469, (i) => `      - { unit: U${i}, kind: vm, repeat: 64 }\n`)}`;
    const r = await validate("big.yaml", text);
    expect(r.code).toBe(1);
    // Unit 31 holds boxes 1,985 to 2,048: the 2,001st.
    expect(r.problems).toEqual([{ where: "big.yaml:37:9", code: "too-large", message: expect.stringMatching(/^stack\[0\]\.units\[31\]: the stack draws 30,016 boxes once repeats are expanded; a diagram may have at most 2,000, a limit this entry passes: split it/) }]);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it("30,000 sources that are not URLs: the first 100 problems, then how many more", async () => {
    const text = `id: big\ntitle: Big\nstack: [{ layer: L, kind: os }]\nsources:\n${lines(30_000, (i) => `  - x${i}\n`)}`;
    const r = await validate("big.yaml", text);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(101);
    expect(r.problems[0]).toMatchObject({ where: "big.yaml:5:5", code: "invalid-format" });
    expect(r.problems[100]).toMatchObject({ where: "big.yaml:105:5", code: "more-problems", message: "29,900 more problems from here on are not shown; fix these 100 and run again" });
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it("30,000 declared kinds: refused at the first past the limit", async () => {
    const text = `${HEAD}kinds:\n${lines(30_000, (i) => `  k${i}: {}\n`)}stack: [{ layer: L, kind: os }]\n`;
    const r = await validate("big.yaml", text);
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([{ where: "big.yaml:105:3", code: "too-many-kinds", message: expect.stringMatching(/^kinds\.k100: the spec declares 30,000 kinds; a spec may declare at most 100/) }]);
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it("30,000 repeated keys: each one found, linearly, and the first 100 shown", async () => {
    const text = `${HEAD}stack: [{ layer: L, kind: os }]\nfacts:\n${lines(30_000, () => "  kernel: 1\n")}`;
    const r = await validate("big.yaml", text);
    expect(r.code).toBe(1);
    expect(r.problems).toHaveLength(101);
    expect(r.problems[0]).toMatchObject({ where: "big.yaml:7:3", code: "duplicate-key" });
    expect(r.problems[100]).toMatchObject({ code: "more-problems", message: expect.stringMatching(/^29,899 more problems/) });
    expect(r.ms).toBeLessThan(BOUND_MS);
  });
});

describe("limits a small file can reach", () => {
  it("repeats inside repeats multiply: 64 × 64 × 64 copies are counted as the half million boxes they draw", async () => {
    const unit = (name: string, inner: string) => `[{ units: [{ unit: ${name}, kind: vm, repeat: 64, stack: ${inner} }] }]`;
    const r = await validate("bomb.yaml", `${HEAD}stack: ${unit("A", unit("B", unit("C", "[{ layer: L, kind: os }]")))}\n`);
    expect(r.code).toBe(1);
    // A: 64, B: 64², C and its layer: 64³ each; B's copies pass the limit.
    expect(r.problems).toEqual([{ where: expect.stringMatching(/^bomb\.yaml:4:\d+$/), code: "too-large", message: expect.stringMatching(/^stack\[0\]\.units\[0\]\.stack\[0\]\.units\[0\]: the stack draws 528,448 boxes once repeats are expanded; a diagram may have at most 2,000/) }]);
  });

  it("more than 200 links: refused at the 201st", async () => {
    const text = `${HEAD}stack:\n  - { layer: A, kind: os, id: a }\n  - { layer: B, kind: os, id: b }\nlinks:\n${lines(3000, (i) => `  - { from: a, to: b, label: "l${i}" }\n`)}`;
    const r = await validate("links.yaml", text);
    expect(r.code).toBe(1);
    expect(r.problems).toEqual([{ where: "links.yaml:208:5", code: "too-many-links", message: expect.stringMatching(/^links\[200\]: the spec has 3,000 links; a diagram may have at most 200 arrows/) }]);
  });

  it("a comparison names at most 12 specs, and draws at most 2,000 boxes in all", async () => {
    const many = await validate("many.yaml", `id: many\ntitle: Many\ncompare: [${Array.from({ length: 40 }, () => "xen").join(", ")}]\n`);
    expect(many.problems.map((p) => `${p.where} ${p.code}`)).toEqual([expect.stringMatching(/^many\.yaml:3:\d+ too-many-specs$/)]);
    expect(many.problems[0]!.message).toMatch(/^compare\[12\]: the comparison names 40 specs; at most 12 can stand side by side/);
    const dir = tempDir();
    writeFileSync(join(dir, "half.yaml"), `${HEAD}stack:\n  - units:\n${lines(19, (i) => `      - { unit: U${i}, kind: vm, repeat: 64 }\n`)}`);
    writeFileSync(join(dir, "both.yaml"), "id: both\ntitle: Both\ncompare:\n  - ./half.yaml\n  - ./half.yaml\n");
    const r = await runCli(["validate", "half.yaml", "both.yaml"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^both\.yaml:5:5: compare\[1\]: with this spec the comparison draws 2,432 boxes; a diagram may have at most 2,000: compare fewer or smaller specs \[too-large\]$/m);
    expect(r.stdout).toMatch(/1 diagram valid, 1 invalid/);
  });

  it("a 19 MB spec and a 5 MB Markdown page are refused unread", async () => {
    const spec = await validate("huge.yaml", `${HEAD}stack:\n${"  - { layer: L, kind: os }\n".repeat(19 * 1024 * 1024 / 27)}`);
    expect(spec.problems.map((p) => p.code)).toEqual(["file-too-large"]);
    expect(spec.problems[0]!.message).toMatch(/^the file is 19\.0 MB; a spec, config or Mermaid file may be at most 512 KB/);
    const page = await validate("page.md", `# Notes\n\n${"Some prose that goes on and on.\n".repeat(5 * 1024 * 1024 / 32)}`);
    expect(page.problems.map((p) => p.code)).toEqual(["file-too-large"]);
    expect(page.problems[0]!.message).toMatch(/^the file is 5\.0 MB; a Markdown page may be at most 1 MB/);
  });
});
