import { buildModel } from "../layout/diagram.js";
import type { LayoutOptions } from "../layout/fit-width.js";
import type { Theme } from "../kinds/palette.js";
import type { Spec } from "../spec-format/types.js";
import { printModel } from "./print-model.js";
import { DEFAULT_TEMPLATE, type TemplateSet } from "./templates.js";

/** Spec → Mermaid text for one theme, through the named template, fitted to the layout's width. */
export function emitMermaid(spec: Spec, theme: Theme, templates: TemplateSet, template = DEFAULT_TEMPLATE, layout?: LayoutOptions): string {
  return templates.emit(template, printModel(buildModel(spec, theme, layout)));
}
