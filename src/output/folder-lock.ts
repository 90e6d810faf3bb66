import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { VstackError } from "../errors.js";
import { displayPath } from "../paths.js";
import { OutputError } from "./write.js";

/** What a lock file holds: who holds it. */
interface Holder {
  pid: number;
  host: string;
  nonce: string;
}

/** A holder refreshes its lock's time this often; a lock untouched for STALE_MS is taken for abandoned (another machine's, whose process cannot be asked). */
const REFRESH_MS = 2_000;
const STALE_MS = 20_000;
/** How long a run waits for another to finish with the folder before it gives up. */
const WAIT_MS = 120_000;

/**
 * Runs `work` holding an exclusive lock file (`lock`, created with O_EXCL), so that runs in
 * other processes writing into the same folder take turns at its shared files (manifest.json:
 * read, merged, written). A lock whose process is gone (same machine), or untouched for 20 s, is
 * taken over: renamed aside, then checked to be the one judged abandoned. No dependency: the hold
 * is milliseconds, and a lock file with the holder's pid tells a crashed run from a slow one.
 */
export async function withFolderLock<T>(lock: string, work: () => Promise<T>): Promise<T> {
  const me: Holder = { pid: process.pid, host: hostname(), nonce: randomUUID() };
  await acquire(lock, me);
  const refresh = setInterval(() => void utimes(lock, new Date(), new Date()).catch(() => undefined), REFRESH_MS);
  refresh.unref();
  try {
    return await work();
  } finally {
    clearInterval(refresh);
    // Only our own: a lock taken over from us (we were thought gone) is the new holder's.
    if ((await holderOf(lock))?.nonce === me.nonce) await rm(lock, { force: true });
  }
}

async function acquire(lock: string, me: Holder): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(dirname(lock), { recursive: true });
      await writeFile(lock, JSON.stringify(me), { flag: "wx" });
      return;
    } catch (err) {
      // A folder that cannot be written is said as any unwritable output is.
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw new OutputError(lock, err as NodeJS.ErrnoException);
    }
    const holder = await holderOf(lock);
    if (await abandoned(lock, holder)) await takeOver(lock, holder);
    else if (Date.now() - started > WAIT_MS)
      throw new VstackError("output-locked", `another vstack run has held ${displayPath(lock, process.cwd())} for over ${WAIT_MS / 1000} s; if none is running, delete that file`);
    else await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
  }
}

/** The lock's holder; undefined when there is no lock, or it is being written (empty). */
async function holderOf(lock: string): Promise<Holder | undefined> {
  try {
    const data = JSON.parse(await readFile(lock, "utf8")) as Partial<Holder>;
    return typeof data.pid === "number" && typeof data.nonce === "string" ? { pid: data.pid, host: String(data.host), nonce: data.nonce } : undefined;
  } catch {
    return undefined;
  }
}

/** `holder` undefined: the lock is empty (its maker stopped between creating and writing it) or gone. */
async function abandoned(lock: string, holder: Holder | undefined): Promise<boolean> {
  if (holder && holder.host === hostname() && !running(holder.pid)) return true;
  const touched = await stat(lock).then((s) => s.mtimeMs, () => Date.now()); // gone: not abandoned, free
  return Date.now() - touched > STALE_MS;
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Moves the abandoned lock aside (one waiter wins the rename) and removes it. When what was
 * moved is not the lock judged abandoned (another waiter took it over and a new holder came in
 * between), it is linked back unless a lock is there again.
 */
async function takeOver(lock: string, stale: Holder | undefined): Promise<void> {
  const aside = `${lock}.${randomUUID()}`;
  try {
    await rename(lock, aside);
  } catch {
    return; // gone already: someone else took it over
  }
  if ((await holderOf(aside))?.nonce !== stale?.nonce) await link(aside, lock).catch(() => undefined);
  await rm(aside, { force: true });
}
