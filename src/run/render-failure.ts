import type { Diagnostic } from "../diagnostics.js";
import type { Diagram } from "../diagrams/diagram.js";
import { mermaidErrorPlace } from "../diagrams/mermaid-place.js";
import { MermaidSyntaxError, RenderFailedError } from "../render/renderer.js";
import { diagramType } from "./diagram-types.js";

/** Whether an error is a diagram's own failure to render (reported, the run goes on) rather than a fault of vstack. */
export function isRenderFailure(err: unknown): err is MermaidSyntaxError | RenderFailedError {
  return err instanceof MermaidSyntaxError || err instanceof RenderFailedError;
}

/** A diagram that Mermaid or the page would not draw, as a diagnostic at its place in the user's file where there is one. */
export function renderFailure(diagram: Diagram, err: MermaidSyntaxError | RenderFailedError, template: string): Diagnostic {
  const syntax = err instanceof MermaidSyntaxError;
  const type = diagramType(diagram.body);
  const what = syntax ? `Mermaid rejected ${type.madeWith(template)}` : "the renderer failed";
  const failure = { code: syntax ? "mermaid-rejected" : "render-failed", file: diagram.file, message: `${diagram.id}: ${what}: ${firstAndLast(err.message)}` };
  // The user's own Mermaid: the error at its line in their file, not in the text Mermaid saw.
  const { origin } = type;
  const place = syntax && origin ? mermaidErrorPlace(err.message, origin.text) : undefined;
  if (!origin || !place) return failure;
  const message = failure.message.replace(/Parse error on line \d+: /, "").replace(/(No diagram type detected matching given configuration) for text: .*/s, "$1; the first line must name one (flowchart, sequenceDiagram, classDiagram, block-beta, …)");
  return { ...failure, message, line: origin.line + place.line - 1, col: place.col + origin.indent, source: origin.source };
}

/** Mermaid's parse errors put the place first and what it expected last, with a code excerpt between. */
function firstAndLast(message: string): string {
  const lines = message.split("\n").filter((l) => l.trim());
  return lines.length > 1 ? `${lines[0]} ${lines.at(-1)}` : (lines[0] ?? message);
}
