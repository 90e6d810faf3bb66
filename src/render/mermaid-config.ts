/**
 * Mermaid's site configuration for every render. The font list lives here, not in the
 * Mermaid text, because Mermaid drops a front-matter font list with commas in it.
 * Noto covers Latin, CJK and emoji on the machines vstack renders on (see the README's set-up).
 */
export const FONT_FAMILY = '"Noto Sans", "Noto Sans CJK SC", "Noto Color Emoji", Helvetica, Arial, sans-serif';

/**
 * The font list written on SVG text. No emoji font by name: librsvg (Pango) then draws digits
 * and spaces from it, spaced wide; every renderer finds emoji by fallback anyway. Unquoted, as
 * CSS allows, since some SVG tools do not read quotes in a presentation attribute.
 */
export const SVG_FONT_FAMILY = "Noto Sans, Noto Sans CJK SC, Helvetica, Arial, sans-serif";

export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: "strict",
  deterministicIds: true,
  deterministicIDSeed: "vstack",
  suppressErrorRendering: true,
  // Mermaid 12 draws flowcharts and most other types in its "neo" look unless told; vstack's themes
  // (derived dark, auto) are made for the classic one. A diagram's own front matter still wins.
  look: "classic",
  // useGradient: Mermaid 11 adds an unused gradient to dark flowcharts, and light and dark must differ only in colours (auto theme).
  themeVariables: { fontFamily: FONT_FAMILY, useGradient: false },
} as const;
