import { READ_LIMITS } from "./read-limits.js";

/**
 * Bounds that keep a diagram drawable and a run bounded, whatever the input, in one place:
 * reading (file sizes, problems listed), validation, the schema editors read, and the
 * pre-parse nesting check all use these.
 */
export const LIMITS = {
  ...READ_LIMITS,
  /** Units inside units. */
  depth: 24,
  /** Copies one unit's repeat draws. */
  repeat: 64,
  /** Boxes in one diagram once repeats are expanded (a comparison's stacks together). */
  boxes: 2_000,
  /** Characters in a label or detail line. */
  label: 2_000,
  /** Arrows in one spec. */
  links: 200,
  /** Kinds one spec declares. */
  kinds: 100,
  /** Specs one comparison draws side by side. */
  compare: 12,
} as const;
