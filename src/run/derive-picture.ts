import { colourPairs, deriveTheme, probeText, stylesheetsOf } from "../output/derive-theme.js";
import type { RenderRequest, RenderResult, Renderer } from "../render/renderer.js";

/** A picture the renderer drew: what was asked and what came back. */
export interface DrawnPicture {
  request: RenderRequest;
  result: RenderResult;
}

/** Mermaid's theme stylesheets per renderer, by the probe asked for (a run asks a handful). */
const probes = new WeakMap<Renderer, Map<string, Promise<string[] | undefined>>>();

/**
 * `request`'s picture made from `base`, a picture of the same diagram in another theme, without
 * Mermaid drawing it again (see output/derive-theme.ts); the PNG and PDF are taken of the derived
 * SVG. Undefined when it cannot be derived safely: the caller then draws it.
 */
export async function derivePicture(base: DrawnPicture, request: RenderRequest, renderer: Renderer): Promise<RenderResult | undefined> {
  const colours = colourPairs(base.request, request);
  if (!colours) return undefined;
  const [from, to] = await Promise.all([themeStyles(base.request, renderer), themeStyles(request, renderer)]);
  if (!from || !to) return undefined;
  const derived = deriveTheme(base.result, colours, { from, to });
  if (!derived) return undefined;
  const { width, height } = base.result;
  const result: RenderResult = { ...derived, width, height };
  if (request.pngScale !== undefined || request.pdf) {
    const shown = await renderer.render({ ...request, shown: { svg: derived.svg, width, height } });
    if (shown.png) result.png = shown.png;
    if (shown.pdf) result.pdf = shown.pdf;
  }
  return result;
}

/** The stylesheets Mermaid writes for the request's dialect, theme and size with no classes in use. */
function themeStyles(request: RenderRequest, renderer: Renderer): Promise<string[] | undefined> {
  const text = request.drawing || request.theme ? undefined : probeText(request.mermaid);
  if (text === undefined) return Promise.resolve(undefined);
  const probe: RenderRequest = { mermaid: text, title: "", description: "", background: "transparent", ...(request.svgText && { svgText: true }), ...(request.fontSize && { fontSize: request.fontSize }) };
  const key = JSON.stringify(probe);
  let known = probes.get(renderer);
  if (!known) probes.set(renderer, (known = new Map()));
  let styles = known.get(key);
  if (!styles) {
    // A probe that fails only means this picture is drawn for real.
    styles = renderer.render(probe).then((drawn) => stylesheetsOf(drawn.svg), () => undefined);
    known.set(key, styles);
  }
  return styles;
}
