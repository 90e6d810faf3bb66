import { describe, expect, it } from "vitest";
import { autoThemeSvg, AutoThemeError } from "../../src/output/auto-theme.js";

const svg = (bg: string, box: string, css: string) =>
  `<svg id="d" xmlns="http://www.w3.org/2000/svg" style="max-width: 10px; background-color: ${bg};"><style>#d .n&gt;*{fill:${css}!important}@keyframes x{to{opacity:1}}</style><rect fill="${box}" stroke="#333"/><rect style="fill:${box};stroke:#333"/><text fill="#333">white</text></svg>`;
const light = svg("rgb(255, 255, 255)", "#ffffff", "#aabbcc");
const dark = svg("rgb(27, 31, 36)", "#1b1f24", "#112233");

describe("one SVG for both themes", () => {
  const auto = autoThemeSvg(light, dark);

  it("keeps the light colours in place for renderers without CSS variables, and adds a variable after each", () => {
    expect(auto).toContain(`<rect fill="#ffffff" stroke="#333" style="fill:var(--vs1)"/>`);
    expect(auto).toContain(`<rect style="fill:#ffffff;fill:var(--vs1);stroke:#333"/>`);
    expect(auto).toContain(`style="max-width: 10px; background-color: rgb(255, 255, 255);background-color: var(--vs0);"`);
    // Colours the themes share, and words that look like colours, are left alone.
    expect(auto).toContain(`<text fill="#333">white</text>`);
  });

  it("defines each variable once per (light, dark) pair, and redefines it for dark by OS scheme and by site class", () => {
    const style = auto.slice(auto.lastIndexOf("<style>"));
    expect(style).toContain("#d{--vs0:rgb(255, 255, 255);--vs1:#ffffff}");
    expect(style).toContain(`@media (prefers-color-scheme: dark){#d:not(:is(.light,[data-theme="light"]) *){--vs0:rgb(27, 31, 36);--vs1:#1b1f24}`);
    expect(style).toContain(`:is(.dark,[data-theme="dark"]) #d{--vs0:rgb(27, 31, 36);--vs1:#1b1f24}`);
    // The stylesheet that differs gets dark copies under both conditions, after the original.
    expect(style).toContain(`#d:not(:is(.light,[data-theme="light"]) *) .n&gt;*{fill:#112233!important}`);
    expect(style).toContain(`:is(.dark,[data-theme="dark"]) #d .n&gt;*{fill:#112233!important}`);
    expect(auto.indexOf("#d .n&gt;*{fill:#aabbcc!important}")).toBeLessThan(auto.lastIndexOf("<style>"));
  });

  it("themes only what the tree says is a colour: a label that reads like a colour, a style or markup stays text", () => {
    const label = "<text fill=\"#333\" aria-label=\"fill:#ffffff\">#ffffff &lt;rect fill=&quot;#ffffff&quot;/&gt; #d{fill:#ffffff}</text>";
    const [l, d] = [light, dark].map((x) => x.replace(`<text fill="#333">white</text>`, label)) as [string, string];
    const themed = autoThemeSvg(l, d);
    expect(themed).toContain(label);
    expect(themed.match(/var\(--vs1\)/g)).toHaveLength(2);
  });

  it("follows only the site's selector when one is given", () => {
    const site = autoThemeSvg(light, dark, { darkSelector: "html.dark" });
    expect(site).not.toContain("prefers-color-scheme");
    expect(site).toContain("html.dark #d{--vs0:rgb(27, 31, 36);--vs1:#1b1f24}");
  });

  it("refuses pictures that differ in more than colours", () => {
    expect(() => autoThemeSvg(light, dark.replace("<text", "<text x=\"1\""))).toThrow(AutoThemeError);
    expect(() => autoThemeSvg(light.replace(' id="d"', ""), dark)).toThrow(/no id/);
  });

  it("is the light picture when the themes do not differ", () => {
    const same = autoThemeSvg(light, light);
    expect(same.replace(/<style>#d\{\}[^]*?<\/style>/, "")).toBe(light);
  });
});
