import { describe, expect, it } from "vitest";
import { colourPairs, deriveTheme, probeText } from "../../src/output/derive-theme.js";
import type { RenderRequest } from "../../src/render/renderer.js";

const request = (theme: string, fill: string, ink: string, extra: Partial<RenderRequest> = {}): RenderRequest => ({
  mermaid: `---\nconfig:\n  theme: ${theme}\n---\nblock-beta\n  a["A"]\n  classDef hw fill:${fill},color:${ink}\n  class a hw`,
  title: "T",
  description: "D",
  background: theme === "dark" ? "#1b1f24" : "#ffffff",
  ...extra,
});

const light = request("default", "#f0f2f4", "#1b1f24");
const dark = request("dark", "#313538", "#f8f9fa");

describe("colourPairs", () => {
  it("pairs each colour of one request with the other's, by value, the Mermaid theme name aside", () => {
    const map = colourPairs(light, dark)!;
    expect(map.get("#f0f2f4ff")).toBe("#313538");
    expect(map.get("#1b1f24ff")).toBe("#f8f9fa");
    // The light background is white, whatever notation the picture writes it in.
    expect(map.get("#ffffffff")).toBe("#1b1f24");
  });

  it("refuses requests that differ in more than colours", () => {
    expect(colourPairs(light, { ...dark, title: "Other" })).toBeUndefined();
    expect(colourPairs(light, { ...dark, hide: ["e0"] })).toBeUndefined();
  });

  it("refuses a colour with two counterparts (one light colour, two roles that differ in dark)", () => {
    // Fill and ink are the same light colour but differ in dark: no one map recolours both.
    expect(colourPairs(request("default", "#1b1f24", "#1b1f24"), request("dark", "#313538", "#f8f9fa"))).toBeUndefined();
  });
});

describe("deriveTheme", () => {
  const colours = colourPairs(light, dark)!;
  const styles = { from: ["#d{fill:#333;}"], to: ["#d{fill:#ccc;}"] };
  const svg = (css: string, body: string) => `<svg id="d"><style>${css}</style>${body}</svg>`;

  it("recolours the body and the classes' rules in the notation each colour is written in, and swaps the theme rules", () => {
    const drawn = {
      svg: svg("#d{fill:#333;}#d .hw&gt;*{fill:rgb(240, 242, 244)!important;}", '<rect style="fill:#f0f2f4"/><text fill="rgb(27, 31, 36)">A</text>'),
      labels: [{ id: "t0", runs: [{ text: "A", size: 16, bold: true, italic: false, fill: "rgb(27, 31, 36)" }] }],
    };
    const derived = deriveTheme(drawn, colours, styles)!;
    expect(derived.svg).toBe(svg("#d{fill:#ccc;}#d .hw&gt;*{fill:rgb(49, 53, 56)!important;}", '<rect style="fill:#313538"/><text fill="rgb(248, 249, 250)">A</text>'));
    expect(derived.labels[0]!.runs[0]!.fill).toBe("rgb(248, 249, 250)");
    // The light picture is left as it was.
    expect(drawn.labels[0]!.runs[0]!.fill).toBe("rgb(27, 31, 36)");
  });

  it("recolours only what the SVG's tree says is a colour: label text and other attributes that read like colours or markup are left alone", () => {
    const body = '<text aria-label="fill:#f0f2f4; &lt;rect fill=&quot;#f0f2f4&quot;&gt;" fill="#1b1f24">red, #f0f2f4 &lt;style&gt;a{fill:#f0f2f4}&lt;/style&gt;</text>';
    const derived = deriveTheme({ svg: svg("#d{fill:#333;}", body), labels: [] }, colours, styles)!;
    expect(derived.svg).toBe(svg("#d{fill:#ccc;}", body.replace('fill="#1b1f24"', 'fill="#f8f9fa"')));
  });

  it("gives nothing when the picture holds a colour the requests do not explain", () => {
    expect(deriveTheme({ svg: svg("#d{fill:#333;}", '<rect fill="#ff0000"/>'), labels: [] }, colours, styles)).toBeUndefined();
  });

  it("gives nothing when a stylesheet does not start with the theme's rules", () => {
    expect(deriveTheme({ svg: svg("#d{fill:#444;}", "<rect/>"), labels: [] }, colours, styles)).toBeUndefined();
    expect(deriveTheme({ svg: `<svg>${"<style>#d{fill:#333;}</style>".repeat(2)}</svg>`, labels: [] }, colours, styles)).toBeUndefined();
  });
});

describe("probeText", () => {
  it("keeps the front matter, comments and header, with one box for a body", () => {
    expect(probeText(light.mermaid)).toBe("---\nconfig:\n  theme: default\n---\nblock-beta\n  vstackprobe");
    expect(probeText("%% title\nflowchart TB\n  a --> b")).toBe("%% title\nflowchart TB\n  vstackprobe");
  });

  it("gives nothing for a dialect it cannot probe or unclosed front matter", () => {
    expect(probeText("sequenceDiagram\n  a->>b: hi")).toBeUndefined();
    expect(probeText("---\nconfig: {}\nblock-beta")).toBeUndefined();
  });
});
