/**
 * Bounds that keep a diagram drawable and a run bounded, whatever the input, in one place:
 * validation, the schema editors read, and the pre-parse nesting check all use these.
 */
export const LIMITS = {
  /** Units inside units. */
  depth: 24,
  /** Boxes once repeats are expanded. */
  layers: 2_000,
  /** Characters in a label or detail line. */
  label: 2_000,
  /** Arrows in one spec. */
  links: 200,
} as const;
