import { BOLD, METRIC_RANGES, REGULAR } from "./font-metrics.js";
import type { Lang } from "../langs.js";
import { syllables } from "./hyphenate.js";

/**
 * Text widths as Noto Sans draws them, from its advance table (no browser, no font file), for
 * wrapping labels before Mermaid sizes the boxes. Kerning is left out: it narrows, so a line
 * measured here never comes out wider in the picture.
 */
export function textWidth(text: string, bold: boolean, sizePx: number): number {
  const table = bold ? BOLD : REGULAR;
  let thousandths = 0;
  // Most labels are one code unit a character with no joiners: summed directly, as segmenting
  // graphemes is the slow part of wrapping.
  if (isSimple(text)) {
    for (let i = 0; i < text.length; i++) thousandths += advance(text.charCodeAt(i), table);
    return (thousandths / 1000) * sizePx;
  }
  for (const { segment } of graphemes.segment(text)) {
    const code = segment.codePointAt(0)!;
    // An emoji sequence (ZWJ family, skin tone, keycap, flag) is drawn as one glyph.
    thousandths += segment.length > 1 && (code >= 0x1f000 || /[\u200d\ufe0f\u20e3]/.test(segment)) ? 1300 : advance(code, table);
  }
  return (thousandths / 1000) * sizePx;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Only characters that are always a grapheme of their own (Latin, general punctuation, arrows,
 * CJK ideographs, kana and full-width forms, without their combining marks); anything else goes
 * through the segmenter.
 */
function isSimple(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const single = (c < 0x300 && c !== 0x0d) || (c >= 0x2010 && c <= 0x205e) || (c >= 0x2190 && c <= 0x21ff) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x3098) || (c >= 0x309b && c <= 0x9fff) || (c >= 0xff00 && c <= 0xff9d);
    if (!single) return false;
  }
  return true;
}

function advance(code: number, table: readonly number[]): number {
  let offset = 0;
  for (const [from, to] of METRIC_RANGES) {
    if (code >= from && code <= to) return table[offset + code - from] || 600;
    offset += to - from + 1;
  }
  if (isWide(code)) return 1000;
  if (code >= 0x1f000) return 1300; // emoji, drawn from Noto Color Emoji
  if (code >= 0x300 && code <= 0x36f) return 0; // combining marks
  return 600;
}

/** CJK ideographs, kana, hangul and full-width forms: one em each, a line may break between any two. */
function isWide(code: number): boolean {
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xac00 && code <= 0xd7af) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x20000 && code <= 0x3ffff);
}

/**
 * Breaks text into lines no wider than `maxPx` where it can: at spaces, after a hyphen, slash
 * or underscore inside a long word, between CJK characters, and (German, French, Italian:
 * `lang`) between the syllables of a word still too long, with a hyphen at the break. A piece
 * that cannot be broken stays whole (its box grows). Line breaks already in the text are kept.
 * `keepNumbers`: a short number stays on the line of the word before it ("Container 1"); a
 * picture that cannot fit its width so may ask for them to break too.
 */
export function wrapText(text: string, maxPx: number, bold: boolean, sizePx: number, lang?: Lang, keepNumbers = true): string {
  return text
    .split("\n")
    .map((paragraph) => wrapLine(paragraph, maxPx, bold, sizePx, lang, keepNumbers).join("\n"))
    .join("\n");
}

/** Chinese punctuation that never starts a line, and brackets that never end one (GB/T 15834). */
export const NO_LINE_START = "，。、；：？！）》」』】〕〉％…";
export const NO_LINE_END = "（《「『【〔〈";

/** One to three digits: a unit's number. */
function isShortNumber(text: string): boolean {
  return text.length <= 3 && [...text].every((c) => c >= "0" && c <= "9");
}

function wrapLine(text: string, maxPx: number, bold: boolean, sizePx: number, lang: Lang | undefined, keepNumbers: boolean): string[] {
  const width = (s: string) => textWidth(s, bold, sizePx);
  if (width(text) <= maxPx) return [text];
  // Pieces with what joins each to the one before: a space, or nothing; `hyphen`: a break
  // before it falls inside a word, so the line above ends with "-".
  const pieces: Array<{ text: string; joiner: string; hyphen?: true }> = [];
  text.split(/ +/).forEach((word, i) => {
    const parts = width(word) > maxPx ? word.split(/(?<=[-/_])|(?<=[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef])|(?=[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef])/u).filter(Boolean) : [word];
    parts.forEach((part, j) => {
      const joiner = i > 0 && j === 0 ? " " : "";
      const bits = width(part) > maxPx ? syllables(part, lang) : [part];
      bits.forEach((bit, k) => pieces.push({ text: bit, joiner: k === 0 ? joiner : "", ...(k > 0 && { hyphen: true as const }) }));
    });
  });
  // Chinese line-breaking rules (GB/T 15834, as CSS line-break applies them): closing
  // punctuation never starts a line and opening brackets never end one, so they stay glued.
  // And a short number stays with the word before it: "Container 1", "VM 2", never "1" alone on a line.
  const glued: typeof pieces = [];
  for (const piece of pieces) {
    const last = glued.at(-1);
    if (last && piece.joiner === "" && !piece.hyphen && (NO_LINE_START.includes(piece.text[0]!) || NO_LINE_END.includes(last.text.at(-1)!))) last.text += piece.text;
    else if (keepNumbers && last && piece.joiner === " " && isShortNumber(piece.text)) last.text += ` ${piece.text}`;
    else glued.push({ ...piece });
  }
  const lines: string[] = [];
  let line = "";
  for (const piece of glued) {
    const joined = line === "" ? piece.text : line + piece.joiner + piece.text;
    if (line !== "" && width(piece.hyphen ? `${joined}-` : joined) > maxPx) {
      lines.push(piece.hyphen ? `${line}-` : line);
      line = piece.text;
    } else line = joined;
  }
  if (line !== "") lines.push(line);
  return lines;
}
