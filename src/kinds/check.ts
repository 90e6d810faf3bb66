import { apartness, contrast, MIN_APART, MIN_CONTRAST } from "../colour.js";
import type { Diagnostic } from "../diagnostics.js";
import { builtinLook, declaredLook, type KindLook } from "./looks.js";
import { THEMES } from "./palette.js";
import type { At } from "../source/yaml-source.js";
import { kindHint, KINDS, type Kind } from "./builtin-kinds.js";
import { ID_RULE } from "../source/id-rule.js";
import type { KindDeclarations } from "./schema.js";

/** Which names a spec may use as a box's kind: the built-ins, the project's (config) and its own. */
export function knownKinds(declared: unknown, project: KindDeclarations = {}): string[] {
  return [...new Set([...KINDS, ...Object.keys(project), ...(isRecord(declared) ? Object.keys(declared).filter((k) => ID_RULE.pattern.test(k)) : [])])];
}

/** The error for a declared kind's name that is not a name (`Micro_VM`). */
export function badKindName(name: string): string {
  return `kind name "${name}" must be ${ID_RULE.says}`;
}

/** The error for a kind no one declared: the kind it likely means, and what exists. */
export function unknownKindMessage(value: string, known: readonly string[]): string {
  const own = known.filter((k) => !(KINDS as readonly string[]).includes(k));
  return `unknown kind "${value}"${kindHint(value, known)} (kinds: ${KINDS.join(", ")}${own.length > 0 ? `; declared: ${own.join(", ")}` : ""}), or declare one of your own under kinds`;
}

/**
 * What the schema cannot say about `kinds`: a new kind borrows a built-in's look (`like`) or has
 * colours for both themes; a built-in kind's name may only be reworded (its colours and outline
 * are the same in every diagram, so a hypervisor always looks like one).
 */
export function checkKinds(kinds: unknown, at: At): Diagnostic[] {
  if (!isRecord(kinds)) return [];
  const out: Diagnostic[] = [];
  for (const [name, decl] of Object.entries(kinds)) {
    if (!isRecord(decl)) continue;
    if ((KINDS as readonly string[]).includes(name)) {
      const changed = ["like", "light", "dark", "boundary"].filter((k) => k in decl);
      if (changed.length > 0)
        out.push(at(["kinds", name, changed[0]!], "builtin-kind", `"${name}" is a built-in kind: only its label can be reworded here, so it looks the same in every diagram. To draw something else, declare a new kind, e.g. my-${name}: { like: ${name}, ${changed[0]}: ... }`, true));
      continue;
    }
    if ("like" in decl) continue;
    const missing = THEMES.filter((t) => !(t in decl));
    if (missing.length > 0)
      out.push(at(["kinds", name], "kind-needs-colours", `"${name}" needs ${missing.join(" and ")} colours (fill, and optionally stroke and text), or like: <a built-in kind> to borrow one's look`, true));
  }
  return out;
}

/**
 * The palette's checks, for the kinds a spec colours itself: each label meets WCAG AA on its
 * fill, and each fill stays ΔE2000 MIN_APART from every other kind's for normal vision and the
 * three dichromacies (the built-ins', the project's and the other declared ones). These are
 * warnings: the picture is still drawn.
 */
export function kindWarnings(kinds: KindDeclarations | undefined, at: At, project: KindDeclarations = {}): Diagnostic[] {
  if (!kinds) return [];
  const warn = (path: PropertyKey[], code: string, message: string): Diagnostic => ({ ...at(path, code, message), severity: "warning" });
  const looks = new Map<string, KindLook>(KINDS.map((k: Kind) => [k, builtinLook(k)]));
  for (const [name, decl] of Object.entries({ ...project, ...kinds })) looks.set(name, declaredLook(name, decl));
  const out: Diagnostic[] = [];
  for (const [name, decl] of Object.entries(kinds)) {
    for (const theme of THEMES) {
      if (!decl[theme]) continue;
      const { fill, color } = looks.get(name)!.swatches[theme];
      const ratio = contrast(color, fill);
      if (ratio < MIN_CONTRAST)
        out.push(warn(["kinds", name, theme, decl[theme].text !== undefined ? "text" : "fill"], "low-contrast", `"${name}"'s label (${color}) on its ${theme} fill (${fill}) has contrast ${ratio.toFixed(1)}:1; WCAG AA asks ${MIN_CONTRAST}:1 for text: change the fill or the text colour`));
      let nearest: { other: string; deltaE: number; vision: string } | undefined;
      for (const [other, look] of looks) {
        if (other === name) continue;
        const apart = apartness(fill, look.swatches[theme].fill);
        if (apart.deltaE < MIN_APART && (!nearest || apart.deltaE < nearest.deltaE)) nearest = { other, ...apart };
      }
      if (nearest)
        out.push(warn(["kinds", name, theme, "fill"], "close-colour", `"${name}"'s ${theme} fill (${fill}) is hard to tell from ${nearest.other}'s (${looks.get(nearest.other)!.swatches[theme].fill}): ΔE2000 ${nearest.deltaE.toFixed(1)} ${nearest.vision === "normal" ? "for normal vision" : `for readers with ${nearest.vision}`}; pick a fill at least ${MIN_APART} from every kind's, or use like: ${nearest.other} if it is meant to look the same`));
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
