import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RendererPool } from "../../src/render/pool.js";
import { RenderFailedError, type RenderRequest, type RenderResult } from "../../src/render/renderer.js";
import { ROOT } from "../support/paths.js";
import { alive } from "../support/processes.js";
import { openPages, ownChromium, startSharedChromium } from "../support/shared-browser.js";

/** The pool's own browser (launched, watched, killed here), whatever VSTACK_CHROMIUM the suite set. */
const OWN = { chromium: ownChromium() };

const request = (id: string, png = true): RenderRequest => ({
  mermaid: readFileSync(join(ROOT, "test", "golden", "mermaid", `${id}.block.light.mmd`), "utf8"),
  title: id,
  description: id,
  background: "#ffffff",
  ...(png && { pngScale: 1 }),
});

describe("the pool of warm pages", () => {
  it("spreads a batch over its pages and gives each diagram the same bytes as one page alone", async () => {
    const ids = ["xen", "hyper-v", "kvm-qemu", "docker-engine-linux", "type-1-hypervisor", "vm-vs-container"];
    const single = await RendererPool.launch({ ...OWN, jobs: 1 });
    const pool = await RendererPool.launch({ ...OWN, jobs: 3 });
    try {
      const alone: RenderResult[] = [];
      for (const id of ids) alone.push(await single.render(request(id)));
      const together = await Promise.all(ids.map((id) => pool.render(request(id))));
      together.forEach((out, i) => {
        expect(out.svg).toBe(alone[i]!.svg);
        expect(out.png!.equals(alone[i]!.png!)).toBe(true);
      });
      expect(pool.stats().pagesOpened).toBe(3);
    } finally {
      await Promise.all([single.close(), pool.close()]);
    }
  });

  it("replaces a page after a bounded number of renders", async () => {
    const pool = await RendererPool.launch({ ...OWN, jobs: 1, maxRendersPerPage: 3 });
    try {
      const outs = [];
      for (let i = 0; i < 7; i++) outs.push((await pool.render(request("xen", false))).svg);
      expect(new Set(outs).size).toBe(1);
      expect(pool.stats()).toMatchObject({ renders: 7, pagesOpened: 3, retries: 0 });
    } finally {
      await pool.close();
    }
  });

  it("stops a render that hangs, retries it once on a fresh page, then reports it", async () => {
    const pool = await RendererPool.launch({ ...OWN, jobs: 1, timeoutMs: 5 });
    try {
      await expect(pool.render(request("docker-engine-linux"))).rejects.toThrow(RenderFailedError);
      await expect(pool.render(request("docker-engine-linux"))).rejects.toThrow(/longer than 5 ms/);
      expect(pool.stats().retries).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("survives Chromium dying in the middle of a batch: the diagrams in flight are retried on a new browser", async () => {
    const pool = await RendererPool.launch({ ...OWN, jobs: 2 });
    try {
      await pool.render(request("xen"));
      const batch = Promise.all(["hyper-v", "kvm-qemu", "xen", "type-2-hypervisor"].map((id) => pool.render(request(id))));
      process.kill(pool.browserPid()!, "SIGKILL");
      const outs = await batch;
      for (const out of outs) expect(out.svg).toContain("<title");
      expect(pool.stats().browserLaunches).toBe(2);
    } finally {
      await pool.close();
    }
  });
});

describe("a running browser named by its DevTools address (VSTACK_CHROMIUM=ws://…)", () => {
  it("draws there the same bytes as a browser of its own, closes its windows and leaves the browser running", async () => {
    const shared = await startSharedChromium();
    try {
      const before = await openPages(shared.endpoint);
      const own = await RendererPool.launch({ ...OWN, jobs: 1 });
      const there = await RendererPool.launch({ jobs: 2, chromium: shared.endpoint });
      try {
        const [a, b] = [await own.render(request("xen")), await there.render(request("xen"))];
        expect(b.svg).toBe(a.svg);
        expect(b.png!.equals(a.png!)).toBe(true);
        expect(there.browserPid()).toBeUndefined();
        expect((await openPages(shared.endpoint)).length).toBeGreaterThan(before.length);
      } finally {
        await Promise.all([own.close(), there.close()]);
      }
      expect(await openPages(shared.endpoint)).toEqual(before);
      expect(alive(shared.pid)).toBe(true);
    } finally {
      shared.stop();
    }
  });

  it("says plainly when nothing answers there", async () => {
    await expect(RendererPool.launch({ chromium: "ws://127.0.0.1:9/devtools/browser/none" })).rejects.toThrow(/no browser answers at ws:\/\/127\.0\.0\.1:9/);
  });
});
