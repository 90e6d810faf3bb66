import { renderMermaid } from "@mermaid-js/mermaid-cli";
import puppeteer, { type Browser } from "puppeteer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitMermaid } from "../../src/emit/emit.js";
import { TemplateSet } from "../../src/emit/templates.js";
import { BACKGROUND, THEMES } from "../../src/palette.js";
import { chromiumArgs, findChromium } from "../../src/render/chromium.js";
import { MERMAID_CONFIG } from "../../src/render/mermaid-config.js";
import { builtinFiles } from "../../src/spec/builtins.js";
import { loadSpec } from "../../src/spec/load-spec.js";
import { useRenderer } from "../support/renderer.js";
import { parseSvg, specLabels, visibleText, foldSpace } from "../support/svg.js";

/**
 * mermaid-cli is the reference: for each built-in spec, vstack's SVG and mermaid-cli's from the
 * same Mermaid text must hold the same labels and be the same size within a few pixels.
 */
const templates = new TemplateSet();
const ours = useRenderer();
let browser: Browser;

beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs() });
});
afterAll(async () => {
  await browser?.close();
});

function viewBox(svg: string): { width: number; height: number } {
  const [, , w, h] = (parseSvg(svg).documentElement!.getAttribute("viewBox") ?? "").split(/\s+/).map(Number);
  return { width: w!, height: h! };
}

describe("vstack matches mermaid-cli's renderer", async () => {
  for (const file of builtinFiles()) {
    const { spec } = await loadSpec(file);
    for (const theme of THEMES) {
      it(`${spec!.id} (${theme})`, async () => {
        const mermaid = emitMermaid(spec!, theme, templates, "block");
        const { startOnLoad: _, ...mermaidConfig } = MERMAID_CONFIG;
        const reference = await renderMermaid(browser, mermaid, "svg", { mermaidConfig: mermaidConfig as never, backgroundColor: BACKGROUND[theme] });
        const refSvg = new TextDecoder().decode(reference.data);
        const mine = await ours.get().render({ mermaid, title: spec!.title, description: "", background: BACKGROUND[theme] });

        const refText = visibleText(refSvg);
        const myText = visibleText(mine.svg);
        for (const label of specLabels(spec!)) {
          expect(refText, `reference has "${label}"`).toContain(foldSpace(label));
          expect(myText, `vstack has "${label}"`).toContain(foldSpace(label));
        }
        const a = viewBox(refSvg);
        const b = viewBox(mine.svg);
        expect(Math.abs(a.width - b.width), `width ${a.width} vs ${b.width}`).toBeLessThanOrEqual(4);
        expect(Math.abs(a.height - b.height), `height ${a.height} vs ${b.height}`).toBeLessThanOrEqual(4);
      });
    }
  }
});
