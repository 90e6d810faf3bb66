/**
 * The properties a spec's `facts` may state, in the order a comparison table lists them, each
 * with the row heading the table shows. A fixed vocabulary, so tables of different specs line up.
 */
export const FACT_KEYS = ["kernel", "isolation", "image", "startup", "overhead", "density", "portability", "hardware", "audience"] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export const FACT_NAMES: Record<FactKey, string> = {
  kernel: "Kernel",
  isolation: "Isolation boundary",
  image: "Image",
  startup: "Start-up",
  overhead: "Overhead",
  density: "Density",
  portability: "Portability",
  hardware: "Hardware needs",
  audience: "Made for",
};

/** One stated property: a short value, the page that states it, or a mark that it is an order of magnitude. */
export interface Fact {
  value: string;
  source?: string;
  illustrative?: boolean;
}

export type Facts = Partial<Record<FactKey, Fact>>;
