import type { OutputCache } from "../output/cache.js";
import type { OutputSink } from "../output/sink.js";
import type { LazyRenderer } from "../render/lazy-renderer.js";
import type { ResolvedBuildOptions } from "./options.js";

/** What making a diagram's outputs needs from its run (or a site plugin's session). */
export interface OutputContext {
  opts: ResolvedBuildOptions;
  cache: OutputCache | undefined;
  renderer: LazyRenderer;
  sink: OutputSink;
  /** What shapes every output of the run (versions, code, templates, browser, fonts: run-identity.ts). */
  identity: unknown[];
}
