/**
 * One SVG for both themes (`--theme auto`), made from the light and the dark SVG of one
 * diagram. vstack lays both out from the same model with the same fonts, so outside their
 * stylesheets the two differ only in colours. The light colours stay where they are (what a
 * renderer without CSS variables, such as librsvg or an Office import, draws); each colour
 * that differs also goes into a CSS variable, which the dark theme redefines:
 * - under `@media (prefers-color-scheme: dark)`, unless an ancestor says `.light` or
 *   `[data-theme="light"]` (a site whose reader chose light on a dark OS);
 * - under `.dark` or `[data-theme="dark"]` on an ancestor (VitePress, Docusaurus, MkDocs
 *   Material and Tailwind sites set one of these), or under `darkSelector` alone when given.
 * Stylesheets that differ (Mermaid's theme CSS) get a dark copy with the same conditions.
 */

import { rootId, withStylesheet } from "./svg-style.js";
import { COLOUR, sameColour, STYLE } from "./svg-colours.js";

export interface AutoThemeOptions {
  /**
   * The site's own dark-mode selector (`.dark`, `[data-theme='dark']`). Given, the picture
   * follows it alone and not the OS: a site with a theme switch decides.
   */
  darkSelector?: string;
}

export class AutoThemeError extends Error {
  readonly code = "auto-theme";
}

/** Presentation attributes that take a colour. */
const COLOUR_ATTRS = new Set(["fill", "stroke", "stop-color", "flood-color", "lighting-color", "color"]);

export function autoThemeSvg(light: string, dark: string, options: AutoThemeOptions = {}): string {
  const root = rootId(light);
  if (!root) throw new AutoThemeError("the SVG has no id on its root element, which the theme rules need");
  const lightStyles = light.match(STYLE) ?? [];
  const darkStyles = dark.match(STYLE) ?? [];
  const lightBody = light.replace(STYLE, "<style/>");
  const darkBody = dark.replace(STYLE, "<style/>");
  const lightParts = lightBody.split(COLOUR);
  if (lightStyles.length !== darkStyles.length || !sameStrings(lightParts, darkBody.split(COLOUR))) {
    throw new AutoThemeError("the light and dark pictures differ in more than colours, so one SVG cannot switch between them");
  }
  // Each (light, dark) pair of colours that differ becomes one variable.
  const darkColours = darkBody.match(COLOUR) ?? [];
  const vars = new Map<string, { name: string; light: string; dark: string }>();
  const varOf = (l: string, d: string) => {
    const key = `${l}\u0000${d}`;
    if (!vars.has(key)) vars.set(key, { name: `--vs${vars.size}`, light: l, dark: d });
    return vars.get(key)!.name;
  };
  // Every colour occurrence, where it is in the light text and what it is in the dark one.
  const found: Found[] = [...lightBody.matchAll(COLOUR)].map((m, i) => ({ at: m.index, l: m[0], d: darkColours[i]! }));
  const differing = found.filter((f) => !sameColour(f.l, f.d));
  const body = lightBody.replace(/<[a-zA-Z][^>]*>/g, (tag, offset: number) => {
    const mine = differing.filter((f) => f.at >= offset && f.at < offset + tag.length).map((f) => ({ ...f, at: f.at - offset }));
    return mine.length > 0 ? themedTag(tag, mine, varOf) : tag;
  });
  let styleIndex = 0;
  const rest = body.replace(/<style\/>/g, () => lightStyles[styleIndex++]!);
  const changed = darkStyles.filter((s, i) => s !== lightStyles[i]).map((s) => s.replace(/^<style\b[^>]*>|<\/style>$/g, ""));
  const defs = [...vars.values()];
  const declare = (pick: "light" | "dark") => defs.map((v) => `${v.name}:${v[pick]}`).join(";");
  const selectorFor = (prefix: (id: string) => string) => (css: string) => css.replace(new RegExp(`#${escapeRegex(root)}(?=[\\s{.,\\[:>#])`, "g"), prefix(`#${root}`));
  const byClass = options.darkSelector ?? ':is(.dark,[data-theme="dark"])';
  const inClass = selectorFor((id) => `${byClass} ${id}`);
  const inMedia = selectorFor((id) => `${id}:not(:is(.light,[data-theme="light"]) *)`);
  const rules = [
    `#${root}{${declare("light")}}`,
    ...(options.darkSelector ? [] : [`@media (prefers-color-scheme: dark){${inMedia(`#${root}{${declare("dark")}}`)}${changed.map(inMedia).join("")}}`]),
    inClass(`#${root}{${declare("dark")}}`),
    ...changed.map(inClass),
  ];
  return withStylesheet(rest, rules.join(""));
}

/** A colour in the light text (`at`: its offset) and its dark counterpart. */
interface Found {
  at: number;
  l: string;
  d: string;
}

type VarOf = (l: string, d: string) => string;

/**
 * A start tag whose colours differ by theme (`found`: offsets in the tag): presentation
 * attributes keep their light value and add a `var()` declaration to the style; style
 * declarations keep their light value first, then the `var()` one (a renderer without
 * variables drops that one and keeps the first).
 */
function themedTag(tag: string, found: Found[], varOf: VarOf): string {
  const extra: string[] = [];
  let style: string | undefined;
  const rewritten = tag.replace(/([\w:-]+)="([^"]*)"/g, (whole, name: string, value: string, offset: number) => {
    const valueAt = offset + name.length + 2;
    const mine = found.filter((f) => f.at >= valueAt && f.at < valueAt + value.length).map((f) => ({ ...f, at: f.at - valueAt }));
    if (name === "style") {
      // Taken out whatever it holds, and written back with the colour attributes' variables: one style attribute.
      style = mine.length === 0 ? value : themedDeclarations(value, mine, varOf);
      return "";
    }
    if (mine.length === 0) return whole;
    if (COLOUR_ATTRS.has(name)) extra.push(`${name}:${withVars(value, mine, varOf)}`);
    return whole;
  });
  const declarations = [style, ...extra].filter(Boolean).join(";");
  if (!declarations) return tag;
  const cleaned = rewritten.replace(/\s+(?=\/?>$)/, "").replace(/\s{2,}/g, " ");
  return cleaned.replace(/(\/?>)$/, ` style="${declarations}"$1`);
}

/** `fill:#fff; stroke:#000` → `fill:#fff;fill:var(--vs0); stroke:#000;stroke:var(--vs1)`. */
function themedDeclarations(style: string, found: Found[], varOf: VarOf): string {
  let start = 0;
  return style
    .split(";")
    .map((declaration) => {
      const at = start;
      start += declaration.length + 1;
      const mine = found.filter((f) => f.at >= at && f.at < at + declaration.length).map((f) => ({ ...f, at: f.at - at }));
      if (mine.length === 0) return declaration;
      const property = declaration.slice(0, declaration.indexOf(":") + 1);
      return `${declaration};${property}${withVars(declaration, mine, varOf).slice(property.length)}`;
    })
    .join(";");
}

/** The text with each found colour (offsets in it) replaced by its variable. */
function withVars(text: string, found: Found[], varOf: VarOf): string {
  let out = "";
  let at = 0;
  for (const f of found) {
    out += `${text.slice(at, f.at)}var(${varOf(f.l, f.d)})`;
    at = f.at + f.l.length;
  }
  return out + text.slice(at);
}

function sameStrings(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
