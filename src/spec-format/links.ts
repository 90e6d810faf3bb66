import type { Outline } from "../kinds/palette.js";

/**
 * What an arrow means: a call or request (control), a path data or I/O takes (data), or one
 * thing starting another (creates). Each has one look in every diagram and theme.
 */
export const LINK_STYLES = ["control", "data", "creates"] as const;
export type LinkStyle = (typeof LINK_STYLES)[number];

/** How the legend names each style, and how the alt text says an arrow of it (`{from}`, `{to}`: the boxes' labels). */
export const LINK_STYLE_NAMES: Record<LinkStyle, { legend: string; says: string }> = {
  control: { legend: "calls / controls", says: "{from} calls {to}" },
  data: { legend: "data path", says: "{from} sends data to {to}" },
  creates: { legend: "creates / starts", says: "{from} creates {to}" },
};

/** How each link style is drawn: line width and dash (none: solid), the same in every theme. */
const LINK_LOOKS: Record<LinkStyle, Outline> = {
  control: { width: 1.5 },
  data: { width: 3 },
  creates: { width: 1.5, dash: "6 4" },
};

export function linkLook(style: LinkStyle): Outline {
  return LINK_LOOKS[style];
}
