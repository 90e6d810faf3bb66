type Path = ReadonlyArray<PropertyKey>;

/** The value at a path of keys and indices, or undefined where the data has none. */
export function valueAt(data: unknown, path: Path): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** `stack[2].units[0].unit` */
export function formatPath(path: Path): string {
  return path.map((k, i) => (typeof k === "number" ? `[${k}]` : i === 0 ? String(k) : `.${String(k)}`)).join("");
}
