import type { Lang } from "../langs.js";
import type { PresetName } from "../presets.js";

/** What `vstack table` prints as text, and what it draws. */
export const TEXT_FORMATS = ["md", "html"] as const;
export const DRAWN_FORMATS = ["svg", "png", "pdf"] as const;
export const TABLE_FORMATS = [...TEXT_FORMATS, ...DRAWN_FORMATS] as const;

export interface TableArgs {
  specs: string[];
  format?: (typeof TABLE_FORMATS)[number];
  out?: string;
  theme?: "light" | "dark";
  preset?: PresetName;
  lang?: Lang;
  quiet?: boolean;
}
