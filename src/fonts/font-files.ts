import { stat } from "node:fs/promises";
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { FONT_ROLES, FontsUnavailableError, matchFace } from "./system-fonts.js";
import type { Remember } from "../remember.js";

interface FontFile {
  family: string;
  bold: boolean;
  file: string;
  index: number;
  size: number;
  mtimeMs: number;
}

/**
 * The font files labels are drawn from (fontconfig's choice for each face of FONT_ROLES, the
 * same files Chromium draws with and vstack embeds), with each one's size and time: part of
 * every picture's cache key, so installing, removing or updating a font redraws. fontconfig is
 * asked again only when its state looks different (its settings, its cache folders' times) or
 * a chosen file changed.
 */
export async function fontFiles(remember: Remember): Promise<FontFile[] | string> {
  return remember("fonts", fontconfigState(), ask, (kept) => typeof kept === "string" || kept.every((f) => sameFile(f)));
}

async function ask(): Promise<FontFile[] | string> {
  const found: FontFile[] = [];
  for (const want of FONT_ROLES) {
    let place: ReturnType<typeof matchFace>;
    try {
      place = matchFace(want);
    } catch (err) {
      if (err instanceof FontsUnavailableError) return "no fontconfig";
      throw err;
    }
    const info = place && (await stat(place.file).catch(() => undefined));
    if (place && info) found.push({ family: want.family, bold: want.bold, file: place.file, index: place.index, size: info.size, mtimeMs: info.mtimeMs });
  }
  return found;
}

function sameFile(f: FontFile): boolean {
  try {
    const now = statSync(f.file);
    return now.size === f.size && now.mtimeMs === f.mtimeMs;
  } catch {
    return false;
  }
}

/** fontconfig's settings and the times of its cache folders, which fc-cache rewrites when fonts are installed or removed. */
function fontconfigState(): string {
  const dirs = ["/var/cache/fontconfig", join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "fontconfig")];
  const times = dirs.map((d) => {
    try {
      return statSync(d).mtimeMs;
    } catch {
      return null;
    }
  });
  return JSON.stringify([process.env.FONTCONFIG_FILE ?? null, process.env.FONTCONFIG_PATH ?? null, times]);
}
