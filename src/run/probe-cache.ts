import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { writeOutput } from "../output/write.js";
import type { Remember } from "../remember.js";

/** How long a probe's answer is trusted while what it was asked about looks the same (a wrapper script's browser may change behind it). */
const TRUSTED_MS = 24 * 60 * 60 * 1000;

interface Probe {
  signature: string;
  value: unknown;
  at: number;
}

/**
 * Answers to questions about the machine that are slow to ask and rarely change (a browser's
 * `--version`, the font files fontconfig picks), kept in the cache folder under a signature that
 * is quick to take (a file's size and times): a run asks again only when the signature changed,
 * or a day has passed. Without a file (no cache), every question is asked.
 */
export class ProbeCache {
  private readonly probes: Record<string, Probe>;
  private changed = false;

  constructor(private readonly file: string | undefined) {
    let probes: Record<string, Probe> = {};
    try {
      if (file) probes = JSON.parse(readFileSync(file, "utf8")) as Record<string, Probe>;
    } catch {
      // none yet, or unreadable: asked again
    }
    this.probes = probes;
  }

  /** The answer kept for `name` under this signature (and still `valid`), else `ask()`'s, kept. */
  async remember<T>(name: string, signature: string, ask: () => Promise<T>, valid: (value: T) => boolean = () => true): Promise<T> {
    const kept = this.probes[name];
    if (kept && kept.signature === signature && Date.now() - kept.at < TRUSTED_MS && valid(kept.value as T)) return kept.value as T;
    const value = await ask();
    this.probes[name] = { signature, value, at: Date.now() };
    this.changed = true;
    return value;
  }

  /** remember, as a function to hand to the probes. */
  readonly asked: Remember = (name, signature, ask, valid) => this.remember(name, signature, ask, valid);

  /** Kept only in a cache folder that is there already: a run that fails before drawing anything writes nothing. */
  async save(): Promise<void> {
    if (this.file && this.changed && existsSync(dirname(this.file))) await writeOutput(this.file, `${JSON.stringify(this.probes)}\n`);
  }
}
