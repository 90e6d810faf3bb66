import { isScalar, visit, YAMLParseError, type Document } from "yaml";

/**
 * Every key written twice in one mapping, as the yaml parser's own DUPLICATE_KEY errors. The
 * parser's check (uniqueKeys) compares each key with every earlier key of its mapping, which is
 * quadratic: a mapping of 8,000 keys took 2 s. This is one pass with a set per mapping; keys
 * are the same when their scalar values are (1 and "1" are not), as the parser judges them.
 */
export function duplicateKeys(doc: Document.Parsed): YAMLParseError[] {
  const errors: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        if (!isScalar(key)) continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) errors.push(new YAMLParseError([key.range?.[0] ?? 0, key.range?.[1] ?? 0], "DUPLICATE_KEY", "Map keys must be unique"));
        seen.add(id);
      }
    },
  });
  return errors;
}
