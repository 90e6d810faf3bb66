import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scopeIds } from "../../src/output/scope-ids.js";
import { ROOT } from "../support/paths.js";

describe("scopeIds", () => {
  it("renames ids and every reference to them, in attributes and stylesheets, and never a label's text", () => {
    const svg = [
      '<svg id="vstack-diagram" aria-labelledby="vstack-diagram-title other" aria-describedby="vstack-diagram-desc">',
      "<title id=\"vstack-diagram-title\">T</title><desc id=\"vstack-diagram-desc\">D</desc>",
      '<style>#vstack-diagram .n{marker-end:url(#vstack-diagram_end)}[id^="vstack-diagram-flowchart-A-"]{opacity:0}#vstack-diagramx{}</style>',
      '<defs><marker id="vstack-diagram_end"/></defs>',
      '<path marker-end="url(#vstack-diagram_end)" style="filter:url(#vstack-diagram-shadow)"/><use href="#vstack-diagram-a" data-id="vstack-diagram"/>',
      '<text id="vstack-diagram-flowchart-A-0">#vstack-diagram url(#vstack-diagram_end) vstack-diagram-title</text>',
      "</svg>",
    ].join("");
    const scoped = scopeIds(svg, "vstack-diagram", "vstack-page-a");
    expect(scoped).toBe(
      [
        '<svg id="vstack-page-a" aria-labelledby="vstack-page-a-title other" aria-describedby="vstack-page-a-desc">',
        "<title id=\"vstack-page-a-title\">T</title><desc id=\"vstack-page-a-desc\">D</desc>",
        '<style>#vstack-page-a .n{marker-end:url(#vstack-page-a_end)}[id^="vstack-page-a-flowchart-A-"]{opacity:0}#vstack-diagramx{}</style>',
        '<defs><marker id="vstack-page-a_end"/></defs>',
        '<path marker-end="url(#vstack-page-a_end)" style="filter:url(#vstack-page-a-shadow)"/><use href="#vstack-page-a-a" data-id="vstack-diagram"/>',
        '<text id="vstack-page-a-flowchart-A-0">#vstack-diagram url(#vstack-diagram_end) vstack-diagram-title</text>',
        "</svg>",
      ].join(""),
    );
  });

  it("leaves no id of the old stem in a gallery picture, and changes nothing else", () => {
    const svg = readFileSync(join(ROOT, "out", "docker-desktop-macos.light.svg"), "utf8");
    const scoped = scopeIds(svg, "vstack-diagram", "vstack-x");
    expect(svg.split("vstack-diagram").length).toBeGreaterThan(20);
    expect(scoped).not.toContain("vstack-diagram");
    expect(scoped.replaceAll("vstack-x", "vstack-diagram")).toBe(svg);
  });
});
