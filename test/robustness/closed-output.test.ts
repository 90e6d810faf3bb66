import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import puppeteer, { type Browser } from "puppeteer-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs } from "../../src/render/chromium.js";
import { MERMAID_CONFIG } from "../../src/render/mermaid-config.js";
import { runCli } from "../support/cli.js";
import { ROOT, tempDir } from "../support/paths.js";
import { useRenderer } from "../support/renderer.js";
import { externalReferences } from "../support/safety.js";
import { ownChromium } from "../support/shared-browser.js";
import { visibleText } from "../support/svg.js";

/** A host that can never resolve (.test is reserved). Nothing is sent anywhere: every page below refuses every request. */
const HOST = "https://leak.vstack.test";

/**
 * Raw Mermaid that tries to make a reader's browser fetch from elsewhere, each with words
 * (keep-N) that must still show. Each gets through Mermaid's own strict mode (checked below);
 * what Mermaid itself drops (@import and @font-face in themeCSS, `<style>` in labels, url() in
 * classDef) is in SVG_PAYLOADS.
 */
const MERMAID_PAYLOADS: Record<string, string> = {
  "image-set": `flowchart LR\n  a["<span STYLE='background-image:image-set(#quot;${HOST}/image-set.png#quot; 1x)'>keep-1</span>"]\n`,
  "css-escape": `flowchart LR\n  a["<span style='background:\\75 rl(${HOST}/escape.png)'>keep-2</span>"]\n  b["<b style='background:u\\rl(${HOST}/escape2.png)'>keep-2b</b>"]\n`,
  entities: `flowchart LR\n  a["<span style='background:&#117;rl(${HOST}/entity.png)'>keep-3</span>"]\n  b["<i style='background:url(#quot;${HOST}/quot.png#quot;)'>keep-3b</i>"]\n`,
  "upper-case": `flowchart LR\n  a["<b Style='BACKGROUND:URL(${HOST}/upper.png)'>keep-4</b>"]\n`,
  "image-properties": `flowchart LR\n  a["<div style='background-image:image-set(url(${HOST}/nested.png) 1x);border-image:url(${HOST}/border.png) 30;list-style-image:url(${HOST}/list.png);content:url(${HOST}/content.png)'>keep-5</div>"]\n`,
  "img-and-links": `flowchart LR\n  a["<img src='${HOST}/img.png'> keep-6"] --> b["<a href='${HOST}/link'>keep-6b</a>"]\n  click a href "${HOST}/click"\n`,
  "foreign-object": `flowchart LR\n  a["<table background='${HOST}/table.png'><tr><td>keep-7</td></tr></table><video poster='${HOST}/poster.png'></video>"]\n`,
  "svg-in-label": `flowchart LR\n  a["<svg><image href='${HOST}/svg-image.png'/><image xlink:href='${HOST}/xlink-image.png'/></svg>keep-8"]\n`,
  "theme-css": `---\nconfig:\n  themeCSS: '.node rect { fill: \\75 rl(${HOST}/theme-escape.svg#x) } .label { background-image: image-set("${HOST}/theme-set.png" 1x) } span { cursor: url(${HOST}/cursor.cur), auto; mask: url(${HOST}/mask.svg#m); filter: url(${HOST}/filter.svg#f) }'\n---\nflowchart LR\n  a[keep-9]\n`,
  "init-custom-property": `%%{init: {"themeCSS": ".node { --leak: u\\\\rl(${HOST}/var.png); background: var(--leak) } .label { background: var(--nothing, url(${HOST}/fallback.png)) }"}}%%\nflowchart LR\n  a[keep-10]\n`,
  "init-font-family": `%%{init: {"fontFamily": "x; background: url(${HOST}/font-family.png)", "themeVariables": {"fontFamily": "y; background-image: url(${HOST}/theme-font.png)"}}}%%\nflowchart LR\n  a[keep-11]\n`,
  "relative-and-protocol-relative": `---\nconfig:\n  themeCSS: "g { background: url(//leak.vstack.test/protocol-relative.png) } text { fill: url(relative.svg#r) }"\n---\nflowchart LR\n  a[keep-12]\n`,
};

/**
 * SVG that reaches out in every other way, drawn through the same page as a picture vstack laid
 * out itself (its tables): the sanitiser sees every SVG whatever made it.
 */
const SVG_PAYLOADS: Record<string, string> = {
  "style-sheet": `<style>@import url(${HOST}/a.css); @IMPORT "${HOST}/b.css"; @font-face { font-family: l; src: url(${HOST}/f.woff) } rect { fill: \\75 rl(${HOST}/e.svg#a) } @media all { text { background: image-set("${HOST}/m.png" 1x) } } @keyframes k { from { background-image: url(${HOST}/k.png) } } text { --v: u\\rl(${HOST}/v.png); background: var(--v) }</style><rect width="10" height="10"/><text y="20">keep-s1</text>`,
  "presentation-attributes": `<rect width="10" height="10" fill="url(${HOST}/fill.svg#a)" stroke="u\\rl(${HOST}/stroke.svg#b)" filter="url(${HOST}/filter.svg#f)" mask="url(${HOST}/mask.svg#m)" clip-path="url(${HOST}/clip.svg#c)" marker-end="url(${HOST}/marker.svg#m)" cursor="url(${HOST}/c.cur), auto"/><text y="20" style="BACKGROUND-IMAGE: Url('${HOST}/style-attr.png')">keep-s2</text>`,
  "references": `<defs><linearGradient id="g" href="${HOST}/g.svg#g"/><pattern id="p" xlink:href="${HOST}/p.svg#p"/><filter id="f"><feImage href="${HOST}/fe.png"/></filter></defs><use href="${HOST}/use.svg#u"/><image href="${HOST}/i.png" width="5" height="5"/><image xlink:href="//leak.vstack.test/j.png" width="5" height="5"/><a href="${HOST}/a"><text y="20">keep-s3</text></a><g xml:base="${HOST}/base/"><image href="local.png" width="5" height="5"/></g>`,
  "animation": `<rect width="10" height="10"><set attributeName="href" to="${HOST}/set.png"/><animate attributeName="fill" values="url(${HOST}/anim.svg#a)" dur="1s"/></rect><text y="20">keep-s4</text>`,
  "foreign-object": `<foreignObject width="200" height="100"><div xmlns="http://www.w3.org/1999/xhtml"><link rel="stylesheet" href="${HOST}/link.css"/><style>@import "${HOST}/fo-import.css"; p { background: url(${HOST}/fo.png) }</style><img srcset="${HOST}/srcset.png 1x" src="data:image/png;base64,iVBORw0KGgo="/><input type="image" src="${HOST}/input.png"/><iframe src="${HOST}/frame.html"></iframe><object data="${HOST}/object.svg"></object><p>keep-s5</p></div></foreignObject>`,
};

const svgDocument = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 200 100" width="200">${body}</svg>`;

let browser: Browser;
beforeAll(async () => {
  browser = await puppeteer.launch({ executablePath: ownChromium(), headless: true, args: chromiumArgs() });
});
afterAll(async () => {
  await browser?.close();
});

/** Mermaid's own SVG for each payload (strict mode, as vstack configures it), drawn in a page that fetches nothing. */
async function mermaidOwn(): Promise<Record<string, string>> {
  const page = await browser.newPage();
  try {
    await page.setRequestInterception(true);
    page.on("request", (req) => void (req.url().startsWith("data:") ? req.continue() : req.abort("blockedbyclient")));
    await page.setContent("<!doctype html><body></body>");
    await page.addScriptTag({ path: join(ROOT, "node_modules", "mermaid", "dist", "mermaid.min.js") });
    return await page.evaluate(
      async (payloads, config) => {
        const m = (window as unknown as { mermaid: { initialize(c: unknown): void; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        const out: Record<string, string> = {};
        for (const [name, text] of Object.entries(payloads)) {
          m.initialize(config);
          const { svg } = await m.render("vstack-diagram", text);
          // As vstack reads it: parsed as HTML (Mermaid's labels are HTML), written out as XML.
          out[name] = new XMLSerializer().serializeToString(new DOMParser().parseFromString(svg, "text/html").querySelector("svg")!);
        }
        return out;
      },
      MERMAID_PAYLOADS,
      MERMAID_CONFIG as unknown as Record<string, unknown>,
    );
  } finally {
    await page.close();
  }
}

/**
 * The real proof: the SVGs inline in one page of a docs site, as a site that inlines them
 * shows them, and every request that page makes but for itself (refused: nothing leaves).
 */
async function requestsOf(svgs: string[]): Promise<string[]> {
  const page = await browser.newPage();
  const site = "https://docs.vstack.test/";
  const asked: string[] = [];
  try {
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      if (req.url() === site) void req.respond({ status: 200, contentType: "text/html", body: `<!doctype html><html><body>${svgs.map((s) => `<div>${s}</div>`).join("\n")}</body></html>` });
      else {
        if (req.url() !== `${site}favicon.ico`) asked.push(req.url());
        void req.abort("blockedbyclient");
      }
    });
    await page.goto(site, { waitUntil: "networkidle0" });
    // A pointer over the labels: cursor images load on hover.
    for (let y = 10; y < 400; y += 40) await page.mouse.move(60, y);
    await new Promise((r) => setTimeout(r, 300));
    return asked;
  } finally {
    await page.close();
  }
}

/** Payload name → the external references left in its SVG (only those that kept any). */
function survivors(svgs: Record<string, string>): Record<string, string[]> {
  const left: Record<string, string[]> = {};
  for (const [name, svg] of Object.entries(svgs)) {
    const found = externalReferences(svg);
    if (found.length > 0 || svg.includes("leak.vstack.test")) left[name] = found;
  }
  return left;
}

const keepWords = (text: string) => text.match(/keep-[s\d]+b?/g)!;

describe("closed output: nothing in a picture makes a reader's browser fetch anything", () => {
  const renderer = useRenderer();
  let own: Record<string, string>;
  let drawn: Record<string, string>;
  let drawings: Record<string, string>;

  beforeAll(async () => {
    own = await mermaidOwn();
    const dir = tempDir();
    for (const [name, text] of Object.entries(MERMAID_PAYLOADS)) writeFileSync(join(dir, `${name}.mmd`), text);
    const r = await runCli(["render", ".", "-o", "out", "-f", "svg", "-t", "light", "--no-cache"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    drawn = Object.fromEntries(Object.keys(MERMAID_PAYLOADS).map((name) => [name, readFileSync(join(dir, "out", `${name}.light.svg`), "utf8")]));
    drawings = {};
    for (const [name, body] of Object.entries(SVG_PAYLOADS)) {
      drawings[name] = (await renderer.get().render({ mermaid: "", drawing: { svg: svgDocument(body), labels: [] }, title: name, description: name, background: "#fff" })).svg;
    }
  });

  it("raw Mermaid (.mmd files through the CLI): no external reference of any kind survives, and every label still shows", () => {
    for (const name of Object.keys(MERMAID_PAYLOADS)) {
      // Each payload is live: Mermaid's own output holds its reference (else the corpus proves nothing).
      expect(externalReferences(own[name]!), `${name}: Mermaid's own SVG`).not.toEqual([]);
      for (const word of keepWords(MERMAID_PAYLOADS[name]!)) expect(visibleText(drawn[name]!), name).toContain(word);
    }
    expect(survivors(drawn)).toEqual({});
  });

  it("any SVG through the page (style sheets, presentation attributes, references, animation, HTML): none survives either", () => {
    for (const [name, body] of Object.entries(SVG_PAYLOADS)) {
      expect(externalReferences(svgDocument(body)).length, name).toBeGreaterThan(1);
      for (const word of keepWords(body)) expect(visibleText(drawings[name]!), name).toContain(word);
    }
    expect(survivors(drawings)).toEqual({});
  });

  it("inline in a page, the payloads make the browser ask for their host; vstack's pictures ask for nothing", async () => {
    const before = await requestsOf([...Object.values(own), ...Object.values(SVG_PAYLOADS).map(svgDocument)]);
    // The page would call out (so silence below means something)...
    expect(before.filter((u) => u.startsWith(HOST)).length).toBeGreaterThan(10);
    // ...and with vstack's pictures it asks for nothing at all.
    expect(await requestsOf([...Object.values(drawn), ...Object.values(drawings)])).toEqual([]);
  });
});
