/**
 * Escaping for text inside a Mermaid `"..."` label. Mermaid turns `#name;` and `#123;` into
 * HTML entities, so every character that could end the string, start markup, start a
 * comment or be read as an entity becomes an entity; the text then shows literally.
 */
const ENTITIES: Record<string, string> = {
  '"': "#quot;",
  "#": "#35;",
  "&": "#amp;",
  "<": "#lt;",
  ">": "#gt;",
  "%": "#37;",
  ";": "#59;",
  "`": "#96;",
  "\\": "#92;",
  "{": "#123;",
  "}": "#125;",
  "|": "#124;",
  "[": "#91;",
  "]": "#93;",
};

const SPECIAL = /["#&<>%;`\\{}|[\]]/g;

/**
 * Mermaid, before it parses, cuts the last `;` from any line where `style` or `classDef` is
 * followed by `:` and `#` (encodeEntities in mermaid's utils), which would break one of our
 * entities. Spelling their first letter as an entity keeps such a label out of its reach.
 */
const MERMAID_KEYWORDS = /s(?=tyle)|c(?=lassDef)/g;

/** Escapes text; line breaks in it become `<br/>`; control characters are dropped. */
export function escapeLabel(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "")
    .replace(SPECIAL, (c) => ENTITIES[c]!)
    .replace(MERMAID_KEYWORDS, (c) => `#${c.charCodeAt(0)};`)
    .split("\n")
    .join("<br/>");
}

/** A bold label with an optional smaller detail line under it. */
export function formatLabel(label: string, detail?: string): string {
  const head = `<b>${escapeLabel(label)}</b>`;
  return detail === undefined ? head : `${head}<br/><small>${escapeLabel(detail)}</small>`;
}

/** Text for a `%%` comment: one line, nothing that reads as a directive. */
export function commentText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/%%|[{}]/g, "").slice(0, 200);
}
