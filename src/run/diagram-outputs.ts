import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Diagram } from "../diagrams/diagram.js";
import type { OutputFile } from "../output/embed.js";
import { pixelSize } from "../output/image-size.js";
import { cacheKey, type OutputCache } from "../output/cache.js";
import type { OutputSink } from "../output/sink.js";
import { animatedSvg } from "../output/animate-steps.js";
import { autoThemeSvg } from "../output/auto-theme.js";
import type { DeckSlide } from "../output/deck.js";
import { BACKGROUND, THEMES, type Theme } from "../kinds/palette.js";
import type { Format, OutputTheme } from "../presets.js";
import type { LazyRenderer } from "../render/lazy-renderer.js";
import type { RenderRequest } from "../render/renderer.js";
import type { DrawnPicture } from "./derive-picture.js";
import { withFonts } from "../fonts/with-fonts.js";
import { stepName } from "../layout/steps.js";
import type { Drawing } from "../table/draw-table.js";
import type { ResolvedBuildOptions } from "./options.js";

export interface DiagramOutputs {
  files: OutputFile[];
  /** Per theme: the slides of this diagram for a deck (pptx), in order (one, or one per build step). */
  slides: Map<Theme, DeckSlide[]>;
  /** The files' contents, in the same order. */
  contents: Buffer[];
  /** How many files were rendered now rather than taken from the cache. */
  rendered: number;
  /** How many of those were made from the other theme's picture rather than drawn (derive-picture.ts). */
  derived: number;
  /** How many files changed (or, checking, would change) on disk. */
  written: number;
}

export interface OutputContext {
  opts: ResolvedBuildOptions;
  cache: OutputCache | undefined;
  renderer: LazyRenderer;
  sink: OutputSink;
  /** What shapes every output of the run (versions, code, templates, browser, fonts: run-identity.ts). */
  identity: unknown[];
}

/** What the browser draws: the picture formats, and `deck`, the SVG a slide deck holds (text as outlines). */
type Drawn = "svg" | "png" | "pdf" | "deck";

/** How wide the terminal drawings (txt, ansi) are written: the columns a README or a wide terminal shows. */
const TEXT_COLUMNS = 100;

/** One diagram in every theme and format: from the cache where it can be, else rendered; then written. */
export async function diagramOutputs(diagram: Diagram, context: OutputContext): Promise<DiagramOutputs> {
  const { themes, formats } = context.opts;
  // `auto` is drawn from the light and dark SVGs, which are made (and cached) even when not asked for.
  const auto = themes.includes("auto") && formats.includes("svg");
  const drawn = THEMES.filter((t) => themes.includes(t) || auto);
  const formatsOf = (theme: Theme) => (themes.includes(theme) ? formats : (["svg"] as const));
  // The dark pictures of vstack's own diagrams are made from the light ones (recoloured, not drawn
  // again); other diagrams' themes go to the renderer together, so each is done early in a long run.
  const perTheme =
    drawn.length === 2 && !diagram.raw && diagram.mermaid
      ? await themeOutputs(diagram, "light", formatsOf("light"), context).then(async (light) => [light, await themeOutputs(diagram, "dark", formatsOf("dark"), context, light.pictures)])
      : await Promise.all(drawn.map((theme) => themeOutputs(diagram, theme, formatsOf(theme), context)));
  const made = perTheme.filter((_, i) => themes.includes(drawn[i]!)).flatMap((t) => t.outputs);
  if (auto) {
    const svgOf = (i: number) => perTheme[i]!.svg!.toString("utf8");
    const data = Buffer.from(autoThemeSvg(svgOf(drawn.indexOf("light")), svgOf(drawn.indexOf("dark"))));
    made.push({ file: describeOutput(`${diagram.id}.auto.svg`, "svg", "auto", data), data });
  }
  made.sort((a, b) => a.file.file.localeCompare(b.file.file));
  // All of a diagram's files are made before any is written, so a failure leaves none half-done.
  let written = 0;
  for (const o of made) if (await context.sink.put(join(context.opts.outDir, o.file.file), o.data)) written++;
  const slides = new Map(perTheme.map((t, i) => [drawn[i]!, t.slides] as const).filter(([theme]) => themes.includes(theme)));
  return { files: made.map((o) => o.file), contents: made.map((o) => o.data), slides, rendered: perTheme.reduce((n, t) => n + t.rendered, 0), derived: perTheme.reduce((n, t) => n + t.derived, 0), written };
}

/** `bases`: the pictures drawn for the other theme, in the order this one draws them (whole, then frames). */
async function themeOutputs(diagram: Diagram, theme: Theme, formats: readonly Format[], context: OutputContext, bases: Array<DrawnPicture | undefined> = []) {
  const outputs: Array<{ file: OutputFile; data: Buffer }> = [];
  const add = (format: string, data: Buffer) => outputs.push({ file: describeOutput(`${diagram.id}.${theme}.${format}`, format, theme, data), data });
  // A drawn table has no Mermaid text, so no .mmd file.
  const drawing = diagram.drawing?.(theme);
  const mermaid = drawing ? undefined : diagram.mermaid!(theme);
  if (mermaid !== undefined && formats.includes("mmd")) add("mmd", Buffer.from(mermaid));
  // The stack in box characters, plain or in the theme's colours: from the spec, with no browser.
  // (Mermaid text has no grid to draw: .mmd inputs and mermaid fences get none.)
  for (const format of (["txt", "ansi"] as const).filter((f) => formats.includes(f))) {
    if (diagram.spec) add(format, Buffer.from((await import("../text/draw-stack.js")).drawSpec(diagram.spec, theme, { width: TEXT_COLUMNS, color: format === "ansi" })));
  }
  const files = formats.filter((f): f is "svg" | "png" | "pdf" => f === "svg" || f === "png" || f === "pdf");
  // A deck's slide holds a PNG and an SVG with its text as outlines (a machine without Noto shows the same slide).
  const deck = formats.includes("pptx");
  const wanted = [...new Set<Drawn>([...files, ...(deck ? (["png", "deck"] as const) : [])])];
  const slides: DeckSlide[] = [];
  const pictures: Array<DrawnPicture | undefined> = [];
  if (wanted.length === 0) return { outputs, rendered: 0, derived: 0, svg: undefined, slides, pictures };
  // A drawn table shows its title; a spec's picture shows it in its caption.
  const captioned = Boolean(drawing || (diagram.spec && context.opts.caption));
  const slide = (found: Map<Drawn, Buffer>, title: string) => {
    const png = found.get("png")!;
    const { width = 1, height = 1 } = pixelSize("png", png) ?? {};
    slides.push({ title, captioned, svg: found.get("deck")!, png, width, height, notes: speakerNotes(diagram) });
  };
  const source = drawing ?? mermaid!;
  const whole = await drawPicture(diagram, theme, source, wanted, context, [], bases[0]);
  pictures.push(whole.picture);
  for (const f of files) add(f, whole.found.get(f)!);
  let { rendered, derived } = whole;
  // Build steps: one frame per row, bottom → top, each the whole canvas with the rows above
  // hidden; or (animate) one SVG that plays the same build.
  const steps = context.opts.steps && diagram.steps ? diagram.steps() : [];
  if (context.opts.steps === "animate") {
    if (files.includes("svg") && steps.length > 1) outputs.push(output(`${diagram.id}.animated.${theme}.svg`, "svg", theme, Buffer.from(animatedSvg(whole.found.get("svg")!.toString("utf8"), steps))));
    steps.length = 0;
  }
  for (let n = 1; n <= steps.length && steps.length > 1; n++) {
    const frame = await drawPicture(diagram, theme, source, wanted, context, steps.slice(n).flat(), bases[n]);
    pictures.push(frame.picture);
    rendered += frame.rendered;
    derived += frame.derived;
    for (const f of files) outputs.push(output(`${diagram.id}.${stepName(n, steps.length)}.${theme}.${f}`, f, theme, frame.found.get(f)!));
    if (deck) slide(frame.found, `${diagram.title} (${n}/${steps.length})`);
  }
  if (deck && slides.length === 0) slide(whole.found, diagram.title);
  return { outputs, rendered, derived, svg: whole.found.get("svg"), slides, pictures };
}

/**
 * One picture of a diagram in its drawn formats, from the cache where it can be, else derived
 * from `base` (the same picture in the other theme) where it can be, else rendered (`source`:
 * Mermaid text, or a picture vstack laid out itself; `hide`: boxes drawn invisible).
 * `picture` is what the renderer drew, when it drew.
 */
async function drawPicture(diagram: Diagram, theme: Theme, source: string | Drawing, wanted: Drawn[], { opts, cache, renderer, sink, identity }: OutputContext, hide: string[], base?: DrawnPicture) {
  const background = opts.background ?? BACKGROUND[theme];
  const mermaid = typeof source === "string" ? source : "";
  // A flowchart has the links as Mermaid edges; over a block diagram the page draws them.
  // The legend's colours need the colour maths, loaded with the first picture (an up-to-date run draws none).
  const decorations = diagram.spec ? (await import("../layout/decorations.js")).decorationsOf(diagram.spec, theme, { ...opts, arrows: /^\s*block(-beta)?\s*$/m.test(mermaid) }) : undefined;
  const look = [opts.canvas ?? null, opts.fontSize ?? null, decorations ?? null, ...(hide.length > 0 ? [hide] : [])];
  const shape = [...identity, typeof source === "string" ? source : source.svg, diagram.title, diagram.description, background, diagram.raw ? theme : null, ...look];
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
    ...(diagram.raw ? { theme: theme === "dark" ? "dark" : "default" } : { svgText: true, ...(decorations && { decorations }) }),
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

/** What a speaker reads under the slide: the spec's notes, then its sources. */
function speakerNotes(d: Diagram): string {
  return [d.summary ?? "", ...d.notes, d.sources.length > 0 ? `Sources: ${d.sources.join(" · ")}` : ""].filter(Boolean).join("\n\n");
}

function output(file: string, format: string, theme: OutputTheme, data: Buffer): { file: OutputFile; data: Buffer } {
  return { file: describeOutput(file, format, theme, data), data };
}

function describeOutput(file: string, format: string, theme: OutputTheme, data: Buffer): OutputFile {
  return { file, format, theme, sha256: createHash("sha256").update(data).digest("hex"), ...pixelSize(format, data) };
}
