import { runAsWorker } from "synckit";
import { formatDiagnostic } from "../diagnostics.js";
import { liveChromium } from "../render/pool.js";
import { PagePictures, type FencePicture } from "./page-pictures.js";
import type { PluginOptions } from "./plugin-options.js";

export interface WorkerRequest {
  options: PluginOptions;
  file: string;
  text: string;
}

export interface WorkerReply {
  pictures: FencePicture[];
  /** Formatted diagnostics (place, message, code frame). */
  errors: string[];
  warnings: string[];
  /** The browsers this worker has running, for the main thread's exit hook. */
  chromium: { pids: number[]; profiles: string[] };
}

// One PagePictures (one warm browser, one cache) per set of options, for the whole process.
const byOptions = new Map<string, PagePictures>();

runAsWorker(async ({ options, file, text }: WorkerRequest): Promise<WorkerReply> => {
  const key = JSON.stringify(options);
  if (!byOptions.has(key)) byOptions.set(key, new PagePictures(options));
  const found = await byOptions.get(key)!.page(file, text);
  return { pictures: found.pictures, errors: found.errors.map(formatDiagnostic), warnings: found.warnings.map(formatDiagnostic), chromium: liveChromium() };
});
