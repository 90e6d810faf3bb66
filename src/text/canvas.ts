import stringWidth from "string-width";

/** Colours of a cell, as the palette's hex (anything else is left unpainted). */
export interface Paint {
  fg?: string;
  bg?: string;
}

/** One terminal cell: a grapheme, or "" for the second cell of a wide one. */
interface Cell {
  text: string;
  paint?: Paint;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** A grid of terminal cells to draw on, printed as lines (plain, or with 24-bit ANSI colours). */
export class Canvas {
  private readonly rows: Cell[][];

  /** `width`: lines are cut there (what is drawn past it is dropped). */
  constructor(readonly width: number, height: number) {
    this.rows = Array.from({ length: height }, () => Array.from({ length: width }, () => ({ text: " " })));
  }

  /** Writes `text` from column x of row y, cut at the canvas's edge; `paint` undefined keeps the cells' own. */
  put(x: number, y: number, text: string, paint?: Paint): void {
    const row = this.rows[y];
    if (!row || x >= this.width) return;
    let at = x;
    for (const { segment } of graphemes.segment(text)) {
      const w = Math.max(1, stringWidth(segment));
      if (at + w > this.width) break;
      if (at >= 0) {
        // A wide character half overwritten leaves a space, not half a glyph.
        if (row[at]!.text === "" && at > 0) row[at - 1]!.text = " ";
        const after = row[at + w];
        if (after?.text === "") after.text = " ";
        row[at] = { text: segment, paint: paint ?? row[at]!.paint };
        for (let i = 1; i < w; i++) row[at + i] = { text: "", paint: paint ?? row[at + i]!.paint };
      }
      at += w;
    }
  }

  /** Paints a rectangle's cells (their text kept). */
  paint(x: number, y: number, width: number, height: number, paint: Paint): void {
    for (let r = Math.max(0, y); r < Math.min(this.rows.length, y + height); r++)
      for (let c = Math.max(0, x); c < Math.min(this.width, x + width); c++) this.rows[r]![c]!.paint = paint;
  }

  /**
   * The rows as lines, at most `limit` cells wide, without the blank margin left and below (an
   * invisible frame's) nor trailing blanks; with `color`, each run of one paint in one escape.
   */
  lines(color: boolean, limit = this.width): string[] {
    // Painted or not alike, so that the coloured lines are the plain ones with escapes added.
    const blank = (c: Cell) => c.text === " " && !painted(c.paint);
    const ends = this.rows.map((row) => {
      let end = row.length;
      while (end > 0 && blank(row[end - 1]!)) end--;
      return end;
    });
    const left = this.rows.reduce((least, row, r) => {
      let start = 0;
      while (start < ends[r]! && blank(row[start]!)) start++;
      return ends[r]! > 0 ? Math.min(least, start) : least;
    }, Infinity);
    let last = this.rows.length;
    while (last > 0 && ends[last - 1] === 0) last--;
    return this.rows.slice(0, last).map((row, r) => {
      const end = Math.min(ends[r]!, left + limit);
      const cells = row.slice(Math.min(left, end), end);
      // A wide character cut in half at the limit is left out.
      if (row[end]?.text === "" && cells.length > 0) cells[cells.length - 1] = { ...cells.at(-1)!, text: " " };
      if (!color) return cells.map((c) => c.text).join("");
      let out = "";
      for (let start = 0; start < cells.length; ) {
        let stop = start + 1;
        while (stop < cells.length && same(cells[stop]!.paint, cells[start]!.paint)) stop++;
        out += ansi(cells.slice(start, stop).map((c) => c.text).join(""), cells[start]!.paint);
        start = stop;
      }
      return out;
    });
  }
}

const HEX = /^#[0-9a-f]{6}$/i;
const painted = (p: Paint | undefined) => Boolean(p && ((p.fg && HEX.test(p.fg)) || (p.bg && HEX.test(p.bg))));
const same = (a: Paint | undefined, b: Paint | undefined) => a?.fg === b?.fg && a?.bg === b?.bg;

function ansi(text: string, paint: Paint | undefined): string {
  if (!painted(paint)) return text;
  const rgb = (hex: string | undefined) => (hex && HEX.test(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(";") : undefined);
  const [f, b] = [rgb(paint!.fg), rgb(paint!.bg)];
  return `${f ? `\x1b[38;2;${f}m` : ""}${b ? `\x1b[48;2;${b}m` : ""}${text}\x1b[0m`;
}
