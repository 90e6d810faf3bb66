/**
 * Mermaid's site configuration for every render. The font list lives here, not in the
 * Mermaid text, because Mermaid drops a front-matter font list with commas in it.
 * Noto covers Latin, CJK and emoji on the machines vstack renders on (see the README's set-up).
 */
export const FONT_FAMILY = '"Noto Sans", "Noto Sans CJK SC", "Noto Color Emoji", Helvetica, Arial, sans-serif';

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  deterministicIds: true,
  deterministicIDSeed: "vstack",
  suppressErrorRendering: true,
  themeVariables: { fontFamily: FONT_FAMILY },
} as const;
