import { closest, distance } from "fastest-levenshtein";

/** The closest known word to a misspelt one, if it is close enough to be a likely typo. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const best = closest(word.toLowerCase(), known as string[]);
  const limit = Math.max(1, Math.ceil(best.length / 3));
  return distance(word.toLowerCase(), best) <= limit ? best : undefined;
}

export function didYouMean(word: string, known: readonly string[]): string {
  const hit = suggest(word, known);
  return hit ? `; did you mean "${hit}"?` : "";
}
