/**
 * How much of a file vstack reads at all, checked before any parser sees it: the YAML parser
 * takes about 1.5 s a megabyte here, so a spec must stay small enough to be refused or read
 * quickly. A spec of 2,000 boxes with details is about 250 KB.
 */
export const READ_LIMITS = {
  /** Bytes in a spec, config, table or Mermaid file, a fence's body, or standard input. */
  fileBytes: 512 * 1024,
  /** Bytes in a Markdown page (its fences are held to fileBytes each): parsing a page of 1 MB takes some 4 s and 400 MB. */
  pageBytes: 1024 * 1024,
  /** Problems reported for one file: the rest are counted, not listed. */
  problems: 100,
} as const;

/** A limit on a file's size, with what the file is and what to do, for the message. */
export interface ReadLimit {
  bytes: number;
  what: string;
  fix: string;
}

export const FILE_LIMIT: ReadLimit = { bytes: READ_LIMITS.fileBytes, what: "a spec, config or Mermaid file", fix: "split it into several files (compare: draws specs side by side)" };
export const PAGE_LIMIT: ReadLimit = { bytes: READ_LIMITS.pageBytes, what: "a Markdown page", fix: "split it into several pages" };

/**
 * The problem with a file of `size` bytes over its limit, placed where the limit falls: at the
 * end of `head`, the text of its first `limit.bytes` bytes (which the code frame shows).
 */
export function tooLarge(head: string, size: number, limit: ReadLimit): { code: string; message: string; line: number; col: number; source: string } {
  const lineStart = head.lastIndexOf("\n") + 1;
  let line = 1;
  for (let i = head.indexOf("\n"); i >= 0; i = head.indexOf("\n", i + 1)) line++;
  return { code: "file-too-large", message: `the file is ${bytes(size)}; ${limit.what} may be at most ${bytes(limit.bytes)}, a limit this line passes: ${limit.fix}`, line, col: head.length - lineStart + 1, source: head };
}

/** 926 KB, 19.0 MB, 4 MB. */
function bytes(n: number): string {
  const mb = n / (1024 * 1024);
  if (mb < 1) return `${Math.round(n / 1024)} KB`;
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}
