import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec, loadSpecText } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { drawSpec } from "../../src/text/draw-stack.js";
import { wrap } from "../../src/text/wrap.js";
import { ROOT } from "../support/paths.js";

const draw = (spec: Spec, width: number, color = false) => drawSpec(spec, "light", { width, color });

describe("stacks in the terminal", () => {
  it("fits every built-in in 60 and 100 columns, measured in terminal cells, every box whole", async () => {
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      for (const width of [60, 100]) {
        const lines = draw(spec!, width).split("\n");
        const stack = lines.slice(0, lines.indexOf("") === -1 ? lines.length : lines.indexOf(""));
        for (const line of stack) expect(stringWidth(line), `${spec!.id} at ${width}: "${line}"`).toBeLessThanOrEqual(width);
        // Each box's corners pair up: as many tops open as close.
        const opens = stack.join("").match(/[┌┏]/g)?.length ?? 0;
        expect(stack.join("").match(/[┐┓]/g)?.length ?? 0, spec!.id).toBe(opens);
      }
    }
  });

  it("lines up CJK labels (two cells a character) and says each boundary with its outline", async () => {
    const { spec } = await loadSpecText("cjk.yaml", "id: cjk\ntitle: CJK\nsources: [https://example.com/]\nstack:\n  - { layer: 硬件 Hardware, kind: hardware }\n  - units: [{ unit: 容器 1, kind: container }, { unit: 虚拟机, kind: vm }, { unit: gVisor, kind: sandbox }]\n", ROOT);
    const lines = draw(spec!, 48).split("\n");
    const boxes = lines.slice(0, 6);
    for (const line of boxes) expect(stringWidth(line)).toBe(48);
    expect(lines[1]).toMatch(/^╎ +容器 1 +╎┃ +虚拟机 +┃┊ +gVisor +┊$/);
    expect(lines.at(-2)).toBe("━━━ VM boundary (hardware virtualization)   ╌╌╌ container boundary (namespaces, cgroups)   ┈┈┈ sandbox boundary (application kernel)");
  });

  it("paints the palette's colours as 24-bit ANSI escapes only when asked", async () => {
    const { spec } = await loadSpec(builtinFiles().find((f) => f.endsWith("/xen.yaml"))!);
    const plain = draw(spec!, 80);
    const painted = draw(spec!, 80, true);
    expect(plain).not.toContain("\x1b[");
    expect(painted).toContain("\x1b[48;2;248;207;155m"); // the hypervisor's light fill, #f8cf9b
    expect(painted.replace(/\x1b\[[0-9;]*m/g, "")).toBe(plain);
  });
});

describe("Chinese in the terminal", () => {
  it("cuts a long Chinese line by cells, never before closing punctuation nor after an opening bracket", () => {
    const text = "每个容器一个，作为其父进程（由runc创建），随后退出。";
    // From three wide characters a line up: a closing bracket and a comma after a character need that much.
    for (let room = 6; room <= 16; room++) {
      const lines = wrap(text, room);
      for (const line of lines) expect(stringWidth(line), `${room}: ${lines.join(" | ")}`).toBeLessThanOrEqual(room);
      for (const line of lines.slice(1)) expect(line[0], `${room}: ${lines.join(" | ")}`).not.toMatch(/[，。）]/);
      for (const line of lines) expect(line.at(-1), `${room}: ${lines.join(" | ")}`).not.toMatch(/[（]/);
      expect(lines.join("")).toBe(text);
    }
  });
});
