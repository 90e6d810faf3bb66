import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/layout/diagram.js";
import { buildSteps, stepName } from "../../src/layout/steps.js";
import { builtinFile } from "../../src/spec-format/builtins.js";
import { loadSpec, loadSpecText } from "../../src/spec-format/load-spec.js";

const stepsOf = async (text: string) => {
  const { spec, diagnostics } = await loadSpecText("steps.yaml", text, process.cwd());
  expect(diagnostics).toEqual([]);
  return buildSteps(buildModel(spec!, "light"), spec!);
};

const SPEC = (step: string) =>
  [
    "id: built",
    "title: Built",
    "sources: [https://example.com]",
    "stack:",
    "  - layer: Hardware",
    "    kind: hardware",
    "  - layer: Hypervisor",
    "    kind: hypervisor",
    "  - units:",
    "      - unit: VM {n}",
    "        kind: vm",
    "        repeat: 2",
    "        stack:",
    "          - layer: Guest OS",
    "            kind: os",
    "          - layer: App",
    "            kind: app",
    ...(step ? [`    ${step}`] : []),
  ].join("\n");

describe("build steps", () => {
  it("are the grid's rows bottom → top; a comparison's stacks grow together and their titles show throughout", async () => {
    const { spec } = await loadSpec(builtinFile("vm-vs-container")!);
    const steps = buildSteps(buildModel(spec!, "light"), spec!);
    expect(steps).toHaveLength(6);
    expect(steps[0]).toEqual(["s0_e0", "s1_e0"]); // both hardwares first
    expect(steps.flat()).not.toContain("s0_title");
    expect(new Set(steps.flat()).size).toBe(steps.flat().length);
  });

  it("follow the rows unless entries state a step: then each entry appears whole, with everything in it", async () => {
    expect(await stepsOf(SPEC(""))).toEqual([["e0"], ["e1"], ["e2u0", "e2u1"], ["e2u0_e0", "e2u1_e0"], ["e2u0_e1", "e2u1_e1"]]);
    expect(await stepsOf(SPEC("step: 3"))).toEqual([["e0"], ["e1"], ["e2u0", "e2u1", "e2u0_e0", "e2u1_e0", "e2u0_e1", "e2u1_e1"]]);
  });

  it("are named so that they sort in order", () => {
    expect([stepName(1, 6), stepName(10, 12), stepName(7, 120)]).toEqual(["step-01", "step-10", "step-007"]);
  });
});
