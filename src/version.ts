import { readFileSync } from "node:fs";

/** vstack's own version, from package.json (part of every output's identity). */
export const VERSION: string = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version;
