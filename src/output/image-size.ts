import { readSvg, rootOf } from "./svg-source.js";

/** A picture's size in pixels, read from the file's own bytes (so cached outputs need no renderer). */
export interface PixelSize {
  width: number;
  height: number;
}

/** PNG: the IHDR chunk; SVG: the root's width and height; PDF: the first MediaBox (points → CSS px). */
export function pixelSize(format: string, data: Buffer): PixelSize | undefined {
  if (format === "png") {
    if (data.length < 24 || data.toString("latin1", 12, 16) !== "IHDR") return undefined;
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (format === "svg") {
    // The root's start tag is at the top: its first 4 kB, read as a tree, hold it.
    const root = rootOf(readSvg(data.toString("utf8", 0, 4096)));
    const attr = (name: string) => Number(root?.attributes.get(name)?.value.replace(/px$/, "") ?? "");
    const viewBox = root?.attributes.get("viewbox")?.value.trim().split(/[\s,]+/).map(Number);
    const width = attr("width") || viewBox?.[2];
    const height = attr("height") || viewBox?.[3];
    return width && height ? { width: Math.round(width), height: Math.round(height) } : undefined;
  }
  if (format === "pdf") {
    const box = /\/MediaBox\s*\[\s*([\d.-]+)\s+([\d.-]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(data.toString("latin1"));
    if (!box) return undefined;
    const [x0, y0, x1, y1] = box.slice(1).map(Number) as [number, number, number, number];
    return { width: Math.round(((x1 - x0) * 96) / 72), height: Math.round(((y1 - y0) * 96) / 72) };
  }
  return undefined;
}
