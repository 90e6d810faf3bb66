import { describe, expect, it } from "vitest";
import { buildModel } from "../../src/layout/diagram.js";
import { DEFAULT_LAYOUT } from "../../src/layout/fit-width.js";
import { textWidth, wrapText } from "../../src/layout/text-width.js";
import { builtinFile } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import type { CompareSpec, StackSpec } from "../../src/spec-format/types.js";

describe("text widths and wrapping", () => {
  it("measures as Chromium lays out Noto Sans (the widths Mermaid gave these labels)", () => {
    expect(textWidth("App 1", true, 16)).toBeCloseTo(44.609, 1);
    expect(textWidth("a user process on the host", false, 16 / 1.2)).toBeCloseTo(165.3, 0);
  });

  it("breaks at spaces, keeps every word, and keeps lines within the width", () => {
    const text = "one Linux VM for every container, with the engine inside it";
    const lines = wrapText(text, 150, false, 13.33).split("\n");
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(" ")).toBe(text);
    for (const line of lines) expect(textWidth(line, false, 13.33)).toBeLessThanOrEqual(150);
  });

  it("breaks a long word after a hyphen or slash, CJK between characters, and never splits what cannot break", () => {
    expect(wrapText("containerd-shim-runc-v2 (per container)", 150, false, 13.33).split("\n")[0]).toBe("containerd-shim-runc-");
    expect(wrapText("容器运行时和命名空间隔离", 60, false, 13.33).split("\n").every((l) => textWidth(l, false, 13.33) <= 60)).toBe(true);
    expect(wrapText("supercalifragilistic", 40, true, 16)).toBe("supercalifragilistic");
    expect(wrapText("kept\nbreaks", 500, false, 13.33)).toBe("kept\nbreaks");
  });
});

describe("a stack fitted to a width", () => {
  const wide: StackSpec = {
    type: "stack",
    id: "wide",
    title: "Five columns, one long detail",
    sources: ["https://example.com"],
    notes: [],
    file: "wide.yaml",
    links: [],
    kinds: {},
    tags: [],
    facts: {},
    stack: [
      { type: "layer", label: "Hardware", kind: "hardware" },
      {
        type: "units",
        units: ["a", "b", "c", "d", "e"].map((n) => ({
          label: `VM ${n}`,
          kind: "vm" as const,
          stack: [],
          ...(n === "c" && { detail: "QEMU process with virtio devices, vhost-net and a QMP socket for the management agent" }),
        })),
      },
    ],
  };

  it("wraps each box's text to its share of the width, so one long detail cannot widen every column", () => {
    const model = buildModel(wide, "light", { maxWidth: 880, fontSize: 16 });
    const column = (880 - 10 - 4 * 6) / 5 - 24;
    const cell = model.rows.flatMap((r) => r.cells).find((c) => !c.space && c.label === "VM c");
    expect(cell && !cell.space && cell.detail!.split("\n").length).toBeGreaterThan(2);
    for (const line of (cell as { detail: string }).detail.split("\n")) expect(textWidth(line, false, 16 / 1.2)).toBeLessThanOrEqual(column);
  });

  it("wraps less when given more room, and the default fits a docs column", () => {
    const lines = (maxWidth: number) => buildModel(wide, "light", { maxWidth, fontSize: 16 }).rows.flatMap((r) => r.cells).flatMap((c) => (c.space ? [] : (c.detail ?? "").split("\n"))).length;
    expect(lines(3000)).toBeLessThan(lines(880));
    expect(DEFAULT_LAYOUT.maxWidth * (12 / (16 / 1.2))).toBeLessThanOrEqual(800);
  });
});

describe("a comparison fitted to a width", () => {
  const comparison = async (ids: string[]): Promise<CompareSpec> => {
    const stacks = await Promise.all(ids.map(async (id) => (await loadSpec(builtinFile(id)!)).spec as StackSpec));
    return { type: "compare", id: "three", title: "Three", sources: ["https://example.com"], notes: [], file: "three.yaml", stacks, references: [], links: [], kinds: {}, tags: [] };
  };
  const captions = (model: ReturnType<typeof buildModel>) => model.rows.filter((r) => r.cells.some((c) => !c.space && c.kind === "caption")).map((r) => r.cells.flatMap((c) => (c.space ? [] : [c.label])));

  it("keeps two stacks on one baseline, and wraps a third onto a band of its own below", async () => {
    const two = buildModel(await comparison(["type-1-hypervisor", "linux-containers"]), "light");
    // The block grid's equal columns leave the caption over three VMs too narrow for one line.
    expect(captions(two)).toEqual([["Type 1 (bare-metal)\nhypervisor", "Containers on Linux"]]);
    const three = buildModel(await comparison(["type-1-hypervisor", "type-2-hypervisor", "linux-containers"]), "light");
    expect(captions(three)).toEqual([["Type 1 (bare-metal) hypervisor", "Type 2 (hosted) hypervisor"], ["Containers on Linux"]]);
    for (const row of three.rows) expect(row.cells.reduce((n, c) => n + c.span, 0)).toBe(three.columns);
    // Given the room, all three share one baseline again.
    expect(captions(buildModel(await comparison(["type-1-hypervisor", "type-2-hypervisor", "linux-containers"]), "light", { maxWidth: 1800, fontSize: 16 }))).toHaveLength(1);
  });
});

describe("emoji sequences", () => {
  it("measure as the one glyph they are drawn as", () => {
    expect(textWidth("👨‍👩‍👧", false, 16)).toBeCloseTo(textWidth("🐳", false, 16), 5);
    expect(wrapText("Family 👨‍👩‍👧 👨‍👩‍👧 👨‍👩‍👧", 140, false, 16).split("\n").length).toBeLessThanOrEqual(2);
  });
});

describe("hyphenation of long words in German, French and Italian", () => {
  it("breaks a German compound too wide for its box between syllables, with a hyphen, every line fitting; English stays whole", () => {
    const room = 120;
    const de = wrapText("Virtualisierungsunterstützung für Hardwarevirtualisierung", room, false, 13.3, "de").split("\n");
    expect(de.length).toBeGreaterThan(2);
    for (const line of de) expect(textWidth(line, false, 13.3), line).toBeLessThanOrEqual(room);
    expect(de.filter((l) => l.endsWith("-")).length).toBeGreaterThan(0);
    // Nothing lost: the hyphens taken out, the words are whole again.
    expect(de.map((l) => (l.endsWith("-") ? l.slice(0, -1) : `${l} `)).join("").trim()).toBe("Virtualisierungsunterstützung für Hardwarevirtualisierung");
    expect(wrapText("Virtualisierungsunterstützung", room, false, 13.3)).toBe("Virtualisierungsunterstützung");
    expect(wrapText("Virtualisierungsunterstützung", room, false, 13.3, "zh")).toBe("Virtualisierungsunterstützung");
  });
});

describe("Chinese line breaking", () => {
  it("breaks between characters but never puts closing punctuation first on a line or an opening bracket last", () => {
    const text = "每个容器一个，作为其父进程（由 runc 创建），随后退出。";
    for (const room of [40, 60, 80, 100, 120]) {
      const lines = wrapText(text, room, false, 13.3, "zh").split("\n");
      expect(lines.length, `${room} px`).toBeGreaterThan(1);
      for (const line of lines.slice(1)) expect(line[0], `${room} px: ${lines.join(" | ")}`).not.toMatch(/[，。、；：？！）》」』】]/);
      for (const line of lines) expect(line.at(-1), `${room} px: ${lines.join(" | ")}`).not.toMatch(/[（《「『【]/);
      expect(lines.join("").replace(/\s/g, "")).toBe(text.replace(/\s/g, ""));
    }
  });
});
