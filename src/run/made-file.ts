import { createHash } from "node:crypto";
import type { OutputFile } from "../output/embed.js";
import { pixelSize } from "../output/image-size.js";
import type { OutputTheme } from "../presets.js";

/** A file to write and what the report, the run record and the manifest keep of it. */
export interface MadeFile {
  file: OutputFile;
  data: Buffer;
}

export function madeFile(file: string, format: string, theme: OutputTheme, data: Buffer): MadeFile {
  return { file: { file, format, theme, sha256: createHash("sha256").update(data).digest("hex"), ...pixelSize(format, data) }, data };
}
