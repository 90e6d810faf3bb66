/**
 * Keeps an answer that is slow to get (a browser's version, the font files fontconfig picks)
 * under a signature that is quick to take (a file's size and times), asking again when the
 * signature changed or the kept answer is no longer `valid`. build/probe-cache.ts keeps them.
 */
export type Remember = <T>(name: string, signature: string, ask: () => Promise<T>, valid?: (value: T) => boolean) => Promise<T>;
