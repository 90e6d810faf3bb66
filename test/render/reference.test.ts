import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { renderMermaid } from "@mermaid-js/mermaid-cli";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitMermaid } from "../../src/emit/emit.js";
import { TemplateSet } from "../../src/emit/templates.js";
import { BACKGROUND, THEMES } from "../../src/kinds/palette.js";
import { chromiumArgs } from "../../src/render/chromium.js";
import { MERMAID_CONFIG } from "../../src/render/mermaid-config.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";
import { FIXTURES } from "../support/paths.js";
import { useRenderer } from "../support/renderer.js";
import { sampleBuiltinFiles } from "../support/samples.js";
import { parseSvg, specLabels, visibleText, foldSpace, squash } from "../support/svg.js";
import { ownChromium } from "../support/shared-browser.js";

/**
 * mermaid-cli is the reference: for each built-in spec, vstack's SVG and mermaid-cli's from the
 * same Mermaid text must hold the same labels and be the same size within a few pixels.
 */
/** mermaid-cli 12 types its browser as puppeteer 25's; vstack runs puppeteer-core 24 (Node 20). Same protocol at run time. */
type CliBrowser = Parameters<typeof renderMermaid>[0];
const templates = new TemplateSet();
const ours = useRenderer();
let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
});
afterAll(async () => {
  await browser?.close();
});

function viewBox(svg: string): { width: number; height: number } {
  const [, , w, h] = (parseSvg(svg).documentElement!.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
  return { width: w!, height: h! };
}

async function reference(mermaid: string, background: string): Promise<string> {
  const { startOnLoad: _, ...siteConfig } = MERMAID_CONFIG;
  // The theme vstack's light pictures use, named: with no theme, Mermaid 12 draws flowcharts,
  // class, state and ER diagrams in its "redux-color" theme instead.
  const mermaidConfig = { ...siteConfig, theme: "default" };
  const out = await renderMermaid(browser as unknown as CliBrowser, mermaid, "svg", { mermaidConfig: mermaidConfig as never, backgroundColor: background });
  return new TextDecoder().decode(out.data);
}

function expectSameSize(ref: string, mine: string, tolerance: (size: number) => number) {
  const a = viewBox(ref);
  const b = viewBox(mine);
  expect(Math.abs(a.width - b.width), `width ${a.width} vs ${b.width}`).toBeLessThanOrEqual(tolerance(a.width));
  expect(Math.abs(a.height - b.height), `height ${a.height} vs ${b.height}`).toBeLessThanOrEqual(tolerance(a.height));
}

describe("vstack matches mermaid-cli on every kind of Mermaid diagram (raw .mmd inputs)", () => {
  const dir = join(FIXTURES, "mermaid");
  for (const name of readdirSync(dir).sort()) {
    it(name, async () => {
      const mermaid = readFileSync(join(dir, name), "utf8");
      const refSvg = await reference(mermaid, "white");
      const mine = await ours.get().render({ mermaid, title: name, description: "", background: "white", theme: "default" });
      // gitGraph makes up commit ids at random; vstack seeds its randomness, mermaid-cli does not.
      const text = (svg: string) => foldSpace(visibleText(svg)).replace(/\b(\d+)-[0-9a-f]{7}\b/g, "$1-<id>");
      expect(text(mine.svg)).toBe(text(refSvg));
      expect(foldSpace(visibleText(mine.svg)).length).toBeGreaterThan(3);
      expectSameSize(refSvg, mine.svg, (size) => size * 0.02);
    });
  }
});

describe("vstack matches mermaid-cli's renderer on built-in specs (a sample of every family)", async () => {
  for (const file of await sampleBuiltinFiles()) {
    const { spec } = await loadSpec(file);
    for (const theme of THEMES) {
      it(`${spec!.id} (${theme})`, async () => {
        const mermaid = emitMermaid(spec!, theme, templates, "block");
        const refSvg = await reference(mermaid, BACKGROUND[theme]);
        const mine = await ours.get().render({ mermaid, title: spec!.title, description: "", background: BACKGROUND[theme] });

        const refText = visibleText(refSvg);
        const myText = visibleText(mine.svg);
        for (const label of specLabels(spec!)) {
          expect(squash(refText), `reference has "${label}"`).toContain(squash(label));
          expect(squash(myText), `vstack has "${label}"`).toContain(squash(label));
        }
        expectSameSize(refSvg, mine.svg, () => 4);
      });
    }
  }
});
