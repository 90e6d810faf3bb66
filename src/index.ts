// The library API: only re-exports live here.
export { build, loadInputs, resolveBuildOptions, FORMATS, type BuildOptions, type BuildReport, type DiagramReport, type Format } from "./build.js";
export { formatDiagnostic, formatDiagnosticLine, type Diagnostic } from "./diagnostics.js";
export { emitMermaid } from "./emit/emit.js";
export { TemplateSet } from "./emit/templates.js";
export { buildModel } from "./layout/diagram.js";
export type { DiagramModel } from "./layout/model.js";
export { describeSpec } from "./layout/describe.js";
export { THEMES, type Theme } from "./palette.js";
export { PRESETS, type Preset, type PresetName } from "./presets.js";
export { RendererPool, type PoolOptions } from "./render/pool.js";
export { findChromium, ChromiumUnavailableError } from "./render/chromium.js";
export type { Renderer, RenderRequest, RenderResult } from "./render/renderer.js";
export { MermaidSyntaxError, RenderFailedError } from "./render/renderer.js";
export type { Diagram } from "./diagrams/diagram.js";
export { loadSpec, loadSpecText } from "./spec/load-spec.js";
export { KINDS, type Kind } from "./spec/kinds.js";
export type { Spec, StackSpec, CompareSpec, Entry, Layer, Unit, UnitGroup } from "./spec/types.js";
