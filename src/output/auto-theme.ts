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
 *
 * Both SVGs are read as trees (svg-source.ts): colours are found where the tree says a colour
 * can be (presentation attributes, style attributes, stylesheets, through css-tree), selectors
 * are rewritten as css-tree parses them, and label text is never taken for either.
 */

import { walk } from "css-tree";
import { colourContext, coloursIn, parseCss, replaceColours, sameColour, type ColourAt } from "./css-colours.js";
import { applyEdits, escapeAttribute, readSvg, rewrite, rootOf, type Edit, type Field, type SvgElement } from "./svg-source.js";
import { stylesheetEdit } from "./svg-style.js";

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

const MISMATCH = "the light and dark pictures differ in more than colours, so one SVG cannot switch between them";

/** A value that may hold colours (an attribute, or a stylesheet's text) and the colours in it. */
interface ColourField {
  element: SvgElement;
  name: string;
  field: Field;
  colours: readonly ColourAt[];
}

export function autoThemeSvg(light: string, dark: string, options: AutoThemeOptions = {}): string {
  const [lightTree, darkTree] = [readSvg(light), readSvg(dark)];
  const root = rootOf(lightTree)?.attributes.get("id")?.value;
  if (!root) throw new AutoThemeError("the SVG has no id on its root element, which the theme rules need");
  const [lightFields, darkFields] = [colourFields(lightTree), colourFields(darkTree)];
  if (skeleton(light, lightFields) !== skeleton(dark, darkFields)) throw new AutoThemeError(MISMATCH);

  // Each (light, dark) pair of colours that differ becomes one variable.
  const vars = new Map<string, { name: string; light: string; dark: string }>();
  const varOf = (l: string, d: string) => {
    const key = `${l}\u0000${d}`;
    if (!vars.has(key)) vars.set(key, { name: `--vs${vars.size}`, light: l, dark: d });
    return vars.get(key)!.name;
  };
  const changedStyles: string[] = [];
  // Per element: its style attribute with variables, and the declarations its presentation attributes' variables need.
  const themed = new Map<SvgElement, { style?: string; extra: string[] }>();
  const of = (element: SvgElement) => themed.get(element) ?? themed.set(element, { extra: [] }).get(element)!;
  for (const [i, mine] of lightFields.entries()) {
    const theirs = darkFields[i]!;
    if (mine.name === "#text") {
      if (theirs.field.value !== mine.field.value) changedStyles.push(theirs.field.value);
      continue;
    }
    const differing = mine.colours.map((c, j) => ({ ...c, dark: theirs.colours[j]!.text })).filter((c) => !sameColour(c.text, c.dark));
    if (differing.length === 0) continue;
    const withVars = (text: string, offset: number) => replaceColours(text, differing, (c) => `var(${varOf(c.text, c.dark)})`, offset);
    if (mine.name === "style") of(mine.element).style = themedDeclarations(mine.field.value, differing, withVars);
    else of(mine.element).extra.push(`${mine.name}:${withVars(mine.field.value, 0)}`);
  }
  const edits: Edit[] = [];
  for (const [element, { style, extra }] of themed) {
    const own = element.attributes.get("style");
    const value = [style ?? own?.value, ...extra].filter((v) => v !== undefined && v !== "").join(";");
    if (own) edits.push(...rewrite(own, value, "attribute"));
    else edits.push({ start: element.tagEnd, end: element.tagEnd, text: ` style="${escapeAttribute(value)}"` });
  }

  const defs = [...vars.values()];
  const declare = (pick: "light" | "dark") => defs.map((v) => `${v.name}:${v[pick]}`).join(";");
  const id = `#${root}`;
  const byClass = options.darkSelector ?? ':is(.dark,[data-theme="dark"])';
  const [inClass, inMedia] = [`${byClass} ${id}`, `${id}:not(:is(.light,[data-theme="light"]) *)`];
  const changed = changedStyles.map((css) => scoped(css, root, [inClass, inMedia]));
  const rules = [
    `${id}{${declare("light")}}`,
    ...(options.darkSelector ? [] : [`@media (prefers-color-scheme: dark){${inMedia}{${declare("dark")}}${changed.map(([, media]) => media).join("")}}`]),
    `${inClass}{${declare("dark")}}`,
    ...changed.map(([byClassCss]) => byClassCss),
  ];
  const added = stylesheetEdit(lightTree, rules.join(""));
  return applyEdits(light, added ? [...edits, added] : edits);
}

/** Every value of the tree that may hold colours, in document order, with the colours in it; a stylesheet is one (named `#text`). */
function colourFields(elements: SvgElement[]): ColourField[] {
  const fields: ColourField[] = [];
  for (const element of elements) {
    if (element.text) fields.push({ element, name: "#text", field: element.text, colours: [] });
    for (const [name, field] of element.attributes) {
      const context = colourContext(name);
      if (context) fields.push({ element, name, field, colours: coloursIn(field.value, context) });
    }
  }
  return fields;
}

/** The SVG text with every stylesheet emptied and every colour blanked: two pictures with the same skeleton differ only in colours and stylesheets. */
function skeleton(svg: string, fields: ColourField[]): string {
  return applyEdits(
    svg,
    fields.map((f) => ({ start: f.field.start, end: f.field.end, text: f.name === "#text" ? "" : escapeAttribute(replaceColours(f.field.value, f.colours, () => "\u0000")) })),
  );
}

/**
 * `fill:#fff; stroke:#000` → `fill:#fff;fill:var(--vs0); stroke:#000;stroke:var(--vs1)`: each
 * declaration whose colours differ keeps its light value first, then the same declaration with
 * variables (a renderer without variables drops that one and keeps the first).
 */
function themedDeclarations(style: string, differing: ColourAt[], withVars: (text: string, offset: number) => string): string {
  const edits: Edit[] = [];
  walk(parseCss(style, "declarationList"), {
    visit: "Declaration",
    enter: (declaration) => {
      const { start, end } = { start: declaration.loc!.start.offset, end: declaration.loc!.end.offset };
      if (!differing.some((c) => c.start >= start && c.end <= end)) return;
      edits.push({ start: end, end, text: `;${withVars(style.slice(start, end), start)}` });
    },
  });
  return applyEdits(style, edits);
}

/** A stylesheet once per prefix, each selector's `#<root>` (an id selector, as css-tree reads it) written as that prefix. */
function scoped(css: string, root: string, prefixes: string[]): string[] {
  const places: Array<{ start: number; end: number }> = [];
  walk(parseCss(css, "stylesheet"), {
    visit: "IdSelector",
    enter: (node) => {
      if (node.name === root && node.loc) places.push({ start: node.loc.start.offset, end: node.loc.end.offset });
    },
  });
  return prefixes.map((text) => applyEdits(css, places.map((p) => ({ ...p, text }))));
}
