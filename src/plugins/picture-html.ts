import { createHash } from "node:crypto";
import { join } from "node:path";
import { escapeHtml } from "../escape-html.js";
import { autoThemeSvg } from "../output/auto-theme.js";
import { embedSnippet, type OutputFile } from "../output/embed.js";
import { scopeIds } from "../output/scope-ids.js";
import { writeIfChanged } from "../output/write.js";
import type { PluginOptions } from "./plugin-options.js";

/** The HTML for a drawn diagram, from its SVG per theme; files written to `assets` where the strategy serves them. */
export async function pictureHtml(id: string, alt: string, svg: Map<string, string>, options: PluginOptions, assets: string): Promise<string> {
  const { strategy, darkSelector, theme } = options;
  if (strategy === "inline") {
    const one = theme ? svg.get(theme)! : autoThemeSvg(svg.get("light")!, svg.get("dark")!, { ...(darkSelector && { darkSelector }) });
    return `<figure class="vstack">${scopeIds(one, "vstack-diagram", `vstack-${id}`)}</figure>`;
  }
  const outputs: OutputFile[] = [];
  for (const [t, text] of svg) {
    // The content's hash in the name: a changed picture is a new URL, so no browser shows a stale one.
    const sha256 = createHash("sha256").update(text).digest("hex");
    const file = `${id}.${sha256.slice(0, 10)}.${t}.svg`;
    await writeIfChanged(join(assets, file), text);
    outputs.push({ file, format: "svg", theme: t as OutputFile["theme"], sha256 });
  }
  const base = options.publicPath!;
  if (strategy === "classes") {
    const src = (t: string) => escapeHtml(`${base.replace(/\/$/, "")}/${outputs.find((o) => o.theme === t)!.file}`);
    const alts = escapeHtml(alt);
    return `<img class="${escapeHtml(options.lightClass!)}" src="${src("light")}" alt="${alts}"><img class="${escapeHtml(options.darkClass!)}" src="${src("dark")}" alt="${alts}">`;
  }
  return embedSnippet({ diagram: { description: alt }, outputs }, base)!.replace(/\n\s*/g, "");
}
