import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec, loadSpecText } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { buildModel } from "../../src/layout/diagram.js";
import type { FlowItem } from "../../src/layout/model.js";
import type { Rect } from "../../src/layout/stack-layout.js";
import { drawSpec } from "../../src/text/draw-stack.js";
import { fitCells } from "../../src/text/fit-cells.js";
import { wrap } from "../../src/text/wrap.js";
import { ROOT } from "../support/paths.js";

const draw = (spec: Spec, width: number, color = false) => drawSpec(spec, "light", { width, color });

describe("stacks in the terminal", () => {
  it("fits every built-in in 60 and 100 columns, measured in terminal cells, every box whole", async () => {
    for (const file of builtinFiles()) {
      const { spec } = await loadSpec(file);
      for (const width of [60, 100]) {
        const lines = draw(spec!, width).split("\n");
        // The drawing: the lines above the links' list and the outlines' key.
        const under = lines.findIndex((l) => /^(\d+\. |[━╌┈]{3} )/.test(l));
        const stack = lines.slice(0, under === -1 ? lines.length : under);
        expect(stack.length, spec!.id).toBeGreaterThan(5);
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
    // As wide as its content (the stack layout's), every row of the drawing the same width.
    const boxes = lines.slice(0, 6);
    for (const line of boxes) expect(stringWidth(line)).toBe(30);
    expect(lines[1]).toBe("╎ 容器 1 ╎┃ 虚拟机 ┃┊ gVisor ┊");
    expect(lines[4]).toMatch(/^│ +硬件 Hardware +│$/);
    // Narrower than its labels: wrapped by cells, never a wide character split.
    for (const line of draw(spec!, 20).split("\n").slice(0, 6)) expect(stringWidth(line)).toBeLessThanOrEqual(20);
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

/** A drawing's lines as rows of cells: a wide character, then "" for its second cell. */
const cellsOf = (lines: string[]) => lines.map((line) => [...new Intl.Segmenter().segment(line)].flatMap(({ segment }) => (stringWidth(segment) === 2 ? [segment, ""] : [segment])));

/** Every flow item of a model, with the ids of the items its frame holds (none for a box). */
function itemsOf(flow: FlowItem[]): Array<{ item: FlowItem; inside: string[] }> {
  const all: Array<{ item: FlowItem; inside: string[] }> = [];
  const walk = (list: FlowItem[]): string[] =>
    list.flatMap((item) => {
      const entry = { item, inside: [] as string[] };
      all.push(entry);
      entry.inside = item.items ? walk(item.items) : [];
      return [item.nodeId, ...entry.inside];
    });
  walk(flow);
  return all;
}

const within = (outer: Rect, inner: Rect) => inner.x > outer.x && inner.x + inner.width < outer.x + outer.width && inner.y > outer.y && inner.y + inner.height < outer.y + outer.height;
const apart = (a: Rect, b: Rect) => a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;

describe("the terminal drawing is the picture's stack layout, in cells", async () => {
  const specs = await Promise.all(builtinFiles().map(async (file) => (await loadSpec(file)).spec!));
  const laidOut = (spec: Spec, width: number) => {
    const model = buildModel(spec, "light", { maxWidth: 1_000_000, fontSize: 16 });
    const placed = fitCells(model.flow, model.links, width);
    const rows = cellsOf(draw(spec, width).split("\n"));
    // The drawing leaves out a compared stack's blank margin (its frame has no outline).
    const left = Math.min(...[...placed.boxes].filter(([id]) => !id.endsWith("_title")).map(([, r]) => r.x));
    const at = (x: number, y: number) => rows[y]?.[x - left] ?? " ";
    return { model, placed, at };
  };

  it("draws each unit with a stack as a frame round it, its box the frame's header, its outline the unit's boundary", () => {
    for (const spec of specs)
      for (const width of [60, 100]) {
        const { model, placed, at } = laidOut(spec, width);
        for (const { item, inside } of itemsOf(model.flow).filter((e) => e.item.items)) {
          const frame = placed.frames.get(item.nodeId)!;
          const header = placed.boxes.get(item.nodeId)!;
          const where = `${spec.id} at ${width}: ${item.label}`;
          expect({ x: header.x, y: header.y, width: header.width }, where).toEqual({ x: frame.x, y: frame.y, width: frame.width });
          // What the frame holds is inside it, under its header.
          for (const id of inside) {
            const r = placed.frames.get(id) ?? placed.boxes.get(id)!;
            expect(within(frame, r) && r.y >= header.y + header.height, `${where} holds ${id}`).toBe(true);
          }
          if (item.kind === "caption") continue;
          expect(at(frame.x, frame.y), where).toMatch(/[┌┏]/);
          expect(at(frame.x + frame.width - 1, frame.y + frame.height - 1), where).toMatch(/[┘┛]/);
          expect(at(frame.x, header.y + header.height - 1), where).toMatch(/[├┣]/);
        }
      }
  });

  it("lays no box over another: boxes are apart unless one is the frame that holds the other", () => {
    for (const spec of specs) {
      const { model, placed } = laidOut(spec, 100);
      const entries = itemsOf(model.flow);
      const holds = new Map(entries.map((e) => [e.item.nodeId, new Set(e.inside)]));
      const rects = entries.map((e) => ({ id: e.item.nodeId, r: placed.frames.get(e.item.nodeId) ?? placed.boxes.get(e.item.nodeId)! }));
      for (const [i, a] of rects.entries())
        for (const b of rects.slice(i + 1)) {
          const nested = holds.get(a.id)!.has(b.id) || holds.get(b.id)!.has(a.id);
          expect(nested || apart(a.r, b.r), `${spec.id}: ${a.id} and ${b.id}`).toBe(true);
        }
    }
  });

  it("writes every label and detail whole, in its own box, and puts the first entry (the hardware) at the bottom", () => {
    for (const spec of specs)
      for (const width of [60, 100]) {
        const { model, placed, at } = laidOut(spec, width);
        // Spaces, and hyphens (a word too long for its box is cut with one), left out of the comparison.
        const squeeze = (text: string) => text.replace(/[\s-]+/g, "");
        for (const { item } of itemsOf(model.flow)) {
          const lines = placed.texts.get(item.nodeId)!;
          expect(squeeze(lines.join("")), `${spec.id}: ${item.label}`).toBe(squeeze(`${item.label}${item.detail ?? ""}`));
          // Read back from the drawing, inside the box.
          const box = placed.boxes.get(item.nodeId)!;
          const inBox = Array.from({ length: box.height }, (_, y) => Array.from({ length: box.width }, (_, x) => at(box.x + x, box.y + y)).join(""));
          expect(squeeze(inBox.join("")).replace(/[─━╌┈│┃╎┊┌┐└┘┏┓┗┛├┤┣┫]/g, ""), `${spec.id} at ${width}: ${item.label}`).toBe(squeeze(lines.join("")));
        }
        // The first entry's boxes or frames (a layer, or units side by side) stand on the drawing's base.
        const bottom = [...placed.boxes].filter(([id]) => /^(s\d+_)?e0(u\d+)?$/.test(id)).map(([id, r]) => placed.frames.get(id) ?? r);
        expect(bottom.length, spec.id).toBeGreaterThan(0);
        for (const r of bottom) expect(r.y + r.height, spec.id).toBe(placed.height - (spec.type === "stack" ? 0 : 1));
      }
  });

  it("draws a VM round its guest OS: vm-vs-container's VM 1 frame encloses the rows and columns of its guest OS, bins and app", () => {
    const spec = specs.find((s) => s.id === "vm-vs-container")!;
    const { placed, at } = laidOut(spec, 100);
    const vm = placed.frames.get("s0_e2u0")!;
    for (const id of ["s0_e2u0_e0", "s0_e2u0_e1", "s0_e2u0_e2"]) expect(within(vm, placed.boxes.get(id)!), id).toBe(true);
    const guest = placed.boxes.get("s0_e2u0_e0")!;
    for (let y = guest.y; y < guest.y + guest.height; y++) {
      expect(at(vm.x, y)).toBe("┃");
      expect(at(vm.x + vm.width - 1, y)).toBe("┃");
    }
    // The hypervisor is under the VMs, the hardware under it.
    const [hypervisor, hardware] = [placed.boxes.get("s0_e1")!, placed.boxes.get("s0_e0")!];
    expect(vm.y + vm.height).toBeLessThanOrEqual(hypervisor.y);
    expect(hypervisor.y + hypervisor.height).toBeLessThanOrEqual(hardware.y);
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

describe("a word too long for its box", () => {
  it("is cut after its own hyphen or slash where it has one, else with a hyphen added, and never leaves punctuation to start a line", () => {
    expect(wrap("Docker Engine, containerd, runc", 10)).toEqual(["Docker", "Engine,", "containe-", "rd, runc"]);
    expect(wrap("Virtualization framework", 11)).toEqual(["Virtualiza-", "tion", "framework"]);
    expect(wrap("virtio-net driver", 9)).toEqual(["virtio-", "net", "driver"]);
    for (const room of [4, 6, 9, 12]) for (const line of wrap("containerd, dockerd.", room).slice(1)) expect(line[0], `${room}`).not.toMatch(/[,.;:]/);
  });
});
