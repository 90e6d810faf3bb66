import type { LabelLine } from "../render/renderer.js";
import { findSystemFace, FONT_ROLES, FontsUnavailableError, type SystemFace } from "./system-fonts.js";

type HarfBuzz = typeof import("harfbuzzjs");

export interface LoadedFace extends SystemFace {
  font: InstanceType<HarfBuzz["Font"]>;
  upem: number;
  covers: Set<number>;
}

/** A stretch of a run drawn in one face. */
export interface Segment {
  text: string;
  face: LoadedFace;
}

type Run = LabelLine["runs"][number];

/**
 * The system's label faces, with HarfBuzz (the shaper Chromium, Firefox and Pango use) for
 * coverage, shaping and outlines. A face is read only when a label needs it: the CJK
 * collection alone is tens of megabytes, and most diagrams are Latin.
 */
export class FontSet {
  private readonly loaded = new Map<number, LoadedFace | undefined>();

  private constructor(readonly hb: HarfBuzz) {}

  private static loading: Promise<FontSet> | undefined;

  /** The process's font set (HarfBuzz loads on first use). */
  static load(): Promise<FontSet> {
    FontSet.loading ??= import("harfbuzzjs").then((hb) => new FontSet(hb));
    FontSet.loading.catch(() => (FontSet.loading = undefined));
    return FontSet.loading;
  }

  /** Reads every face the runs need, in fallback order, stopping once every character has one. */
  prepare(runs: Run[]): void {
    for (const bold of [false, true]) {
      let missing = new Set(runs.filter((r) => r.bold === bold).flatMap((r) => [...r.text].map((c) => c.codePointAt(0)!)));
      for (const [i, want] of FONT_ROLES.entries()) {
        if (missing.size === 0) break;
        if (want.role !== "emoji" && want.bold !== bold) continue;
        const face = this.face(i);
        if (face) missing = new Set([...missing].filter((c) => !face.covers.has(c) && !joinsPrevious(c)));
      }
    }
    if (!this.faces.some((f) => f.role === "sans")) {
      throw new FontsUnavailableError("Noto Sans is not installed, so there is no font to embed; install fonts-noto-core (Debian/Ubuntu) or use --fonts system");
    }
  }

  /** The faces read so far, in fallback order. */
  get faces(): LoadedFace[] {
    return FONT_ROLES.flatMap((_, i) => this.loaded.get(i) ?? []);
  }

  /**
   * A run cut where the face changes: each character goes to the first face (in the browser's
   * fallback order) of its weight that has it. Marks that join or vary a character (ZWJ,
   * variation selectors, skin tones) stay with the character before them. Call prepare() first.
   */
  segments(run: Run): Segment[] {
    const out: Segment[] = [];
    for (const char of run.text) {
      const code = char.codePointAt(0)!;
      const last = out.at(-1);
      if (last && joinsPrevious(code)) {
        last.text += char;
        continue;
      }
      const face = this.faceFor(code, run.bold);
      if (last && last.face === face) last.text += char;
      else out.push({ text: char, face });
    }
    return out;
  }

  private face(index: number): LoadedFace | undefined {
    if (!this.loaded.has(index)) {
      const found = findSystemFace(FONT_ROLES[index]!);
      const face = found && new this.hb.Face(new this.hb.Blob(found.bytes), 0);
      this.loaded.set(index, found && face && { ...found, font: new this.hb.Font(face), upem: face.upem, covers: new Set(face.collectUnicodes()) });
    }
    return this.loaded.get(index);
  }

  private faceFor(code: number, bold: boolean): LoadedFace {
    const faces = this.faces;
    const sameWeight = (f: LoadedFace) => f.role === "emoji" || f.bold === bold;
    return faces.find((f) => sameWeight(f) && f.covers.has(code)) ?? faces.find((f) => f.covers.has(code)) ?? faces.find((f) => f.role === "sans" && f.bold === bold) ?? faces[0]!;
  }
}

/** A code point that joins or varies the character before it (ZWJ, variation selectors, skin tones, tags, keycap). */
export function joinsPrevious(code: number): boolean {
  return code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f) || code === 0x20e3;
}
