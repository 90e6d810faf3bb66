import { describe, expect, it } from "vitest";
import { loadSpecText } from "../../src/spec-format/load-spec.js";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { ROOT, tempDir } from "../support/paths.js";

const load = (text: string) => loadSpecText("t.yaml", text, ROOT);
const codes = async (text: string) => (await load(text)).diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`);

const HEAD = "id: t\ntitle: T\nsources: [https://example.com/]\n";

describe("validation", () => {
  it("accepts a minimal spec and expands repeats with {n}", async () => {
    const { spec, diagnostics } = await load(`${HEAD}stack:\n  - { layer: HW, kind: hardware }\n  - units:\n      - { unit: "VM {n}", kind: vm, repeat: 2, id: vm, stack: [{ layer: "App {n}", kind: app }] }\n`);
    expect(diagnostics).toEqual([]);
    expect(spec?.type).toBe("stack");
    if (spec?.type !== "stack") return;
    const group = spec.stack[1];
    expect(group?.type).toBe("units");
    if (group?.type !== "units") return;
    expect(group.units.map((u) => [u.label, u.id, u.stack[0]?.type === "layer" && u.stack[0].label])).toEqual([
      ["VM 1", "vm-1", "App 1"],
      ["VM 2", "vm-2", "App 2"],
    ]);
  });

  it("accepts JSON as well as YAML", async () => {
    const { spec } = await load(JSON.stringify({ id: "j", title: "J", sources: ["https://example.com/"], stack: [{ layer: "HW", kind: "hardware" }] }));
    expect(spec?.id).toBe("j");
  });

  it("reports every problem at once, each at its line and column", async () => {
    const text = `${HEAD}stack:\n  - layer: HW\n    kind: hardwre\n  - layr: OS\n    kind: os\n  - layer: App {n}\n    kind: app\n`;
    expect(await codes(text)).toEqual(["6:11 unknown-kind", "7:5 missing-key", "7:5 unknown-key", "9:12 n-without-repeat"]);
  });

  it("suggests the closest key or kind", async () => {
    const { diagnostics } = await load(`${HEAD}stak: []\n`);
    expect(diagnostics.map((d) => d.message)).toContain('unknown key "stak"; did you mean "stack"?');
    const kind = await load(`${HEAD}stack:\n  - { layer: X, kind: contaner }\n`);
    expect(kind.diagnostics[0]?.message).toMatch(/did you mean "container"/);
  });

  it("finds duplicate ids across nesting", async () => {
    const text = `${HEAD}stack:\n  - { layer: A, kind: os, id: a }\n  - units:\n      - { unit: U, kind: vm, stack: [{ layer: B, kind: os, id: a }] }\n`;
    const { diagnostics } = await load(text);
    expect(diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([["duplicate-id", 7, 'duplicate id "a", first used at stack[0].id']]);
  });

  it("rejects a file that is not a mapping, and YAML syntax errors, with positions", async () => {
    expect(await codes("- a\n- b\n")).toEqual(["1:1 not-a-spec"]);
    expect(await codes("")).toEqual(["1:1 not-a-spec"]);
    expect(await codes("id: x\ntitle: [oops\n")).toEqual(["2:8 yaml-unclosed-bracket"]);
    expect(await codes("id: a\nid: b\n")).toEqual(["2:1 duplicate-key"]);
  });

  it("resolves a comparison's built-in references and rejects unknown ones with a suggestion", async () => {
    const ok = await load("id: c\ntitle: C\ncompare: [type-1-hypervisor, linux-containers]\n");
    expect(ok.spec?.type).toBe("compare");
    expect(ok.spec?.sources.length).toBeGreaterThan(2);
    const bad = await load("id: c\ntitle: C\ncompare: [type-1-hypervisr, linux-containers]\n");
    expect(bad.diagnostics[0]).toMatchObject({ code: "unknown-ref", line: 3, col: 11 });
    expect(bad.diagnostics[0]?.message).toMatch(/did you mean "type-1-hypervisor"/);
    const nested = await load("id: c\ntitle: C\ncompare: [vm-vs-container, linux-containers]\n");
    expect(nested.diagnostics[0]?.code).toBe("nested-compare");
  });

  it("links of a comparison join boxes of different stacks, by <spec id>.<box id> where a bare id is ambiguous", async () => {
    const docker = "docker-engine-linux"; // has ids cli, dockerd, containerd, shim, container
    const ok = await load(`id: c\ntitle: C\ncompare: [kvm-qemu, ${docker}]\nlinks:\n  - { from: cli, to: kvm-qemu.kvm, label: hypothetical }\n`);
    expect(ok.diagnostics).toEqual([]);
    expect(ok.spec?.type === "compare" && ok.spec.links).toEqual([{ from: { stack: 1, ref: "cli" }, to: { stack: 0, ref: "kvm" }, label: "hypothetical", style: "control", both: false }]);
    const bad = await load(`id: c\ntitle: C\ncompare: [hyper-v, xen]\nlinks:\n  - { from: guest-1, to: xen.dom0-kernl }\n  - { from: hyperv.guest-2, to: xen.guest-2 }\n`);
    expect(bad.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(["5:13 unknown-box", "5:26 unknown-box", "6:13 unknown-box"]);
    expect(bad.diagnostics[0]?.message).toMatch(/"guest-1" names a box in hyper-v and xen; say which: hyper-v.guest-1 or xen.guest-1/);
    expect(bad.diagnostics[1]?.message).toMatch(/in xen: no box has the id "dom0-kernl"; did you mean "dom0-kernel"/);
    expect(bad.diagnostics[2]?.message).toMatch(/"hyperv" is not one of the compared specs; did you mean "hyper-v"/);
  });

  it("will not read outside the working folder or the spec's own, even through a symlink", async () => {
    const dir = tempDir();
    symlinkSync("/etc/passwd", join(dir, "evil.yaml"));
    const cmp = "id: c\ntitle: C\ncompare: [type-1-hypervisor, ./evil.yaml, /etc/hostname, ../../../etc/passwd]\n";
    const { diagnostics } = await loadSpecText("c.yaml", cmp, dir);
    expect(diagnostics.map((d) => [d.code, d.col])).toEqual([
      ["ref-outside", 30],
      ["ref-outside", 43],
      ["ref-outside", 58],
    ]);
  });

  it("bounds depth and size", async () => {
    let stack = "[{ layer: L, kind: app }]";
    for (let i = 0; i < 30; i++) stack = `[{ units: [{ unit: U, kind: vm, stack: ${stack} }] }]`;
    expect((await load(`${HEAD}stack: ${stack}\n`)).diagnostics.map((d) => d.code)).toContain("too-deep");
    const many = `${HEAD}stack:\n  - units:\n${"      - { unit: U, kind: vm, repeat: 64 }\n".repeat(40)}`;
    expect((await load(many)).diagnostics.map((d) => d.code)).toContain("too-large");
  });
});
