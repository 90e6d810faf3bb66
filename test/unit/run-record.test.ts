import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { tempDir } from "../support/paths.js";

const SPEC = (label: string) => `id: demo\ntitle: Demo\nsources: [https://example.com/]\nstack:\n  - { layer: Hardware, kind: hardware }\n  - { layer: "${label}", kind: os }\n`;

describe("the run record holds what the run read, as it was when read", () => {
  it("a spec saved while a build draws it is drawn again by the next run", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("First"));
    const options = { cwd: dir, inputs: ["demo.yaml"], formats: ["mmd" as const], themes: ["light" as const] };
    // Saved after the build read the spec, before it recorded the run: what watch and preview meet every day.
    const first = await build({ ...options, onDiagram: () => writeFileSync(join(dir, "demo.yaml"), SPEC("Second")) });
    expect(first.failures).toEqual([]);
    expect(readFileSync(join(dir, "out", "demo.light.mmd"), "utf8")).toContain("First");
    const second = await build(options);
    expect(second.diagrams.map((d) => d.written)).toEqual([1]);
    expect(readFileSync(join(dir, "out", "demo.light.mmd"), "utf8")).toContain("Second");
    // Now what is on disk is what was drawn: the next run has nothing to do.
    const third = await build(options);
    expect(third.diagrams.map((d) => d.written)).toEqual([0]);
    expect(third.read).toEqual([join(dir, "demo.yaml")]);
  });

  it("a spec a comparison names, saved mid-build, is drawn again too", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), SPEC("Alpha").replace("id: demo", "id: a"));
    writeFileSync(join(dir, "b.yaml"), SPEC("Beta").replace("id: demo", "id: b"));
    writeFileSync(join(dir, "both.yaml"), "id: both\ntitle: Both\ncompare: [./a.yaml, ./b.yaml]\n");
    const options = { cwd: dir, inputs: ["both.yaml"], formats: ["mmd" as const], themes: ["light" as const] };
    await build({ ...options, onDiagram: () => writeFileSync(join(dir, "b.yaml"), SPEC("Gamma").replace("id: demo", "id: b")) });
    expect(readFileSync(join(dir, "out", "both.light.mmd"), "utf8")).toContain("Beta");
    const second = await build(options);
    expect(second.diagrams.map((d) => d.written)).toEqual([1]);
    expect(readFileSync(join(dir, "out", "both.light.mmd"), "utf8")).toContain("Gamma");
  });
});

describe("a translated diagram's catalog is one of its inputs", () => {
  it("a catalog edited after a run redraws the diagram in that language; one not there yet is no obstacle to an up-to-date run", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "demo.yaml"), SPEC("Kernel"));
    const options = { cwd: dir, inputs: ["demo.yaml"], formats: ["mmd" as const], themes: ["light" as const], langs: ["de" as const] };
    const untranslated = await build(options);
    expect(untranslated.diagrams.map((d) => d.written)).toEqual([1]);
    expect((await build(options)).diagrams.map((d) => d.written)).toEqual([0]);
    mkdirSync(join(dir, "i18n"));
    const po = (kernel: string) => `msgid ""\nmsgstr ""\n"Language: de\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n\nmsgctxt "demo"\nmsgid "Kernel"\nmsgstr "${kernel}"\n`;
    writeFileSync(join(dir, "i18n", "de.po"), po("Kern eins"));
    await build(options);
    expect(readFileSync(join(dir, "out", "demo.de.light.mmd"), "utf8")).toContain("Kern eins");
    writeFileSync(join(dir, "i18n", "de.po"), po("Kern zwei"));
    const edited = await build(options);
    expect(edited.diagrams.map((d) => d.written)).toEqual([1]);
    expect(readFileSync(join(dir, "out", "demo.de.light.mmd"), "utf8")).toContain("Kern zwei");
  });
});
