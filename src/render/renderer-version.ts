/**
 * The renderer's own version, part of every output's cache key. Bump it whenever the code that
 * draws changes what it draws (the files test/golden/renderer-version.txt lists): a constant,
 * rather than the text of that code, so the CLI bundle and the library share cache entries and a
 * bundler upgrade does not throw every cached picture away. A test fails when those files change
 * and this number does not.
 */
export const RENDERER_VERSION = 23;

/** The files whose content the renderer version stands for (relative to src/render): the page and the fonts put into SVGs. */
export const RENDERER_FILES = ["warm-page.ts", "pdf-metadata.ts", "page-assets.ts", "mermaid-config.ts", "svg-labels.ts", "svg-decorations.ts", "svg-links.ts", "route-links.ts", "sanitize-svg.ts", "svg-portable.ts", "../fonts/embed-fonts.ts", "../fonts/outline-text.ts", "../fonts/font-set.ts", "../fonts/sfnt.ts", "../fonts/system-fonts.ts", "../fonts/with-fonts.ts"];
