/**
 * The groups `vstack list` and the gallery sort specs into, in the order they are shown: what
 * a reader looking for one system would scan for.
 */
export const FAMILIES = ["hypervisors", "containers", "sandboxes", "kubernetes", "windows", "desktop", "techniques", "comparisons"] as const;
export type Family = (typeof FAMILIES)[number];

/** The title of the group of diagrams that name no family, when others do. */
export const OTHER_FAMILY = "Other";

export const FAMILY_TITLES: Record<Family, string> = {
  hypervisors: "Hypervisors and virtual machines",
  containers: "Containers on Linux",
  sandboxes: "Sandboxes and micro-VMs",
  kubernetes: "Kubernetes",
  windows: "Windows",
  desktop: "Containers on the desktop (macOS, Windows, Linux)",
  techniques: "Techniques",
  comparisons: "Comparisons",
};

/** A group of specs (or diagrams) under its family's title; those with none come last, untitled when no spec has one. */
export function byFamily<T extends { family?: Family }>(items: T[]): Array<{ family?: Family; title: string; items: T[] }> {
  const groups = FAMILIES.map((family) => ({ family, title: FAMILY_TITLES[family], items: items.filter((i) => i.family === family) })).filter((g) => g.items.length > 0);
  const rest = items.filter((i) => i.family === undefined);
  if (rest.length > 0) groups.push({ title: groups.length > 0 ? OTHER_FAMILY : "", items: rest } as (typeof groups)[number]);
  return groups;
}
