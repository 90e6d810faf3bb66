import type { LabelLine } from "../render/renderer.js";
import { findSystemFaces, type FontRole, type SystemFace } from "./system-fonts.js";

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

/**
 * The system's label faces, read once per process, with HarfBuzz (the shaper Chromium, Firefox
 * and Pango use) for coverage, shaping and outlines. HarfBuzz loads only when fonts are
 * embedded or outlined.
 */
export class FontSet {
  private constructor(
    readonly hb: HarfBuzz,
    readonly faces: LoadedFace[],
  ) {}

  private static loading: Promise<FontSet> | undefined;

  static load(): Promise<FontSet> {
    FontSet.loading ??= (async () => {
      const hb = await import("harfbuzzjs");
      const faces = findSystemFaces().map((f) => {
        const face = new hb.Face(new hb.Blob(f.bytes), 0);
        return { ...f, font: new hb.Font(face), upem: face.upem, covers: new Set(face.collectUnicodes()) };
      });
      return new FontSet(hb, faces);
    })();
    FontSet.loading.catch(() => (FontSet.loading = undefined));
    return FontSet.loading;
  }

  /**
   * A run cut where the face changes: each character goes to the first face (in the browser's
   * fallback order) of its weight that has it. Marks that join or vary a character (ZWJ,
   * variation selectors, skin tones) stay with the character before them.
   */
  segments(run: LabelLine["runs"][number]): Segment[] {
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

  private faceFor(code: number, bold: boolean): LoadedFace {
    const sameWeight = (f: LoadedFace) => f.role === "emoji" || f.bold === bold;
    return (
      this.faces.find((f) => sameWeight(f) && f.covers.has(code)) ??
      this.faces.find((f) => f.covers.has(code)) ??
      this.faces.find((f) => f.role === "sans" && f.bold === bold) ??
      this.faces[0]!
    );
  }

  roles(): FontRole[] {
    return [...new Set(this.faces.map((f) => f.role))];
  }
}

function joinsPrevious(code: number): boolean {
  return code === 0x200d || (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xe0020 && code <= 0xe007f) || code === 0x20e3;
}
