import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { VstackError } from "../errors.js";
import { faceOfCollection } from "./sfnt.js";

/** The faces vstack's labels are drawn in, in the order a browser falls back through them. */
export const FONT_ROLES = [
  { role: "sans", family: "Noto Sans", bold: false },
  { role: "sans", family: "Noto Sans", bold: true },
  { role: "cjk", family: "Noto Sans CJK SC", bold: false },
  { role: "cjk", family: "Noto Sans CJK SC", bold: true },
  { role: "emoji", family: "Noto Color Emoji", bold: false },
] as const;

export type FontRole = (typeof FONT_ROLES)[number]["role"];

export interface SystemFace {
  role: FontRole;
  family: string;
  bold: boolean;
  /** The face's own font file (one face, cut out of a collection when need be). */
  bytes: Buffer;
}

export class FontsUnavailableError extends VstackError {
  constructor(message: string) {
    super("fonts-unavailable", message);
  }
}

/**
 * The font file the browser drew a face with, found the way it found it: through fontconfig
 * (`fc-match`). A family fontconfig can only substitute gives undefined: it is not embedded
 * under a name it does not have.
 */
export function findSystemFace(want: (typeof FONT_ROLES)[number], match: (query: string) => string = fcMatch): SystemFace | undefined {
  const place = matchFace(want, match);
  if (!place) return undefined;
  try {
    return { ...want, bytes: faceOfCollection(readFileSync(place.file), place.index) };
  } catch (err) {
    throw new FontsUnavailableError(`cannot read ${want.family} from ${place.file} (${err instanceof Error ? err.message : String(err)}); use --fonts system`);
  }
}

/** Where fontconfig has a face: its file and the face's index in it; undefined when it can only substitute. */
export function matchFace(want: (typeof FONT_ROLES)[number], match: (query: string) => string = fcMatch): { file: string; index: number } | undefined {
  const [file = "", index = "0", found = ""] = match(`${want.family}:${want.bold ? "bold" : "regular"}`).split("|");
  // The high 16 bits of fontconfig's index name a variable font's instance; the face is the low ones.
  return found === want.family && file ? { file, index: Number(index) & 0xffff } : undefined;
}

function fcMatch(query: string): string {
  try {
    return execFileSync("fc-match", ["-f", "%{file}|%{index}|%{family[0]}", query], { encoding: "utf8" });
  } catch {
    throw new FontsUnavailableError("fontconfig's fc-match is needed to find the fonts to embed; install fontconfig (Debian/Ubuntu) or use --fonts system");
  }
}
