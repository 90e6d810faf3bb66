import { join } from "node:path";
import type { DiagramReport } from "../build.js";
import { writeOutput } from "./write.js";

/**
 * `README.md` in the output folder: every diagram of the run with its title, summary, notes
 * and sources, shown in the reader's colour scheme where both themes were rendered.
 * Nothing in it depends on time or machine, so re-rendering gives the same bytes.
 */
export async function writeGallery(outDir: string, diagrams: DiagramReport[]): Promise<void> {
  await writeOutput(join(outDir, "README.md"), galleryMarkdown(diagrams));
}

export function galleryMarkdown(diagrams: DiagramReport[]): string {
  const parts = [
    "# vstack gallery",
    "",
    "Rendered by `npm run gallery` from the specs in [`specs/`](../specs). Do not edit by hand.",
    "",
    ...diagrams.map((d) => `- [${d.diagram.title}](#${d.diagram.id})`),
    "",
  ];
  for (const d of diagrams) {
    const { diagram, files } = d;
    const image = (theme: string, ext: string) => (files.includes(`${diagram.id}.${theme}.${ext}`) ? `${diagram.id}.${theme}.${ext}` : undefined);
    const light = image("light", "svg") ?? image("light", "png");
    const dark = image("dark", "svg") ?? image("dark", "png");
    const alt = escapeAttr(diagram.description);
    parts.push(`<a id="${diagram.id}"></a>`, `## ${diagram.title}`, "");
    if (diagram.summary) parts.push(diagram.summary, "");
    if (light && dark) {
      parts.push(`<picture>`, `  <source media="(prefers-color-scheme: dark)" srcset="${dark}">`, `  <img src="${light}" alt="${alt}">`, `</picture>`, "");
    } else if (light ?? dark) {
      parts.push(`<img src="${light ?? dark}" alt="${alt}">`, "");
    }
    for (const note of diagram.notes) parts.push(`> ${note}`, "");
    parts.push(`Files: ${files.map((f) => `[${f}](${f})`).join(" · ")}`, "");
    const sources = diagram.sources.length > 0 ? ` · Sources: ${diagram.sources.map((s) => `<${s}>`).join(", ")}` : "";
    parts.push(`Drawn from \`${diagram.file}\`${sources}`, "");
  }
  return `${parts.join("\n").trimEnd()}\n`;
}

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
