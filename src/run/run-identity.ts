import { join } from "node:path";
import type { TemplateSet } from "../emit/templates.js";
import { fontFiles } from "../fonts/font-files.js";
import { browserVersion } from "../render/browser-version.js";
import { MERMAID_CONFIG } from "../render/mermaid-config.js";
import { pictureCode } from "../render/picture-code.js";
import { VERSION } from "../version.js";
import type { ResolvedBuildOptions } from "./options.js";
import { ProbeCache } from "./probe-cache.js";

/** Formats a browser draws. */
const DRAWN = new Set(["svg", "png", "pdf", "pptx"]);

/**
 * What shapes every output of a run besides the diagram itself: vstack's version, the code that
 * draws and the installed versions of the packages it uses (mermaid's among them), mermaid's
 * settings, the templates; and, for a run that draws pictures, the browser that draws them
 * (its version: a caller's renderer says its own) and the font files they are drawn with.
 * A run that makes only text (mmd, txt) needs neither, and asks for neither.
 */
export async function runIdentity(templates: TemplateSet, opts: ResolvedBuildOptions): Promise<unknown[]> {
  const { code, packages } = pictureCode();
  const identity: unknown[] = [VERSION, code, packages, MERMAID_CONFIG, templates.fingerprint, opts.template];
  if (!opts.formats.some((f) => DRAWN.has(f))) return identity;
  const probes = new ProbeCache(opts.cache ? join(opts.cacheDir, "probes.json") : undefined);
  const browser = opts.renderer ? ((await opts.renderer.browserVersion?.()) ?? "the caller's renderer") : await browserVersion(opts.chromium, probes.asked);
  const fonts = await fontFiles(probes.asked);
  await probes.save();
  return [...identity, browser, fonts];
}
