import pptxgenjs from "pptxgenjs";
import { BACKGROUND, swatch, type Theme } from "../kinds/palette.js";
import { textWidth } from "../layout/text-width.js";
import type { Lang } from "../langs.js";
import { finishDeck } from "./deck-package.js";
import { deckFont, drawShapes, type SlideShapes } from "./deck-shapes.js";

// pptxgenjs's types describe its CommonJS build; the ES build it loads here exports the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;

/** One slide: its title, speaker notes, and the diagram as a picture or as shapes to edit. */
export type DeckSlide = {
  title: string;
  /** The diagram read out in words (the SVG's description): the picture's alt text, the shapes' group description. */
  description: string;
  notes: string;
  /** The language its text is in (its fonts follow): English when absent. */
  lang?: Lang;
} & ({ picture: DeckPicture } | { shapes: SlideShapes });

/** A picture (vector, with its PNG for applications that draw no SVG). */
export interface DeckPicture {
  /** The picture shows the title itself (a spec's caption, a table's title): the slide does not show it again. */
  captioned: boolean;
  svg: Buffer;
  png: Buffer;
  /** The picture's size in CSS pixels: its aspect ratio is kept. */
  width: number;
  height: number;
}

/** 16:9, in inches (PowerPoint's "Widescreen" is 13.33 × 7.5; pptxgenjs's 16:9 is 10 × 5.625). */
const SLIDE = { w: 10, h: 5.625 };
const MARGIN = 0.3;
const TITLE_H = 0.7;
const TITLE_PT = 26;
/** Where a slide's diagram goes under its title (inches). */
export const UNDER_TITLE = { x: MARGIN, y: 0.15 + TITLE_H + 0.1, w: SLIDE.w - 2 * MARGIN, h: SLIDE.h - (0.15 + TITLE_H + 0.1) - MARGIN };

/**
 * A PowerPoint deck (Office Open XML), written with pptxgenjs: one 16:9 slide per picture, its
 * title in the slide's title placeholder (so the outline and screen readers have it), the
 * picture fitted below it, notes and sources in the speaker notes, on the theme's background.
 * A slide with shapes (`--deck shapes`) draws them there instead (deck-shapes.ts).
 * A picture that shows its own title fills the slide instead, and the title placeholder sits
 * just below the slide's edge, off the slide, where it is read but not shown: the title appears
 * once. Each picture is an SVG with a PNG beside it, as PowerPoint itself stores one:
 * PowerPoint 2016+ draws the SVG, LibreOffice, Keynote and Google Slides the PNG.
 */
export async function deckPptx(slides: DeckSlide[], theme: Theme, title: string): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_16x9";
  pptx.title = title;
  pptx.author = "vstack";
  const ink = swatch(theme, "caption").color.replace("#", "");
  const master = (name: string, titleY: number) =>
    pptx.defineSlideMaster({
      title: name,
      background: { color: BACKGROUND[theme].replace("#", "") },
      objects: [{ placeholder: { options: { name: "title", type: "title", x: MARGIN, y: titleY, w: SLIDE.w - 2 * MARGIN, h: TITLE_H, fontSize: TITLE_PT, bold: true, color: ink, fontFace: deckFont().fontFace }, text: "" } }],
    });
  master("VSTACK", 0.15);
  master("VSTACK-CAPTIONED", SLIDE.h + 0.1);
  for (const s of slides) {
    const picture = "picture" in s ? s.picture : undefined;
    const slide = pptx.addSlide({ masterName: picture?.captioned ? "VSTACK-CAPTIONED" : "VSTACK" });
    const size = titleSize(s.title);
    // (The placeholder's own size and face win over the text box's: the run sets them.)
    slide.addText([{ text: s.title, options: { ...deckFont(s.lang), ...(size < TITLE_PT && { fontSize: size }) } }], { placeholder: "title" });
    if (picture) {
      // Fitted into the area under the title (or the whole slide), centred, never stretched.
      const box = picture.captioned ? { x: 0, y: 0, ...SLIDE } : UNDER_TITLE;
      const scale = Math.min(box.w / picture.width, box.h / picture.height);
      const w = picture.width * scale;
      const h = picture.height * scale;
      slide.addImage({ data: `image/svg+xml;base64,${picture.svg.toString("base64")}`, x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h, altText: s.description });
    } else if ("shapes" in s) drawShapes(pptx, slide, s.shapes, UNDER_TITLE, s.lang);
    slide.addNotes(s.notes);
  }
  const written = (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
  return finishDeck(written, new Map(slides.flatMap((s, i) => ("picture" in s ? [[i + 1, s.picture.png] as const] : []))));
}

/** The title's size in points: the master's on one line; a title too long for it, smaller, on two (the placeholder holds two of 20 pt). */
function titleSize(title: string): number {
  const line = (SLIDE.w - 2 * MARGIN) * 72;
  const wide = textWidth(title, true, TITLE_PT) * 1.04; // a little room for the application's own measure
  if (wide <= line) return TITLE_PT;
  return Math.max(12, Math.min(20, Math.floor((TITLE_PT * 2 * line) / wide / 1.1)));
}
