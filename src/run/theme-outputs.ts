import type { Diagram } from "../diagrams/diagram.js";
import type { DeckSlide } from "../output/deck.js";
import { pixelSize } from "../output/image-size.js";
import { animatedSvg } from "../output/animate-steps.js";
import type { Theme } from "../kinds/palette.js";
import type { Format } from "../presets.js";
import { sceneWithout } from "../layout/scene.js";
import { stepName } from "../layout/steps.js";
import type { DrawnPicture } from "./derive-picture.js";
import { diagramType } from "./diagram-types.js";
import { drawPicture, type Drawn } from "./draw-picture.js";
import { madeFile, type MadeFile } from "./made-file.js";
import type { OutputContext } from "./output-context.js";

/** How wide the terminal drawings (txt, ansi) are written: the columns a README or a wide terminal shows. */
const TEXT_COLUMNS = 100;

/** `bases`: the pictures drawn for the other theme, in the order this one draws them (whole, then frames). */
export async function themeOutputs(diagram: Diagram, theme: Theme, formats: readonly Format[], context: OutputContext, bases: Array<DrawnPicture | undefined> = []) {
  const outputs: MadeFile[] = [];
  const add = (format: string, data: Buffer) => outputs.push(madeFile(`${diagram.id}.${theme}.${format}`, format, theme, data));
  const type = diagramType(diagram.body);
  const source = type.source(theme);
  // A drawn table has no Mermaid text, so no .mmd file.
  if (typeof source === "string" && formats.includes("mmd")) add("mmd", Buffer.from(source));
  // The stack in box characters, plain or in the theme's colours, with no browser. (Mermaid
  // text has no stack to draw: .mmd inputs and mermaid fences get none.)
  for (const format of (["txt", "ansi"] as const).filter((f) => formats.includes(f))) {
    if (type.text) add(format, Buffer.from(await type.text(theme, TEXT_COLUMNS, format === "ansi")));
  }
  const files = formats.filter((f): f is "svg" | "png" | "pdf" => f === "svg" || f === "png" || f === "pdf");
  // A deck's slide holds a PNG and an SVG with its text as outlines (a machine without Noto shows
  // the same slide), or, for `--deck shapes`, the diagram as shapes, laid out in Node.
  const deck = formats.includes("pptx");
  const shapes = deck && context.opts.deck === "shapes" && type.shapes ? await type.shapes(theme, context.opts) : undefined;
  const wanted = [...new Set<Drawn>([...files, ...(deck && !shapes ? (["png", "deck"] as const) : [])])];
  // Build steps: one frame per row, bottom → top, each the whole canvas with the rows above
  // hidden; or (animate) one SVG that plays the same build.
  const steps = context.opts.steps && context.opts.steps !== "animate" ? type.steps() : [];
  const frames = steps.length > 1 ? steps.map((_, i) => steps.slice(i + 1).flat()) : [];
  const slides: DeckSlide[] = [];
  const slide = (found: Map<Drawn, Buffer> | undefined, title: string, hidden: string[]) => {
    const about = { title, description: diagram.description, notes: speakerNotes(diagram), ...(diagram.lang && { lang: diagram.lang }) };
    if (shapes) return slides.push({ ...about, shapes: { ...shapes, scene: sceneWithout(shapes.scene, hidden) } });
    const png = found!.get("png")!;
    const { width = 1, height = 1 } = pixelSize("png", png) ?? {};
    // A drawn table shows its title; a spec's picture shows it in its caption.
    return slides.push({ ...about, picture: { captioned: type.captioned(Boolean(context.opts.caption)), svg: found!.get("deck")!, png, width, height } });
  };
  const frameTitle = (n: number) => `${diagram.title} (${n}/${frames.length})`;
  const pictures: Array<DrawnPicture | undefined> = [];
  if (wanted.length === 0) {
    if (shapes && frames.length === 0) slide(undefined, diagram.title, []);
    else if (shapes) frames.forEach((hidden, i) => slide(undefined, frameTitle(i + 1), hidden));
    return { outputs, rendered: 0, derived: 0, svg: undefined, slides, pictures };
  }
  const whole = await drawPicture(diagram, theme, source, wanted, context, [], bases[0]);
  pictures.push(whole.picture);
  for (const f of files) add(f, whole.found.get(f)!);
  let { rendered, derived } = whole;
  if (context.opts.steps === "animate" && files.includes("svg")) {
    const animated = type.steps();
    if (animated.length > 1) outputs.push(madeFile(`${diagram.id}.animated.${theme}.svg`, "svg", theme, Buffer.from(animatedSvg(whole.found.get("svg")!.toString("utf8"), animated))));
  }
  for (const [i, hidden] of frames.entries()) {
    const n = i + 1;
    const frame = await drawPicture(diagram, theme, source, wanted, context, hidden, bases[n]);
    pictures.push(frame.picture);
    rendered += frame.rendered;
    derived += frame.derived;
    for (const f of files) outputs.push(madeFile(`${diagram.id}.${stepName(n, frames.length)}.${theme}.${f}`, f, theme, frame.found.get(f)!));
    if (deck) slide(frame.found, frameTitle(n), hidden);
  }
  if (deck && slides.length === 0) slide(whole.found, diagram.title, []);
  return { outputs, rendered, derived, svg: whole.found.get("svg"), slides, pictures };
}

/** What a speaker reads under the slide: the spec's notes, then its sources. */
function speakerNotes(d: Diagram): string {
  return [d.summary ?? "", ...d.notes, d.sources.length > 0 ? `Sources: ${d.sources.join(" · ")}` : ""].filter(Boolean).join("\n\n");
}

