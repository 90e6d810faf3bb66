import { DOMParser, XMLSerializer, type Document, type Element } from "@xmldom/xmldom";
import JSZip from "jszip";

/** The same slides give the same bytes (`render --check` compares them): every date in the file is this one. */
const FIXED_DATE = new Date("2000-01-01T00:00:00Z");

/**
 * Finishes a deck pptxgenjs wrote, reading its parts as XML trees:
 * - pptxgenjs stores an SVG with a PNG preview beside it, but outside a browser it cannot draw
 *   that PNG and writes a "broken image" placeholder instead (gitbrent/PptxGenJS#963): the
 *   preview of each slide in `pngs` (by slide number) is replaced with that PNG;
 * - arrow heads on thick lines are drawn small (pptxgenjs cannot say a head's size);
 * - the creation time it writes (in docProps/core.xml and each zip entry) is a fixed one.
 */
export async function finishDeck(pptx: Buffer, pngs: Map<number, Buffer>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(pptx);
  const read = async (name: string) => {
    const text = await zip.file(name)?.async("string");
    return text === undefined ? undefined : new DOMParser().parseFromString(text, "text/xml");
  };
  const write = (name: string, doc: Document) => zip.file(name, new XMLSerializer().serializeToString(doc));
  const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
  for (const name of slides) {
    const n = Number(name.slice("ppt/slides/slide".length, -".xml".length));
    const png = pngs.get(n);
    if (png) {
      const rels = await read(`ppt/slides/_rels/slide${n}.xml.rels`);
      const target = rels && byTag(rels, "Relationship").map((r) => r.getAttribute("Target") ?? "").find((t) => t.startsWith("../media/") && t.endsWith(".png"));
      if (!target) throw new Error(`slide ${n} of the deck has no picture preview to replace`);
      zip.file(`ppt/${target.slice("../".length)}`, png);
    }
    // DrawingML sizes an arrow's heads as a multiple of its line's width (a medium head is three
    // widths long): they are drawn small on a line at least 1.5 times as thick as the slide's
    // thinnest arrow (a data path's), so heads come in about one size, and on a line shorter than
    // twelve widths, so a short two-way arrow's two heads do not meet.
    const slide = (await read(name))!;
    const arrows = byTag(slide, "a:ln").filter((ln) => byTag(ln, "a:tailEnd").length > 0);
    const width = (ln: Element) => Number(ln.getAttribute("w"));
    const thinnest = Math.min(...arrows.map(width));
    const small = (ln: Element) => width(ln) >= 1.5 * thinnest || lengthOf(ln) < 12 * width(ln);
    const ends = arrows.filter(small).flatMap((ln) => [...byTag(ln, "a:headEnd"), ...byTag(ln, "a:tailEnd")]);
    for (const end of ends) for (const size of ["w", "len"]) end.setAttribute(size, "sm");
    if (ends.length > 0) write(name, slide);
  }
  const core = await read("docProps/core.xml");
  if (core) {
    const stamp = FIXED_DATE.toISOString().replace(/\.000Z$/, "Z");
    for (const el of [...byTag(core, "dcterms:created"), ...byTag(core, "dcterms:modified")]) el.textContent = stamp;
    write("docProps/core.xml", core);
  }
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name]!;
    if (!entry.dir) out.file(name, await entry.async("nodebuffer"), { date: FIXED_DATE, createFolders: false });
  }
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** How long the path drawn with this line is (EMU, its runs summed); Infinity for a shape that is not a path. */
function lengthOf(ln: Element): number {
  const path = ln.parentNode && byTag(ln.parentNode as Element, "a:path")[0];
  if (!path) return Infinity;
  const points = byTag(path, "a:pt").map((pt) => [Number(pt.getAttribute("x")), Number(pt.getAttribute("y"))] as const);
  return points.slice(1).reduce((sum, [x, y], i) => sum + Math.hypot(x - points[i]![0], y - points[i]![1]), 0);
}

function byTag(doc: Document | Element, tag: string): Element[] {
  return Array.from(doc.getElementsByTagName(tag));
}
