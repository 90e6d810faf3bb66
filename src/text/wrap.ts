import stringWidth from "string-width";
import { NO_LINE_END, NO_LINE_START } from "../layout/text-width.js";

/** A label and its detail as lines of at most `room` terminal cells (its own line breaks kept). */
export function wrapBox({ label, detail }: { label: string; detail?: string }, room: number): string[] {
  const parts = detail !== undefined ? [label, detail] : [label];
  return parts.flatMap((p) => p.split("\n")).flatMap((line) => wrap(line, Math.max(1, room)));
}

/** Words onto lines of `room` cells; a word longer than a line is cut (in one pass along it: a word may be long). */
export function wrap(text: string, room: number): string[] {
  const out: string[] = [];
  let line = "";
  // The line's width kept as it grows (a space parts graphemes, so widths add): measuring the
  // whole line again for each word would be quadratic in a long label.
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = stringWidth(word);
    if (line && used + 1 + w <= room) {
      [line, used] = [`${line} ${word}`, used + 1 + w];
      continue;
    }
    if (line) out.push(line);
    let from = 0;
    if (w > room)
      for (let end = cutAt(word, from, room); end < word.length; end = cutAt(word, from, room)) {
        let cut = cutPlace(word, from, end);
        let hyphen = false;
        if (isLetter(word[cut - 1]) && isLetter(word[cut])) {
          // A run of letters inside the piece (Latin in Chinese) goes down whole; a word that is
          // the whole piece is cut with a hyphen, as in print (it takes a cell).
          let start = cut;
          while (start > from && isLetter(word[start - 1])) start--;
          if (start > from) cut = start;
          else if (cut - 1 > from + 1) [cut, hyphen] = [cut - 1, true];
        }
        out.push(hyphen ? `${word.slice(from, cut)}-` : word.slice(from, cut));
        from = cut;
      }
    line = word.slice(from);
    used = from === 0 ? w : stringWidth(line);
  }
  if (line) out.push(line);
  return out;
}

/**
 * A cut moved back to the last hyphen, slash or underscore in the piece, else so that closing
 * punctuation does not start the next line and an opening bracket does not end this one (the
 * character before goes down with it), as in pictures.
 */
function cutPlace(text: string, from: number, cut: number): number {
  // After a hyphen, slash or underscore inside the piece, where the picture breaks a long word too.
  for (let at = cut; at > from + 1; at--) if (BREAK_AFTER.includes(text[at - 1]!)) return at;
  let at = cut;
  while (at > from + 1 && (NO_LINE_START.includes(text[at] ?? "") || NO_START.includes(text[at] ?? "") || NO_LINE_END.includes(text[at - 1] ?? ""))) at--;
  return at;
}

const BREAK_AFTER = "-/_";

/** A Latin letter or digit (a CJK character may be cut anywhere, with no hyphen). */
function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}0-9]/u.test(c);
}
/** Latin punctuation that would read as a stray mark at the start of a line. */
const NO_START = ",.;:!?)]}";

/** The end of the longest piece from `from` (whole code points, at least one) that fits `room` cells. */
function cutAt(text: string, from: number, room: number): number {
  let used = 0;
  let at = from;
  while (at < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    used += stringWidth(ch);
    if (used > room && at > from) break;
    at += ch.length;
    if (used >= room) break;
  }
  return at;
}
