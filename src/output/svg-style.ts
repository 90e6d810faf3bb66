/** The id on an SVG's root element, which rules added to the picture are scoped by. */
export function rootId(svg: string): string | undefined {
  return /^[\s\S]*?<svg\b[^>]*\bid="([^"]+)"/.exec(svg)?.[1];
}

/** The SVG with a stylesheet added after its own (so its rules come later in the cascade), else first in it. */
export function withStylesheet(svg: string, css: string): string {
  const style = `<style>${css}</style>`;
  const last = svg.lastIndexOf("</style>");
  return last >= 0 ? `${svg.slice(0, last + 8)}${style}${svg.slice(last + 8)}` : svg.replace(/(<svg\b[^>]*>)/, `$1${style}`);
}
