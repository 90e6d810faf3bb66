/** Where a fence was in its page, and what goes there instead. */
export interface PagePicture {
  start: number;
  end: number;
  snippet: string;
}

/**
 * A Markdown file as written out: each rendered fence replaced by its picture, the fence kept
 * above it in an HTML comment (so the page shows the picture and the source stays at hand).
 * Every line of the replacement keeps the fence's indentation, so a list stays a list, and the
 * page's own line endings (a page written on Windows stays CRLF throughout).
 */
export function rewrittenMarkdown(text: string, pictures: PagePicture[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  let out = "";
  let at = 0;
  for (const p of [...pictures].sort((a, b) => a.start - b.start)) {
    // The fence's own indentation, tabs kept as tabs (a list item indented with a tab stays one).
    const lineStart = text.lastIndexOf("\n", p.start - 1) + 1;
    const next = `${eol}${text.slice(lineStart, p.start).replace(/[^\t]/g, " ")}`;
    // "-->" would end the comment early: a fence holding one (a flowchart arrow) keeps it as "--&gt;".
    // The fence's own later lines already carry its indentation and line endings. A fence its
    // list item ended (no closing line) ends with the line break, which goes after the picture.
    const fence = text.slice(p.start, p.end);
    const ending = /\r?\n$/.exec(fence)?.[0] ?? "";
    const kept = fence.slice(0, fence.length - ending.length).replace(/-->/g, "--&gt;");
    const snippet = p.snippet.split("\n").join(next);
    out += `${text.slice(at, p.start)}<!-- vstack: drawn from this fence${next}${kept}${next}-->${next}${snippet}${ending}`;
    at = p.end;
  }
  return out + text.slice(at);
}
