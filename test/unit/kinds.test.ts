import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apartness, contrast, lightnessOf } from "../../src/colour.js";
import { lookOf } from "../../src/kinds/looks.js";
import { decorationsOf } from "../../src/layout/decorations.js";
import { swatch, THEMES } from "../../src/kinds/palette.js";
import { loadSpec, loadSpecText } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { FIXTURES, ROOT } from "../support/paths.js";

const KINDS_DIR = join(FIXTURES, "kinds");
/** The README's example of kinds of your own. */
const PODS = join(ROOT, "examples", "kinds", "pods-three-ways.yaml");
const HEAD = "id: t\ntitle: T\nsources: [https://example.com/]\n";
const load = (text: string) => loadSpecText("t.yaml", text, ROOT);
const legendOf = (spec: Spec, theme: "light" | "dark" = "light") => decorationsOf(spec, theme, { legend: "bottom", caption: false, arrows: true }).legend!.entries;

describe("kinds of your own", () => {
  it("a declared kind has its own colours, derived outline and text that reads, and its boundary's outline", async () => {
    const { spec, warnings } = await loadSpec(PODS);
    expect(warnings).toEqual([]);
    const look = lookOf("micro-vm", spec!.kinds);
    expect(look.label).toBe("micro-VM (one per pod)");
    expect(look.boundary).toBe("vm");
    expect(look.swatches.light.fill).toBe("#bab063");
    expect(look.swatches.dark.fill).toBe("#585a7f");
    for (const theme of THEMES) {
      const { fill, stroke, color } = look.swatches[theme];
      expect(contrast(color, fill), theme).toBeGreaterThanOrEqual(4.5);
      // The outline is the fill's hue: darker on light paper, lighter on dark, as the built-ins'.
      const [lf, ls] = [lightnessOf(fill), lightnessOf(stroke)];
      expect(theme === "light" ? lf - ls : ls - lf, theme).toBeGreaterThan(0.25);
      expect(apartness(fill, swatch(theme, "vm").fill).deltaE).toBeGreaterThanOrEqual(6);
    }
  });

  it("an alias borrows its kind's look and takes its own legend words; a unit's own boundary is explained by its outline", async () => {
    const { spec } = await loadSpec(PODS);
    const pod = lookOf("pod", spec!.kinds);
    expect(pod.swatches).toEqual(lookOf("container", {}).swatches);
    expect(pod.boundary).toBe("container");
    const entries = legendOf(spec!);
    expect(entries.map((e) => e.label)).toEqual(["hardware", "kernel", "pod (containers sharing namespaces)", "micro-VM (one per pod)", "outline: sandbox boundary (application kernel)"]);
    const outline = entries.at(-1)!;
    expect(outline).toMatchObject({ fill: "none", strokeWidth: 2, dash: "2 3" });
    expect(entries.find((e) => e.label.startsWith("micro-VM"))).toMatchObject({ fill: "#bab063", strokeWidth: 3 });
    expect(entries.find((e) => e.label.startsWith("pod"))).toMatchObject({ strokeWidth: 2, dash: "7 4" });
  });

  it("an alias with no words of its own is the kind it borrows: one legend entry", async () => {
    const { spec } = await load(`${HEAD}kinds:\n  guest: { like: vm }\nstack:\n  - { layer: HW, kind: hardware }\n  - units: [{ unit: A, kind: guest }, { unit: B, kind: vm }]\n`);
    expect(legendOf(spec!).map((e) => e.label)).toEqual(["hardware", "VM (hardware-isolated)"]);
  });

  it("a built-in kind's legend words can be changed, not its look", async () => {
    const { spec, diagnostics } = await load(`${HEAD}kinds:\n  vm: { label: virtual machine }\nstack:\n  - { layer: HW, kind: hardware }\n  - { layer: A, kind: vm }\n`);
    expect(diagnostics).toEqual([]);
    expect(legendOf(spec!, "dark").at(-1)).toMatchObject({ label: "virtual machine", fill: swatch("dark", "vm").fill, strokeWidth: 3 });
    const recolour = await load(`${HEAD}kinds:\n  vm: { label: VM, dark: { fill: red } }\nstack:\n  - { layer: A, kind: vm }\n`);
    expect(recolour.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(["5:20 builtin-kind"]);
  });

  it("warns, at the colour, when a declared label fails WCAG AA or a fill is too close to another kind's; the spec still loads", async () => {
    const text = `${HEAD}kinds:\n  tpm:\n    light: { fill: "#b6b0e2", text: "#999999" }\n    dark: { fill: "#3d5501" }\nstack:\n  - { layer: TPM, kind: tpm }\n`;
    const { spec, diagnostics, warnings } = await load(text);
    expect(spec).toBeDefined();
    expect(diagnostics).toEqual([]);
    expect(warnings!.map((w) => `${w.line}:${w.col} ${w.severity} ${w.code}`)).toEqual(["6:20 warning close-colour", "6:37 warning low-contrast", "7:19 warning close-colour"]);
    expect(warnings![0]!.message).toMatch(/hard to tell from vm's \(#b6b0e1\): ΔE2000 0\.\d/);
    expect(warnings![2]!.message).toMatch(/from sandbox's \(#3c5300\).*for readers with \w+/);
  });

  it("a comparison of stacks that declare one kind differently must say which it means", async () => {
    const conflict = await loadSpec(join(KINDS_DIR, "compare-conflict.yaml"));
    expect(conflict.diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual(["3:57 kind-conflict"]);
    const resolved = await loadSpec(join(KINDS_DIR, "compare-resolved.yaml"));
    expect(resolved.diagnostics).toEqual([]);
    expect(lookOf("pod", resolved.spec!.kinds).label).toBe("pod");
    expect(lookOf("micro-vm", resolved.spec!.kinds).swatches.light.fill).toBe("#bab063");
  });

  it("an undeclared kind suggests a declared one of near spelling before a synonym", async () => {
    const { diagnostics } = await load(`${HEAD}kinds:\n  lxc-guest: { like: container }\nstack:\n  - { layer: A, kind: lxc-gust }\n  - { layer: B, kind: lxc }\n`);
    expect(diagnostics.map((d) => d.message.split(" (kinds")[0])).toEqual(['unknown kind "lxc-gust"; did you mean "lxc-guest"?', 'unknown kind "lxc"; did you mean "container"?']);
  });
});
