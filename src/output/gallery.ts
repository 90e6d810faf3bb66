import { byFamily } from "../spec-format/families.js";
import { embedSnippet, type EmbeddableDiagram } from "./embed.js";
import { escapeHtml } from "../escape-html.js";
import { LANG_NAMES, LANGS, type Lang } from "../langs.js";
import { uiText } from "../i18n/ui-strings.js";

/**
 * The gallery pages of an output folder: `README.md` (shown by GitHub and most docs sites)
 * and `index.html` (open it in a browser). Every diagram with its title, summary, picture in
 * the reader's colour scheme, notes, sources and embed snippet. Nothing in them depends on
 * time or machine, so re-rendering gives the same bytes.
 */
export function galleryMarkdown(diagrams: EmbeddableDiagram[]): string {
  const parts = ["# vstack gallery", "", "Rendered by vstack (`vstack render`). Do not edit by hand: edit the specs and render again.", ""];
  const langs = langsIn(diagrams);
  if (langs.length === 1) return finish([...parts, ...markdownOf(diagrams, "##", "")]);
  // Several languages: a line of links to each, then each language's gallery under its name.
  parts.push(langs.map((l) => `[${LANG_NAMES[l]}](#lang-${l})`).join(" · "), "");
  for (const lang of langs) parts.push(`<a id="lang-${lang}"></a>`, "", `## ${LANG_NAMES[lang]}`, "", ...markdownOf(diagrams.filter((d) => (d.diagram.lang ?? "en") === lang), "###", `-${lang}`));
  return finish(parts);
}

const finish = (parts: string[]) => `${parts.join("\n").trimEnd()}\n`;

/** The languages of a run's diagrams, in vstack's order. */
function langsIn(diagrams: EmbeddableDiagram[]): Lang[] {
  return LANGS.filter((l) => diagrams.some((d) => (d.diagram.lang ?? "en") === l));
}

/** One language's gallery in Markdown: a table of contents by family, then every diagram (`h`: the family headings' level). */
function markdownOf(diagrams: EmbeddableDiagram[], h: string, suffix: string): string[] {
  const groups = groupsOf(diagrams, suffix);
  const parts: string[] = [];
  // The table of contents: by family where the specs name one.
  for (const g of groups) {
    if (g.title) parts.push(`**${g.title}**`, "");
    parts.push(...g.items.map((d) => `- [${d.diagram.title}](#${d.diagram.id})`), "");
  }
  for (const g of groups) {
    if (g.title) parts.push(`<a id="${g.anchor}"></a>`, "", `${h} ${g.title}`, "");
    for (const d of g.items) {
      const { diagram, outputs } = d;
      parts.push(`<a id="${diagram.id}"></a>`, `${g.title ? `${h}#` : h} ${diagram.title}`, "");
      if (diagram.summary) parts.push(diagram.summary, "");
      const picture = embedSnippet(d);
      if (picture) parts.push(picture, "");
      for (const note of diagram.notes) parts.push(`> ${note}`, "");
      parts.push(`Files: ${outputs.map((o) => `[${o.file}](${o.file})`).join(" · ")}`, "");
      const sources = diagram.sources.length > 0 ? ` · Sources: ${diagram.sources.map((s) => `<${s}>`).join(", ")}` : "";
      parts.push(`Drawn from \`${diagram.file}\`${sources}`, "");
    }
  }
  return parts;
}

/** The gallery's groups: by family (see spec/families.ts), titled in the diagrams' language, each with an anchor (`suffix`: which language's). */
function groupsOf(diagrams: EmbeddableDiagram[], suffix = "") {
  const lang = diagrams[0]?.diagram.lang;
  return byFamily(diagrams.map((d) => ({ ...d, ...(d.diagram.family && { family: d.diagram.family }) }))).map((g) => ({ ...g, title: g.title && uiText(lang, g.title), anchor: `family-${g.family ?? "other"}${suffix}` }));
}

/** `extraHead`/`extraBody`: what `vstack preview` adds (live reload, the run's errors). */
export function galleryHtml(diagrams: EmbeddableDiagram[], extra: { head?: string; body?: string } = {}): string {
  const section = (d: EmbeddableDiagram, h: string) => {
    const { diagram, outputs } = d;
    const snippet = embedSnippet(d);
    return [
      `<section id="${escapeHtml(diagram.id)}">`,
      `<${h}>${escapeHtml(diagram.title)}</${h}>`,
      diagram.summary ? `<p>${escapeHtml(diagram.summary)}</p>` : "",
      snippet ? `<div class="picture">${snippet}</div>` : "",
      ...diagram.notes.map((n) => `<blockquote>${escapeHtml(n)}</blockquote>`),
      `<p class="files">${outputs.map((o) => `<a href="${escapeHtml(o.file)}">${escapeHtml(o.file)}</a>`).join(" · ")}</p>`,
      `<p class="from">Drawn from <code>${escapeHtml(diagram.file)}</code>${diagram.sources.length > 0 ? ` · Sources: ${diagram.sources.map((s) => `<a href="${escapeHtml(s)}">${escapeHtml(s)}</a>`).join(", ")}` : ""}</p>`,
      snippet ? `<details><summary>Embed</summary><pre><code>${escapeHtml(snippet)}</code></pre></details>` : "",
      `</section>`,
    ]
      .filter(Boolean)
      .join("\n");
  };
  const page = (items: EmbeddableDiagram[], suffix: string) => {
    const groups = groupsOf(items, suffix);
    const nav = groups.map((g) => `<nav>${g.title ? `<b>${escapeHtml(g.title)}</b> ` : ""}${g.items.map((d) => `<a href="#${escapeHtml(d.diagram.id)}">${escapeHtml(d.diagram.title)}</a>`).join("")}</nav>`).join("\n");
    const body = groups.map((g) => `${g.title ? `<h2 id="${g.anchor}">${escapeHtml(g.title)}</h2>\n` : ""}${g.items.map((d) => section(d, g.title ? "h3" : "h2")).join("\n")}`).join("\n");
    return `${nav}\n${body}`;
  };
  const langs = langsIn(diagrams);
  // Several languages: one radio button per language and CSS that shows only the chosen one's diagrams (no script).
  const switcher = `<p class="langs">${langs.map((l, i) => `<label><input type="radio" name="vstack-lang" id="vstack-lang-${l}"${i === 0 ? " checked" : ""}> ${LANG_NAMES[l]}</label>`).join(" ")}</p>\n`;
  const shown = langs.map((l) => `body:has(#vstack-lang-${l}:checked) .lang-${l}`).join(",");
  const content =
    langs.length <= 1
      ? page(diagrams, "")
      : `${switcher}${langs.map((l) => `<div class="lang lang-${l}" lang="${l}">\n${page(diagrams.filter((d) => (d.diagram.lang ?? "en") === l), `-${l}`)}\n</div>`).join("\n")}`;
  const langCss = langs.length <= 1 ? "" : `\n.lang{display:none}\n${shown}{display:block}\n.langs label{margin-right:1rem}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>vstack gallery</title>
<style>
body{font-family:"Noto Sans",system-ui,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;line-height:1.5}
section{border-top:1px solid #8884;padding:1rem 0}
.picture img{max-width:100%;height:auto}
blockquote{margin:.5rem 0;padding-left:1rem;border-left:3px solid #8886}
.files,.from{font-size:.9rem}
pre{overflow:auto;background:#8882;padding:.5rem}
nav{margin:.25rem 0}
nav a{margin-right:1rem}${langCss}
</style>
${extra.head ?? ""}</head>
<body>
<h1>vstack gallery</h1>
${extra.body ?? ""}${content}
</body>
</html>
`;
}
