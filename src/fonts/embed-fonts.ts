import { createHash } from "node:crypto";
import type { LabelLine } from "../render/renderer.js";
import { SVG_FONT_FAMILY } from "../render/mermaid-config.js";
import type { FontSet, LoadedFace } from "./font-set.js";
import { applyEdits, escapeText, insideRoot, readSvg } from "../output/svg-source.js";

/**
 * `--fonts embed`: the faces the labels are drawn in, cut down to the glyphs drawn, inside the
 * SVG as TrueType `@font-face` data, so any browser draws the same letters at the same widths
 * whatever is installed. Not WOFF2: its Brotli pass costs 60 ms a face, 20 times the
 * subsetting, to save some 2 KB of a 5 KB face (and SVGs are mostly served compressed). Family names carry a hash of the subsets: two diagrams inlined in one
 * HTML page never take each other's glyphs. Renderers that ignore `@font-face` (librsvg) read
 * the same list and fall through to the installed faces.
 */
export async function embedFonts(svg: string, labels: LabelLine[], fonts: FontSet): Promise<string> {
  if (labels.length === 0) return svg;
  const used = new Map<LoadedFace, Set<string>>();
  for (const line of labels)
    for (const run of line.runs)
      for (const segment of fonts.segments(run)) {
        const chars = used.get(segment.face) ?? new Set<string>();
        for (const char of segment.text) chars.add(char);
        used.set(segment.face, chars);
      }
  const subsets: Array<{ face: LoadedFace; data: Buffer }> = [];
  // Colour emoji stay the viewer's own: hb-subset keeps no CBDT bitmaps, and an emoji face
  // without them would claim the characters and draw nothing.
  for (const face of fonts.faces.filter((f) => f.role !== "emoji")) {
    const chars = used.get(face);
    // Sorted: the same characters give the same bytes whatever order they were met in.
    if (chars) subsets.push({ face, data: await subset(face, [...chars].sort().join("")) });
  }
  const hash = createHash("sha256");
  for (const s of subsets) hash.update(s.data);
  const tag = hash.digest("hex").slice(0, 8);
  const family = (role: string) => `vstack-${role}-${tag}`;
  const faces = subsets.map(
    ({ face, data }) =>
      `@font-face{font-family:"${family(face.role)}";font-weight:${face.bold ? 700 : 400};src:url(data:font/ttf;base64,${data.toString("base64")}) format("truetype")}`,
  );
  const list = [...new Set(subsets.map((s) => `"${family(s.face.role)}"`))].join(",");
  const rule = `text.vstack-text{font-family:${list},${SVG_FONT_FAMILY}}`;
  return insertStyle(svg, faces.join("") + rule);
}

/**
 * Only the features text needs drawn horizontally (kerning, ligatures, marks, local forms) are
 * kept, with the glyphs they reach: keeping every feature makes hb-subset 100 times slower.
 * Hinting is dropped (a third of the bytes): browsers draw SVG text at fractional sizes, and
 * vstack's own Chromium draws unhinted. Light and dark of a diagram share their subsets.
 */
const KEEP_FEATURES = ["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk", "rlig"];
const subsets = new Map<string, Promise<Buffer>>();

function subset(face: LoadedFace, text: string): Promise<Buffer> {
  const key = `${face.family}|${face.bold}|${text}`;
  let found = subsets.get(key);
  if (!found) {
    found = import("subset-font").then(({ default: subsetFont }) => subsetFont(face.bytes, text, { targetFormat: "truetype", keepFeatures: KEEP_FEATURES, noHinting: true }));
    subsets.set(key, found);
    found.catch(() => subsets.delete(key));
  }
  return found;
}

/** Adds a style sheet as the first thing after the SVG's title and description. */
export function insertStyle(svg: string, css: string): string {
  const elements = readSvg(svg);
  const at = elements.find((e) => e.name === "desc")?.end ?? insideRoot(elements);
  return at === undefined ? svg : applyEdits(svg, [{ start: at, end: at, text: `<style>${escapeText(css)}</style>` }]);
}
