import type { LabelLine } from "../render/renderer.js";
import { applyEdits, readSvg, type Edit } from "../output/svg-source.js";
import { joinsPrevious, type FontSet, type LoadedFace } from "./font-set.js";

/**
 * `--fonts outline`: every label line becomes filled paths (colour emoji: their bitmaps),
 * shaped by HarfBuzz as the browser shaped it, for tools that draw neither HTML nor embedded
 * fonts (PowerPoint, LaTeX via Inkscape). The text stays, invisible, over its outlines, so the
 * words can still be searched, selected and read out.
 */
export function outlineText(svg: string, labels: LabelLine[], fonts: FontSet): string {
  const texts = new Map(readSvg(svg).filter((e) => e.name === "text").map((e) => [e.attributes.get("id")?.value, e]));
  const edits: Edit[] = [];
  for (const line of labels) {
    const text = texts.get(line.id);
    if (!text) throw new Error(`label line ${line.id} is not in the SVG`);
    const attr = (name: string) => text.attributes.get(name)?.value;
    const anchor = attr("text-anchor") ?? "start";
    const drawn = drawLine(line, fonts, Number(attr("x") ?? 0), Number(attr("y") ?? 0), anchor === "middle" || anchor === "end" ? anchor : "start");
    // A line the faces cannot draw as the browser did (right-to-left text, a script none of
    // them has) stays text: a viewer's own fonts beat boxes or mirrored words.
    if (drawn === undefined) continue;
    edits.push({ start: text.start, end: text.start, text: `<g aria-hidden="true">${drawn}</g>` });
    // The text stays, unseen, for search, selection and screen readers.
    const style = text.attributes.get("style");
    if (style) edits.push({ start: style.start, end: style.start, text: "opacity:0;" });
    else edits.push({ start: text.tagEnd, end: text.tagEnd, text: ' style="opacity:0"' });
  }
  return applyEdits(svg, edits);
}

interface Placed {
  glyph: number;
  x: number;
  y: number;
  scale: number;
  advance: number;
  face: LoadedFace;
  fill: string;
}

/** The line's glyphs in place, anchored at x as its `text-anchor` says, baseline y. */
function drawLine(line: LabelLine, fonts: FontSet, x: number, y: number, anchor: string): string | undefined {
  if (line.runs.some((run) => RIGHT_TO_LEFT.test(run.text))) return undefined;
  const placed: Placed[] = [];
  let pen = 0;
  for (const run of line.runs) {
    for (const segment of fonts.segments(run)) {
      if (![...segment.text].every((c) => segment.face.covers.has(c.codePointAt(0)!) || joinsPrevious(c.codePointAt(0)!))) return undefined;
      const buffer = new fonts.hb.Buffer();
      buffer.addText(segment.text);
      buffer.guessSegmentProperties();
      fonts.hb.shape(segment.face.font, buffer);
      const scale = run.size / segment.face.upem;
      for (const g of buffer.getGlyphInfosAndPositions()) {
        placed.push({ glyph: g.codepoint, x: pen + (g.xOffset ?? 0) * scale, y: -(g.yOffset ?? 0) * scale, scale, advance: (g.xAdvance ?? 0) * scale, face: segment.face, fill: run.fill });
        pen += (g.xAdvance ?? 0) * scale;
      }
    }
  }
  const left = anchor === "middle" ? x - pen / 2 : anchor === "end" ? x - pen : x;
  const paths = new Map<string, string[]>();
  const images: string[] = [];
  for (const p of placed) {
    const ox = left + p.x;
    const oy = y + p.y;
    const png = p.face.role === "emoji" ? p.face.font.getGlyphColorPng(p.glyph) : undefined;
    if (png) {
      // A bitmap glyph fills its advance, from the ascender down to the descender.
      const { ascender, descender } = p.face.font.hExtents();
      const box = `x="${num(ox)}" y="${num(oy - ascender * p.scale)}" width="${num(p.advance)}" height="${num((ascender - descender) * p.scale)}"`;
      images.push(`<image ${box} preserveAspectRatio="xMidYMid meet" href="data:image/png;base64,${Buffer.from(png).toString("base64")}"/>`);
      continue;
    }
    const d = p.face.font
      .glyphToJson(p.glyph)
      .map((c) => c.type + c.values.map((v, i) => num(i % 2 === 0 ? ox + v * p.scale : oy - v * p.scale)).join(" "))
      .join("");
    if (d) paths.set(p.fill, [...(paths.get(p.fill) ?? []), d]);
  }
  return [...paths].map(([fill, ds]) => `<path style="fill:${fill};stroke:none" d="${ds.join("")}"/>`).join("") + images.join("");
}

const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}
