import { createRequire } from "node:module";

/** The mermaid version that renders (part of every output's cache key). */
export const MERMAID_VERSION: string = createRequire(import.meta.url)("mermaid/package.json").version;
