import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { tempDir } from "../support/paths.js";

const IDS = ["xen", "kvm-qemu", "gvisor", "hyper-v", "firecracker", "wsl2"];

describe("runs into one output folder at the same time", () => {
  it("each run's diagrams stay in manifest.json: six processes at once, eight rounds (a round lost an entry about half the time before)", async () => {
    for (let round = 0; round < 8; round++) {
      const dir = tempDir();
      const runs = await Promise.all(IDS.map((id) => runCli(["render", id, "-f", "mmd", "-o", "out"], { cwd: dir })));
      for (const r of runs) expect(r.code, r.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8")) as { diagrams: Array<{ id: string }> };
      expect(manifest.diagrams.map((d) => d.id).sort(), `round ${round + 1}`).toEqual([...IDS].sort());
      expect(existsSync(join(dir, "out", "manifest.json.lock"))).toBe(false);
    }
  });

  it("a lock left by a run that was killed is taken over and removed", async () => {
    // A process that has ended: its pid names no one.
    const gone = spawnSync(process.execPath, ["-e", ""]).pid;
    const left = { "by a process that is gone": JSON.stringify({ pid: gone, host: hostname(), nonce: "left" }), "empty, and old": "" };
    for (const [how, text] of Object.entries(left)) {
      const dir = tempDir();
      mkdirSync(join(dir, "out"));
      const lock = join(dir, "out", "manifest.json.lock");
      writeFileSync(lock, text);
      const old = new Date(Date.now() - 60_000);
      utimesSync(lock, old, old);
      const r = await runCli(["render", "xen", "-f", "mmd", "-o", "out"], { cwd: dir });
      expect(r.code, `${how}: ${r.stderr}`).toBe(0);
      expect(existsSync(lock), how).toBe(false);
      expect(JSON.parse(readFileSync(join(dir, "out", "manifest.json"), "utf8")).diagrams.map((d: { id: string }) => d.id)).toEqual(["xen"]);
    }
  });
});
