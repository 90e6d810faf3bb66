import { readdirSync, readFileSync } from "node:fs";

/**
 * Memory of a process and all its descendants (Chromium's too), in bytes, as PSS: each
 * shared page is split among the processes that share it, so the sum is what the tree
 * really uses (a sum of RSS would count Chromium's shared pages once per process). Linux /proc.
 */
export function treeRss(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += pss(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function pss(pid: number): number {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Samples the tree's memory until stopped; returns the peak. Reading PSS costs the kernel a page-table walk per process, so not too often: it would slow what it measures. */
export function peakSampler(root: number, everyMs = 250): { stop(): number } {
  let peak = 0;
  let timer: NodeJS.Timeout;
  // Often at first, so that a run of a fraction of a second is measured too.
  const delays = [20, 50, 100, 150];
  const sample = () => {
    peak = Math.max(peak, treeRss(root));
    timer = setTimeout(sample, delays.shift() ?? everyMs);
  };
  timer = setTimeout(sample, 10);
  return {
    stop() {
      clearTimeout(timer);
      return Math.max(peak, treeRss(root));
    },
  };
}
