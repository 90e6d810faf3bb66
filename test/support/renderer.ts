import { afterAll, beforeAll } from "vitest";
import { RendererPool } from "../../src/render/pool.js";

/** One real Chromium for the test file, launched before its tests and closed after them. */
export function useRenderer(): { get(): RendererPool } {
  let renderer: RendererPool | undefined;
  beforeAll(async () => {
    renderer = await RendererPool.launch({ jobs: 1 });
  });
  afterAll(async () => {
    await renderer?.close();
  });
  return {
    get() {
      if (!renderer) throw new Error("renderer not launched");
      return renderer;
    },
  };
}
