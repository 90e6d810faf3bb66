/** The one rule for ids (a spec's, which names its files, and a box's), stated once: the schema checks it, `init` and help text say it. */
export const ID_RULE = { pattern: /^[a-z][a-z0-9-]*$/, says: "lower-case letters, digits and dashes, starting with a letter" } as const;
