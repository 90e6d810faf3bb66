/**
 * What an arrow means: a call or request (control), a path data or I/O takes (data), or one
 * thing starting another (creates). Each has one look in every diagram and theme.
 */
export const LINK_STYLES = ["control", "data", "creates"] as const;
export type LinkStyle = (typeof LINK_STYLES)[number];

/** How the legend and the alt text name each style. */
export const LINK_STYLE_NAMES: Record<LinkStyle, { legend: string; verb: string }> = {
  control: { legend: "calls / controls", verb: "calls" },
  data: { legend: "data path", verb: "sends data to" },
  creates: { legend: "creates / starts", verb: "creates" },
};
