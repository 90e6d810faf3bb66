import { readFile, stat, utimes } from "node:fs/promises";
import { join } from "node:path";
import type { DiagramInfo } from "../diagrams/diagram.js";
import type { OutputFile } from "./embed.js";
import { sha256, type ReadLog } from "../source/read-log.js";
import { writeOutput } from "./write.js";

/**
 * What a successful run read and wrote, kept in the cache folder under a key of its options.
 * When every input still has the same bytes and every output the same size and time, the
 * next run with those options has nothing to do and need not parse a single spec.
 */
export interface RunRecord {
  /** Input file → sha256 of its bytes as the run read them. */
  inputs: Record<string, string>;
  /** Output file → what `stat` said after writing it. */
  outputs: Record<string, { size: number; mtimeMs: number }>;
  diagrams: Array<{ info: DiagramInfo; outputs: OutputFile[] }>;
  /** Gallery, manifest and Markdown files written. */
  pages: string[];
  /** Files a folder input found that are not specs. */
  skipped: string[];
}

const recordPath = (cacheDir: string, key: string) => join(cacheDir, "runs", `${key}.json`);

/** The record of the last run with this key, if nothing it read or wrote has changed since. */
export async function upToDateRun(cacheDir: string, key: string): Promise<RunRecord | undefined> {
  let record: RunRecord;
  try {
    record = JSON.parse(await readFile(recordPath(cacheDir, key), "utf8")) as RunRecord;
  } catch {
    return undefined;
  }
  const checks = [
    // A file that was not there ("": a catalog not written yet) must still not be there.
    ...Object.entries(record.inputs).map(async ([file, hash]) => ((await hashFile(file)) ?? "") === hash),
    ...Object.entries(record.outputs).map(async ([file, was]) => {
      const now = await stat(file).catch(() => undefined);
      return now !== undefined && now.size === was.size && now.mtimeMs === was.mtimeMs;
    }),
  ];
  if (!(await Promise.all(checks)).every(Boolean)) return undefined;
  // Used: the cache's pruning keeps what is used (cache.ts).
  await utimes(recordPath(cacheDir, key), new Date(), new Date()).catch(() => undefined);
  return record;
}

/**
 * Records a run: `inputs` with the hashes `reads` noted as the run read them (a file saved
 * since is then seen as changed next time); one the log lacks is hashed now.
 */
export async function saveRun(cacheDir: string, key: string, inputs: string[], reads: ReadLog, outputs: string[], made: Pick<RunRecord, "diagrams" | "pages" | "skipped">): Promise<void> {
  const record: RunRecord = { inputs: {}, outputs: {}, ...made };
  await Promise.all([
    ...inputs.map(async (file) => void (record.inputs[file] = reads.hashOf(file) ?? (await hashFile(file)) ?? "")),
    ...outputs.map(async (file) => {
      const s = await stat(file);
      record.outputs[file] = { size: s.size, mtimeMs: s.mtimeMs };
    }),
  ]);
  await writeOutput(recordPath(cacheDir, key), `${JSON.stringify(record)}\n`);
}

async function hashFile(file: string): Promise<string | undefined> {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}
