import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "../../src/run/index.js";
import { linksOf } from "../../src/layout/link-ends.js";
import { THEMES } from "../../src/kinds/palette.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { builtinFiles } from "../../src/spec-format/builtins.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import type { Spec } from "../../src/spec-format/types.js";
import { measureOnPage } from "../support/page.js";
import { tempDir } from "../support/paths.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * Arrows drawn over the block diagrams, measured where they are drawn, in Chromium: no arrow
 * label or numbered marker touches the text of any box, no line runs through text, and every
 * link a spec lists is drawn, in every built-in, light and dark, and in a spec dense with links.
 */
const dir = tempDir();
const specs: Spec[] = [];
let browser: Browser;

/** Many links: across units, into nested stacks, between non-neighbours, fanning out to copies. */
const STRESS = `id: stress
title: Many links
sources: [https://example.com]
stack:
  - layer: Hardware
    id: hw
    kind: hardware
  - layer: Host kernel
    id: kernel
    kind: kernel
    detail: namespaces, cgroups, KVM
  - units:
      - unit: Agent
        id: agent
        kind: service
        detail: talks to everything
      - unit: Engine
        id: engine
        kind: runtime
        stack:
          - units:
              - unit: "Shim {n}"
                id: shim
                kind: runtime
                repeat: 3
                stack:
                  - layer: "Container {n}"
                    id: box
                    kind: container
                  - layer: "App {n}"
                    id: app
                    kind: app
      - unit: VMM
        id: vmm
        kind: vmm
        stack:
          - layer: Guest kernel
            id: guest
            kind: os
          - layer: Guest app
            id: guest-app
            kind: app
links:
  - { from: agent, to: engine, label: "REST API on a UNIX socket" }
  - { from: engine, to: shim, style: creates, label: ttrpc }
  - { from: shim, to: box, style: creates }
  - { from: agent, to: vmm, label: QMP }
  - { from: vmm, to: kernel, label: "ioctl on /dev/kvm" }
  - { from: guest, to: kernel, style: data, both: true, label: "virtio queues" }
  - { from: app-1, to: guest-app, style: data, label: "network" }
  - { from: agent, to: hw, label: "IPMI" }
  - { from: app-3, to: agent, label: "metrics" }
  - { from: guest-app, to: app-2, style: data, both: true }
  - { from: kernel, to: app-1, label: "signals" }
`;

beforeAll(async () => {
  writeFileSync(join(dir, "stress.yaml"), STRESS);
  for (const file of [...builtinFiles(), join(dir, "stress.yaml")]) specs.push((await loadSpec(file)).spec!);
  await build({ inputs: [...builtinFiles(), join(dir, "stress.yaml")], outDir: join(dir, "out"), cacheDir: join(dir, "cache"), formats: ["svg"], template: "block" });
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
}, 300_000);
afterAll(async () => {
  await browser?.close();
});

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
  text: string;
}
interface Measured {
  texts: Box[];
  labels: Box[];
  /** Points every 2px along each link's line. */
  lines: Array<{ from: string; to: string; points: Array<[number, number]>; markers: number }>;
  keyTexts: string[];
  legend: string[];
  desc: string;
}

function measure(svg: string): Promise<Measured> {
  return measureOnPage(browser, svg, (): Measured => {
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: el.textContent ?? "" };
    };
    const lines = Array.from(document.querySelectorAll("g.vstack-link")).map((g) => {
      const path = g.querySelector("path") as SVGPathElement | null;
      const points: Array<[number, number]> = [];
      if (path) {
        const ctm = path.getScreenCTM()!;
        for (let s = 0; s <= path.getTotalLength(); s += 2) {
          const p = path.getPointAtLength(s).matrixTransform(ctm);
          points.push([p.x, p.y]);
        }
      }
      const [from, to] = [g.getAttribute("data-from") ?? "", g.getAttribute("data-to") ?? ""];
      const over = Array.from(document.querySelectorAll("g.vstack-link-over")).find((o) => o.getAttribute("data-from") === from && o.getAttribute("data-to") === to);
      return { from, to, points, markers: over?.querySelectorAll(".vstack-link-marker").length ?? 0 };
    });
    return {
      texts: Array.from(document.querySelectorAll("g.node text")).map(box),
      labels: Array.from(document.querySelectorAll(".vstack-link-label, .vstack-link-marker")).map(box),
      lines,
      keyTexts: Array.from(document.querySelectorAll(".vstack-link-key text")).map((t) => t.textContent ?? ""),
      legend: Array.from(document.querySelectorAll(".vstack-legend text")).map((t) => t.textContent ?? ""),
      desc: document.querySelector("svg > desc")?.textContent ?? "",
    };
  });
}

const overlap = (a: Omit<Box, "text">, b: Omit<Box, "text">) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = ([x, y]: [number, number], b: Box) => x > b.left && x < b.right && y > b.top && y < b.bottom;

describe("links drawn over block diagrams", () => {
  it("no arrow label or marker touches any box's text, and no line runs through text, in every built-in and the stress spec, light and dark", async () => {
    let checked = 0;
    for (const spec of specs) {
      const links = linksOf(spec);
      for (const theme of THEMES) {
        const m = await measure(readFileSync(join(dir, "out", `${spec.id}.${theme}.svg`), "utf8"));
        expect(m.lines.length, `${spec.id} ${theme}: one drawn link per link`).toBe(links.length);
        for (const label of m.labels) for (const text of m.texts) expect(overlap(label, text), `${spec.id} ${theme}: "${label.text}" over "${text.text}"`).toBe(false);
        for (const [i, label] of m.labels.entries()) for (const other of m.labels.slice(i + 1)) expect(overlap(label, other), `${spec.id} ${theme}: "${label.text}" over "${other.text}"`).toBe(false);
        for (const line of m.lines) {
          // A box walled in on every side (the block grid's, in a dense spec) gets the link's number instead, at both ends.
          if (line.points.length === 0) expect(line.markers, `${spec.id} ${theme}: ${line.from} → ${line.to} has no line, so both ends show its number`).toBe(2);
          else expect(line.points.length, `${spec.id} ${theme}: ${line.from} → ${line.to} has a line`).toBeGreaterThan(3);
          for (const p of line.points) for (const text of m.texts) expect(inside(p, text), `${spec.id} ${theme}: ${line.from} → ${line.to} through "${text.text}"`).toBe(false);
        }
        checked += links.length;
      }
    }
    // The built-ins that have control paths draw them (six of them), and the stress spec its many.
    expect(specs.filter((s) => linksOf(s).length > 0).length).toBeGreaterThanOrEqual(7);
    expect(checked).toBeGreaterThan(40);
  });

  it("a label that does not fit by its line becomes a number, explained in a key under the drawing; the legend names the link styles", async () => {
    const stress = await measure(readFileSync(join(dir, "out", "stress.light.svg"), "utf8"));
    const markers = stress.labels.filter((l) => /^\d+$/.test(l.text));
    const inline = stress.labels.filter((l) => !/^\d+$/.test(l.text));
    expect(markers.length + inline.length).toBeGreaterThanOrEqual(9);
    // Each number in the key once, with the link in words beside it.
    for (const [i, n] of [...new Set(markers.map((m) => m.text))].entries()) {
      expect(stress.keyTexts).toContain(n);
      expect(stress.keyTexts[stress.keyTexts.indexOf(n) + 1]).toMatch(/ (→|↔) /);
      expect(Number(n)).toBe(i + 1);
    }
    expect(stress.legend).toEqual(expect.arrayContaining(["calls / controls", "data path", "creates / starts"]));
    const docker = await measure(readFileSync(join(dir, "out", "docker-engine-linux.light.svg"), "utf8"));
    expect(docker.desc).toContain("docker CLI → dockerd: Engine API, /var/run/docker.sock");
    expect(docker.desc).toContain("dockerd → containerd: gRPC");
  });
});
