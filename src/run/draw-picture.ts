import { cacheKey } from "../output/cache.js";
import { BACKGROUND, type Theme } from "../kinds/palette.js";
import type { RenderRequest } from "../render/renderer.js";
import type { Diagram } from "../diagrams/diagram.js";
import type { DrawnPicture } from "./derive-picture.js";
import { withFonts } from "../fonts/with-fonts.js";
import type { Drawing } from "../table/draw-table.js";
import { diagramType } from "./diagram-types.js";
import type { OutputContext } from "./output-context.js";

/** What the browser draws: the picture formats, and `deck`, the SVG a slide deck holds (text as outlines). */
export type Drawn = "svg" | "png" | "pdf" | "deck";

/**
 * One picture of a diagram in its drawn formats, from the cache where it can be, else derived
 * from `base` (the same picture in the other theme) where it can be, else rendered (`source`:
 * Mermaid text, or a picture vstack laid out itself; `hide`: boxes drawn invisible).
 * `picture` is what the renderer drew, when it drew.
 */
export async function drawPicture(diagram: Diagram, theme: Theme, source: string | Drawing, wanted: Drawn[], { opts, cache, renderer, sink, identity }: OutputContext, hide: string[], base?: DrawnPicture) {
  const background = opts.background ?? BACKGROUND[theme];
  const mermaid = typeof source === "string" ? source : "";
  const style = await diagramType(diagram.body).style(theme, opts, mermaid);
  const look = [opts.canvas ?? null, opts.fontSize ?? null, style, ...(hide.length > 0 ? [hide] : [])];
  const shape = [...identity, typeof source === "string" ? source : source.svg, diagram.title, diagram.description, background, ...look];
  const keys: Record<Drawn, string> = { svg: cacheKey([...shape, "svg", opts.fonts]), png: cacheKey([...shape, "png", opts.scale]), pdf: cacheKey([...shape, "pdf"]), deck: cacheKey([...shape, "svg", "outline"]) };
  const found = new Map<Drawn, Buffer>();
  for (const f of wanted) {
    const hit = await cache?.get(keys[f]);
    if (hit) found.set(f, hit);
  }
  if (found.size === wanted.length) return { found, rendered: 0, derived: 0 };
  const request: RenderRequest = {
    mermaid,
    ...(typeof source !== "string" && { drawing: source }),
    title: diagram.title,
    description: diagram.description,
    background,
    ...(wanted.includes("png") && { pngScale: opts.scale }),
    ...(wanted.includes("pdf") && { pdf: true }),
    ...style,
    ...(opts.canvas && { canvas: opts.canvas }),
    ...(opts.fontSize && { fontSize: opts.fontSize }),
    ...(hide.length > 0 && { hide }),
  };
  const drawer = await renderer.get();
  // Loaded when there is a picture to derive from: an up-to-date run loads no colour maths.
  const derived = base && (await (await import("./derive-picture.js")).derivePicture(base, request, drawer));
  const drawn = derived ?? (await drawer.render(request));
  // Fonts are the SVG's business: a PNG- or PDF-only run never reads a font file.
  if (wanted.includes("svg")) found.set("svg", Buffer.from(await withFonts(drawn.svg, drawn.labels, opts.fonts)));
  if (wanted.includes("deck")) found.set("deck", Buffer.from(await withFonts(drawn.svg, drawn.labels, "outline")));
  if (drawn.png) found.set("png", drawn.png);
  if (drawn.pdf) found.set("pdf", drawn.pdf);
  // Checking writes nothing, the cache included.
  if (!sink.checking) for (const f of wanted) await cache?.put(keys[f], found.get(f)!);
  return { found, rendered: wanted.length, derived: derived ? wanted.length : 0, picture: derived ? undefined : { request, result: drawn } };
}

