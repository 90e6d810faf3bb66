/** Colour values and stylesheets as they appear in SVG and Mermaid text, for recolouring a picture. */

const NAMED = "white|black|gr[ae]y|silver|red|green|blue|yellow|orange|purple|transparent";

/** A colour value: hex, rgb(a), hsl(a), or a common keyword where a value starts. */
export const COLOUR = new RegExp(`#[0-9a-fA-F]{3,8}\\b|(?:rgb|hsl)a?\\([^)]*\\)|(?<=[:="]\\s*)(?:${NAMED})(?=\\s*[;"}!,)])`, "g");

/** A `<style>` element with its contents. */
export const STYLE = /<style\b[^>]*>[\s\S]*?<\/style>/g;

export function sameColour(a: string, b: string): boolean {
  return a.replace(/\s+/g, "").toLowerCase() === b.replace(/\s+/g, "").toLowerCase();
}
