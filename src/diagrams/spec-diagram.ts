import { resolve } from "node:path";
import { emitMermaid } from "../emit/emit.js";
import type { TemplateSet } from "../emit/templates.js";
import { DEFAULT_LAYOUT, type LayoutOptions } from "../layout/fit-width.js";
import { describeSpec } from "../layout/describe.js";
import { buildModel } from "../layout/diagram.js";
import { buildSteps } from "../layout/steps.js";
import { metaOf, type Spec } from "../spec-format/types.js";
import type { Diagram } from "./diagram.js";
import { langInfix } from "../langs.js";
import { catalogOfFile } from "../i18n/catalog.js";

/** A validated spec as a diagram: drawn through the template, described for alt text. */
export function specDiagram(spec: Spec, absolute: string, templates: TemplateSet, template: string, layout?: LayoutOptions): Diagram {
  const files = [resolve(absolute), ...(spec.type === "compare" ? spec.references : [])];
  const lang = spec.lang;
  return {
    ...metaOf(spec),
    // Another language's files are named `<id>.<lang>.<theme>.<fmt>`; English keeps `<id>.<theme>.<fmt>`.
    id: spec.id + langInfix(spec.lang ?? "en"),
    ...(spec.lang && { lang: spec.lang }),
    description: describeSpec(spec),
    // In another language, the catalogs that translate it are inputs too: an edited translation redraws.
    inputs: [...files, ...(lang ? new Set(files.map((f) => catalogOfFile(f, lang))) : [])],
    body: {
      type: "stack",
      spec,
      mermaid: (theme) => emitMermaid(spec, theme, templates, template, layout),
      // The grid is the same in every theme.
      steps: () => buildSteps(buildModel(spec, "light", layout), spec),
      // Loaded when a deck asks for shapes: no other run reads the router in Node.
      scene: async (theme) => (await import("../layout/scene.js")).placeModel(buildModel(spec, theme, layout), layout ?? DEFAULT_LAYOUT),
    },
  };
}
