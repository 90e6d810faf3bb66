import { readdirSync, readFileSync } from "node:fs";

/** Every process below `root` (children, their children, ...), from /proc. */
export function descendants(root: number): number[] {
  const kids = new Map<number, number[]>();
  for (const name of readdirSync("/proc").filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      kids.set(ppid, [...(kids.get(ppid) ?? []), Number(name)]);
    } catch {
      // gone
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) for (const k of kids.get(stack.pop()!) ?? []) out.push(k), stack.push(k);
  return out;
}

/** Running, not a zombie waiting to be reaped by whoever adopted it. */
export function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0]!);
  } catch {
    return false;
  }
}

/** Waits up to `ms` for the processes to end; returns those still running. */
export async function stillRunning(pids: number[], ms = 10_000): Promise<number[]> {
  let left = pids;
  for (let i = 0; i < ms / 100 && left.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    left = left.filter(alive);
  }
  return left;
}
