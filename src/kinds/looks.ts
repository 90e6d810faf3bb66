import { atLightness, contrast, lightnessOf } from "../colour.js";
import { kindBoundary, swatch, THEMES, type Boundary, type PaletteKey, type Swatch, type Theme } from "./palette.js";
import { KIND_NAMES, type Kind } from "./builtin-kinds.js";

/** All a box of one kind looks like: how the legend names it, its colours per theme, its outline. */
export interface KindLook {
  label: string;
  swatches: Record<Theme, Swatch>;
  boundary: Boundary;
}

/** The kinds a spec declares, by name (a built-in name here rewords that kind's legend label). */
export type KindTable = Readonly<Record<string, KindLook>>;

/** A built-in kind's look, or the page caption's (a compared stack's name: text, no box). */
export function builtinLook(kind: PaletteKey): KindLook {
  return {
    label: kind === "caption" ? "" : KIND_NAMES[kind],
    swatches: { light: swatch("light", kind), dark: swatch("dark", kind) },
    boundary: kindBoundary(kind),
  };
}

/** What a box of `kind` looks like: declared, else built-in. Validation made sure it is one or the other. */
export function lookOf(kind: string, declared: KindTable): KindLook {
  return declared[kind] ?? builtinLook(kind as PaletteKey);
}

/** The colours a declaration gives for one theme, before defaults. */
export interface OwnColours {
  fill: string;
  stroke?: string;
  text?: string;
}

/**
 * A declared kind's look: borrowed from `like` (or its own built-in name), its own colours and
 * boundary over that. Colours it leaves out are derived: the outline in the fill's hue, darker
 * on light paper and lighter on dark (as the built-in palette's are), and the text in whichever
 * of the theme's two text colours reads better on the fill.
 */
export function declaredLook(name: string, decl: { like?: Kind; label?: string; light?: OwnColours; dark?: OwnColours; boundary?: Boundary }): KindLook {
  const base = decl.like ?? (name in KIND_NAMES ? (name as Kind) : undefined);
  const borrowed = base ? builtinLook(base) : undefined;
  const swatches = Object.fromEntries(
    THEMES.map((theme) => {
      const own = decl[theme];
      return [theme, own ? derivedSwatch(theme, own) : borrowed!.swatches[theme]];
    }),
  ) as Record<Theme, Swatch>;
  return { label: decl.label ?? borrowed?.label ?? name, swatches, boundary: decl.boundary ?? borrowed?.boundary ?? "none" };
}

function derivedSwatch(theme: Theme, { fill, stroke, text }: OwnColours): Swatch {
  const inks = [swatch(theme, "caption").color, swatch(theme === "light" ? "dark" : "light", "caption").color];
  const ink = text ?? inks.reduce((best, c) => (contrast(c, fill) > contrast(best, fill) ? c : best));
  const l = lightnessOf(fill);
  const line = stroke ?? atLightness(fill, theme === "light" ? Math.max(0.3, l - 0.4) : Math.min(0.88, l + 0.35));
  return { fill, stroke: line, color: ink };
}
