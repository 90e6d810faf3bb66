import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** A realistic spec: hardware, kernel, hypervisor and three VMs, with labels unique to `n`. */
export function typicalSpec(n: number): string {
  return `id: bench-${n}
title: Benchmark stack ${n}
sources: [https://example.com/bench]
stack:
  - { layer: "Hardware ${n}", kind: hardware, detail: "CPU with VT-x / AMD-V" }
  - { layer: "Host kernel ${n}", kind: kernel }
  - { layer: "Hypervisor ${n}", kind: hypervisor, detail: "KVM" }
  - units:
      - unit: "VM {n}"
        kind: vm
        repeat: 3
        stack:
          - { layer: "Guest OS ${n}", kind: os }
          - { layer: "App {n}", kind: app }
`;
}

/** One diagram of about `layers` boxes: a base and ten VMs, each a column of layers. */
export function largeSpec(layers: number): string {
  const per = Math.max(1, Math.round((layers - 2) / 10) - 1);
  const column = Array.from({ length: per }, (_, i) => `          - { layer: "Layer ${i + 1}", kind: ${i % 2 ? "app" : "libs"} }`).join("\n");
  return `id: large-${layers}
title: ${layers} layers
sources: [https://example.com/bench]
stack:
  - { layer: Hardware, kind: hardware }
  - { layer: Hypervisor, kind: hypervisor }
  - units:
      - unit: "VM {n}"
        kind: vm
        repeat: 10
        stack:
${column}
`;
}

export function writeSpecs(dir: string, specs: string[]): string {
  mkdirSync(dir, { recursive: true });
  specs.forEach((text, i) => writeFileSync(join(dir, `spec-${String(i).padStart(4, "0")}.yaml`), text));
  return dir;
}
