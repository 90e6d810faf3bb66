import { escapeHtml } from "../escape-html.js";
import type { DiagramInfo } from "../diagrams/diagram.js";
import type { OutputTheme } from "../presets.js";

/** One output file of a diagram, as reports, the run record and the manifest keep it. */
export interface OutputFile {
  /** Relative to the output folder. */
  file: string;
  format: string;
  theme: OutputTheme;
  sha256: string;
  width?: number;
  height?: number;
}

/** What a snippet needs of a diagram: what it is and which files it has. */
export interface EmbeddableDiagram {
  diagram: DiagramInfo;
  outputs: OutputFile[];
}

/** What a snippet reads of a diagram: its alt text and its files. */
type Pictured = { diagram: Pick<DiagramInfo, "description">; outputs: OutputFile[] };

/** The picture to show for a theme: its SVG, else its PNG. */
function pictureFile(d: Pictured, theme: OutputTheme): OutputFile | undefined {
  const of = (format: string) => d.outputs.find((o) => o.theme === theme && o.format === format);
  return of("svg") ?? of("png");
}

/**
 * HTML that shows the diagram in the reader's colour scheme: a `<picture>` with the dark
 * file for `prefers-color-scheme: dark` and the light one otherwise, alt text from the spec.
 * `base` is the path from where the snippet is used to the output folder ("" when beside it).
 */
export function embedSnippet(d: Pictured, base = ""): string | undefined {
  const light = pictureFile(d, "light");
  const dark = pictureFile(d, "dark");
  const src = (o: OutputFile) => escapeHtml(joinUrl(base, o.file));
  const size = (o: OutputFile) => (o.format === "svg" && o.width && o.height ? ` width="${o.width}" height="${o.height}"` : "");
  const alt = escapeHtml(d.diagram.description);
  if (light && dark) {
    return [`<picture>`, `  <source media="(prefers-color-scheme: dark)" srcset="${src(dark)}">`, `  <img src="${src(light)}" alt="${alt}"${size(light)}>`, `</picture>`].join("\n");
  }
  // One picture: the SVG that follows the reader's scheme by itself, else the one theme.
  const one = pictureFile(d, "auto") ?? light ?? dark;
  return one ? `<img src="${src(one)}" alt="${alt}"${size(one)}>` : undefined;
}

/**
 * The same as Markdown images, for site generators that rewrite Markdown image paths but not
 * HTML ones (MkDocs): the light and dark pictures marked `#only-light` and `#only-dark`, which
 * MkDocs Material shows by the site's own theme switch. One theme: one plain image.
 */
export function markdownImages(d: Pictured, base = ""): string | undefined {
  const light = pictureFile(d, "light");
  const dark = pictureFile(d, "dark");
  const alt = d.diagram.description.replace(/\s+/g, " ").replace(/[\\[\]]/g, (c) => `\\${c}`);
  const image = (o: OutputFile, mark = "") => {
    const url = `${joinUrl(base, o.file)}${mark}`;
    return `![${alt}](${/[\s()<>]/.test(url) ? `<${url.replace(/[<>]/g, encodeURIComponent)}>` : url})`;
  };
  if (light && dark) return `${image(light, "#only-light")}\n${image(dark, "#only-dark")}`;
  const one = pictureFile(d, "auto") ?? light ?? dark;
  return one ? image(one) : undefined;
}

function joinUrl(base: string, file: string): string {
  return base === "" || base === "." ? file : `${base.replace(/\/$/, "")}/${file}`;
}

