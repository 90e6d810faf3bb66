import { join } from "node:path";
import type { Diagnostic } from "./diagnostics.js";
import { emitMermaid } from "./emit/emit.js";
import { TemplateSet } from "./emit/templates.js";
import { resolveInputs } from "./inputs.js";
import { describeSpec } from "./layout/describe.js";
import { writeGallery } from "./output/gallery.js";
import { writeOutput } from "./output/write.js";
import { BACKGROUND, THEMES, type Theme } from "./palette.js";
import { PageRenderer } from "./render/page-renderer.js";
import { MermaidSyntaxError, type Renderer } from "./render/renderer.js";
import { loadSpec } from "./spec/load-spec.js";
import type { Spec } from "./spec/types.js";

export const FORMATS = ["svg", "png", "mmd"] as const;
export type Format = (typeof FORMATS)[number];

export interface BuildOptions {
  /** Files, folders, globs or built-in ids; none means the built-in specs. */
  inputs?: string[];
  outDir?: string;
  formats?: Format[];
  themes?: Theme[];
  /** PNG device scale factor. */
  scale?: number;
  /** A CSS colour or `transparent`; default: the theme's own background. */
  background?: string;
  /** Template name (a `<name>.mmd.hbs` file). */
  template?: string;
  /** A folder of templates laid over the built-in ones. */
  templatesDir?: string;
  /** Chromium binary; found automatically when absent. */
  chromium?: string;
  /** Write `<outDir>/README.md` listing the diagrams of this run. */
  gallery?: boolean;
  /** A renderer the caller owns and closes; else build() launches one if it needs to and closes it. */
  renderer?: Renderer;
  /** Called after each diagram's files are written. */
  onDiagram?: (diagram: DiagramReport) => void;
}

export type ResolvedBuildOptions = Required<Omit<BuildOptions, "background" | "templatesDir" | "chromium" | "renderer" | "onDiagram">> &
  Pick<BuildOptions, "background" | "templatesDir" | "chromium" | "renderer" | "onDiagram">;

/** Every default of a build, in one place. */
export function resolveBuildOptions(options: BuildOptions = {}): ResolvedBuildOptions {
  return {
    ...options,
    inputs: options.inputs ?? [],
    outDir: options.outDir ?? "out",
    formats: options.formats ?? [...FORMATS],
    themes: options.themes ?? [...THEMES],
    scale: options.scale ?? 2,
    template: options.template ?? "block",
    gallery: options.gallery ?? false,
  };
}

export interface DiagramReport {
  spec: Spec;
  /** Output files written, relative to the output folder, in a stable order. */
  files: string[];
  /** Pixel size of the drawing (CSS px) per theme, where it was rendered. */
  sizes: Partial<Record<Theme, { width: number; height: number }>>;
}

export interface BuildReport {
  diagrams: DiagramReport[];
  /** Problems, grouped by the input they belong to. */
  failures: Diagnostic[];
  /** How many input files were tried, and how many of them failed (invalid, or not rendered). */
  inputs: number;
  failed: number;
  elapsedMs: number;
}

/** Specs → Mermaid → SVG/PNG files. A bad spec is reported and skipped; the good ones still render. */
export async function build(options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const opts = resolveBuildOptions(options);
  const templates = new TemplateSet(opts.templatesDir);
  if (!templates.has(opts.template)) {
    throw new Error(`no template "${opts.template}"; templates: ${templates.names.join(", ")}`);
  }
  const { files, specs, failures, invalid } = await loadInputs(opts.inputs);
  let failed = invalid;
  const diagrams: DiagramReport[] = [];
  let renderer = opts.renderer;
  const needsBrowser = opts.formats.some((f) => f !== "mmd");
  try {
    for (const spec of specs) {
      const outputs: Array<{ name: string; data: string | Buffer }> = [];
      const sizes: DiagramReport["sizes"] = {};
      try {
        for (const theme of opts.themes) {
          const mermaid = emitMermaid(spec, theme, templates, opts.template);
          const base = `${spec.id}.${theme}`;
          if (opts.formats.includes("mmd")) outputs.push({ name: `${base}.mmd`, data: mermaid });
          if (!needsBrowser) continue;
          renderer ??= await PageRenderer.launch({ ...(opts.chromium !== undefined && { chromium: opts.chromium }) });
          const drawn = await renderer.render({
            mermaid,
            title: spec.title,
            description: describeSpec(spec),
            background: opts.background ?? BACKGROUND[theme],
            ...(opts.formats.includes("png") && { pngScale: opts.scale }),
          });
          sizes[theme] = { width: drawn.width, height: drawn.height };
          if (opts.formats.includes("svg")) outputs.push({ name: `${base}.svg`, data: drawn.svg });
          if (drawn.png) outputs.push({ name: `${base}.png`, data: drawn.png });
        }
      } catch (err) {
        if (!(err instanceof MermaidSyntaxError)) throw err;
        failed++;
        failures.push({ code: "mermaid-rejected", file: spec.file, message: `Mermaid rejected the text made from this spec with template "${opts.template}": ${err.message.split("\n")[0]}` });
        continue;
      }
      // All of a diagram's files are made before any is written, so a failure leaves none half-done.
      for (const o of outputs) await writeOutput(join(opts.outDir, o.name), o.data);
      const report = { spec, files: outputs.map((o) => o.name).sort(), sizes };
      diagrams.push(report);
      opts.onDiagram?.(report);
    }
  } finally {
    if (renderer && renderer !== opts.renderer) await renderer.close();
  }
  if (opts.gallery) await writeGallery(opts.outDir, diagrams);
  return { diagrams, failures, inputs: files.length, failed, elapsedMs: performance.now() - started };
}

/** Resolves and loads every input; problems go to `failures`. Two specs with one id would overwrite each other's files. */
export async function loadInputs(inputs: string[]): Promise<{ files: string[]; specs: Spec[]; failures: Diagnostic[]; invalid: number }> {
  const files = await resolveInputs(inputs);
  const failures: Diagnostic[] = [];
  const specs: Spec[] = [];
  let invalid = 0;
  const byId = new Map<string, string>();
  for (const file of files) {
    const { spec, diagnostics } = await loadSpec(file);
    failures.push(...diagnostics);
    if (!spec) {
      invalid++;
      continue;
    }
    const other = byId.get(spec.id);
    if (other) {
      failures.push({ code: "duplicate-spec-id", file: spec.file, message: `id "${spec.id}" is already used by ${other}; their output files would overwrite each other` });
      invalid++;
      continue;
    }
    byId.set(spec.id, spec.file);
    specs.push(spec);
  }
  return { files, specs, failures, invalid };
}
