/**
 * A Markdown file as written out: each rendered fence replaced by its picture, the fence kept
 * above it in an HTML comment (so the page shows the picture and the source stays at hand).
 * `pictures` are in the order of the fences, with their offsets in the original text.
 */
export function rewrittenMarkdown(text: string, pictures: Array<{ start: number; end: number; snippet: string }>): string {
  let out = "";
  let at = 0;
  for (const p of [...pictures].sort((a, b) => a.start - b.start)) {
    // "-->" would end the comment early: a fence holding one (a flowchart arrow) keeps it as "--&gt;".
    const kept = text.slice(p.start, p.end).replace(/-->/g, "--&gt;");
    out += `${text.slice(at, p.start)}<!-- vstack: drawn from this fence\n${kept}\n-->\n${p.snippet}`;
    at = p.end;
  }
  return out + text.slice(at);
}
