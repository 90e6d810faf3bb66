import { afterAll, beforeAll } from "vitest";
import { PageRenderer } from "../../src/render/page-renderer.js";

/** One real Chromium for the test file, launched before its tests and closed after them. */
export function useRenderer(): { get(): PageRenderer } {
  let renderer: PageRenderer | undefined;
  beforeAll(async () => {
    renderer = await PageRenderer.launch();
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
