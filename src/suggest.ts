import { closest, distance } from "fastest-levenshtein";

/** A word shorter than this is too short to be looked for inside longer ones ("vm" is in half the ids). */
const MIN_PART = 3;

/**
 * The known word a misspelt or shortened one most likely means: a near spelling (a typo) first,
 * else the shortest word that starts with it (`kvm` → `kvm-qemu`), else the shortest that holds it
 * (`esxi` → `vmware-esxi`).
 */
export function suggest(word: string, known: readonly string[]): string | undefined {
  const near = nearSpelling(word, known);
  const lower = word.toLowerCase();
  if (near !== undefined || lower.length < MIN_PART) return near;
  const shortest = (words: string[]) => words.reduce<string | undefined>((a, b) => (a === undefined || b.length < a.length ? b : a), undefined);
  return shortest(known.filter((k) => k.toLowerCase().startsWith(lower))) ?? shortest(known.filter((k) => k.toLowerCase().includes(lower)));
}

/** The closest known word, if it is close enough to be a likely typo. */
export function nearSpelling(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word.toLowerCase(), known as string[]);
  return distance(word.toLowerCase(), best) <= Math.max(1, Math.ceil(best.length / 3)) ? best : undefined;
}

export function didYouMean(word: string, known: readonly string[]): string {
  const hit = suggest(word, known);
  return hit ? `; did you mean "${hit}"?` : "";
}
