import { open } from "node:fs/promises";
import { LineCounter, parseDocument, isMap, isSeq, isScalar, type Document, type Node, type Pair, type YAMLMap } from "yaml";
import type { Diagnostic } from "../diagnostics.js";
import { formatPath } from "./data-path.js";
import { duplicateKeys } from "./duplicate-keys.js";
import { deepestPlace, MAX_YAML_DEPTH } from "./nesting.js";
import { FILE_LIMIT, tooLarge, type ReadLimit } from "./read-limits.js";
import type { ReadLog } from "./read-log.js";
import { yamlDiagnostics } from "./yaml-errors.js";

/** A spec file as read: its text, the YAML document (JSON is YAML too) and a way to find positions. */
export interface SourceDoc {
  /** The file name as the user named it, used in every diagnostic. */
  file: string;
  text: string;
  doc: Document.Parsed;
  lines: LineCounter;
  /** Each mapping's pairs by key, made when a position inside it is first asked for. */
  pairs: WeakMap<YAMLMap, Map<string, Pair>>;
}

/**
 * Reads a file, or returns a diagnostic that says why it could not be read. A file over its
 * limit is refused unread: only the part up to the limit is read, to say where it falls.
 * `log` notes what was read, as it was read (for the run record).
 */
export async function readSource(file: string, limit: ReadLimit = FILE_LIMIT, log?: ReadLog): Promise<{ text: string } | { error: Diagnostic }> {
  let bytes: Buffer;
  try {
    const handle = await open(file);
    try {
      const { size } = await handle.stat();
      if (size > limit.bytes) {
        const head = Buffer.alloc(limit.bytes);
        await handle.read(head, 0, limit.bytes, 0);
        return { error: { ...tooLarge(decode(head), size, limit), file } };
      }
      bytes = await handle.readFile();
      log?.note(file, bytes);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT" ? "file not found; check the path" : code === "EISDIR" ? "is a folder, not a spec file" : `cannot read: ${(err as Error).message}`;
    return { error: { code: "unreadable", message, file } };
  }
  return { text: decode(bytes) };
}

function decode(bytes: Buffer): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
}

/** Parses YAML or JSON text, keeping positions; syntax errors come back as diagnostics. */
export function parseSource(file: string, text: string): { source: SourceDoc; diagnostics: Diagnostic[] } {
  const lines = new LineCounter();
  // Not parsed at all: text past the limit (standard input, a fence), or nesting the parser would recurse into as deep.
  const unparsed = (diagnostic: Omit<Diagnostic, "file">) => ({ source: { file, text, doc: parseDocument(""), lines: lineCounterOf(text), pairs: new WeakMap() }, diagnostics: [{ ...diagnostic, file }] });
  const size = Buffer.byteLength(text);
  if (size > FILE_LIMIT.bytes) return unparsed(tooLarge(decode(Buffer.from(text).subarray(0, FILE_LIMIT.bytes)), size, FILE_LIMIT));
  const deep = deepestPlace(text, MAX_YAML_DEPTH);
  if (deep) {
    const message = `the file nests more than ${MAX_YAML_DEPTH} levels deep, more than any spec or config can mean (units nest at most 24 deep)`;
    return unparsed({ code: "too-deep", message, ...lineCounterOf(text).linePos(deep.offset), source: text });
  }
  // Duplicate keys are found by duplicateKeys: the parser's own check is quadratic.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const source = { file, text, doc, lines, pairs: new WeakMap() };
  const diagnostics = yamlDiagnostics([...doc.errors, ...duplicateKeys(doc)], text, lines, file);
  if (text.includes("\uFFFD")) {
    const offset = text.indexOf("\uFFFD");
    diagnostics.push({ code: "invalid-utf8", message: "the file is not valid UTF-8; save it as UTF-8", file, ...positionOf(source, offset), source: text });
  }
  return { source, diagnostics };
}

/**
 * The document as plain data. yaml refuses alias chains that would expand without bound
 * ("billion laughs"); that comes back as a message to report, not an exception.
 */
export function documentData(doc: Document): { data: unknown } | { problem: { code: string; message: string } } {
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (err) {
    const message = (err as Error).message;
    // yaml's resource-exhaustion guard is an alias bomb; anything else (an alias to no anchor) is said as yaml says it.
    if (/alias count|resource exhaustion/i.test(message)) return { problem: { code: "alias-bomb", message: `the YAML expands too far through aliases (*name); write the values out instead (${message})` } };
    return { problem: { code: "yaml-data", message: `the YAML cannot be read as data: ${message.split("\n")[0]}` } };
  }
}

/** The line and column of an offset into the text. */
export function positionOf(source: SourceDoc, offset: number): { line: number; col: number } {
  const { line, col } = source.lines.linePos(offset);
  return { line, col };
}

/**
 * The position of the node at a path of keys and indices: for a key that is there, its value
 * (or, with `atKey`, the key itself); else the nearest ancestor that is there.
 */
/** Makes a diagnostic at a place (a path of keys and indices) in a document. */
export type At = (path: ReadonlyArray<PropertyKey>, code: string, message: string, atKey?: boolean) => Diagnostic;

/** The one way a diagnostic is placed in a parsed file: position, path and the text for its code frame. `prefix` is where the data read starts (a config under a key). */
export function diagnosticAt(source: SourceDoc, prefix: ReadonlyArray<PropertyKey> = []): At {
  return (path, code, message, atKey = false) => ({
    code,
    message,
    file: source.file,
    ...positionAt(source, [...prefix, ...path], atKey),
    path: formatPath([...prefix, ...path]),
    source: source.text,
  });
}

export function positionAt(source: SourceDoc, path: ReadonlyArray<PropertyKey>, atKey = false): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const [i, key] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(source, node, String(key));
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (last && atKey) return positionOf(source, keyNode.range?.[0] ?? offset);
      node = pair.value ?? keyNode;
      offset = (pair.value as Node | null)?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === "number") {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else break;
  }
  return positionOf(source, offset);
}

/** The first pair of a mapping with this key: looked up in an index made once per mapping, not by a scan per lookup. */
function pairOf(source: SourceDoc, map: YAMLMap, key: string): Pair | undefined {
  let index = source.pairs.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) if (isScalar(pair.key) && !index.has(String(pair.key.value))) index.set(String(pair.key.value), pair);
    source.pairs.set(map, index);
  }
  return index.get(key);
}

/** A LineCounter for text that is not parsed: line starts found by hand. */
function lineCounterOf(text: string): LineCounter {
  const counter = new LineCounter();
  counter.addNewLine(0);
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) counter.addNewLine(i + 1);
  return counter;
}
