import type { Kind } from "./builtin-kinds.js";

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export interface Swatch {
  fill: string;
  stroke: string;
  color: string;
}

/** What a caption (the name of a compared stack) looks like: text on the page, no box. */
export type PaletteKey = Kind | "caption";

/**
 * One colour family per kind; light: pale fill, dark text; dark: deep fill, light text. The
 * fills were searched for (CIEDE2000 in OKLCH, hues kept near each kind's family) so that every
 * pair of kinds stays apart for normal vision and for protanopia, deuteranopia and tritanopia
 * (Machado et al. simulation), and every label keeps WCAG AA contrast; test/unit/palette.test.ts
 * measures both. Strokes are the fill's hue, darker (light) or lighter (dark).
 */
const PALETTE: Record<Theme, Record<PaletteKey, Swatch>> = {
  light: {
    hardware: { fill: "#f0f2f4", stroke: "#5b5e60", color: "#1b1f24" },
    firmware: { fill: "#d1ccc6", stroke: "#635c55", color: "#1b1f24" },
    hypervisor: { fill: "#f8cf9b", stroke: "#805300", color: "#1b1f24" },
    vmm: { fill: "#ffe8cc", stroke: "#7c5419", color: "#1b1f24" },
    kernel: { fill: "#aad9fe", stroke: "#136394", color: "#1b1f24" },
    os: { fill: "#d0ebff", stroke: "#24648b", color: "#1b1f24" },
    runtime: { fill: "#89f6dd", stroke: "#006e5d", color: "#1b1f24" },
    vm: { fill: "#b6b0e1", stroke: "#5e5294", color: "#1b1f24" },
    container: { fill: "#b1d2af", stroke: "#3c6b3b", color: "#1b1f24" },
    sandbox: { fill: "#e2e47a", stroke: "#626200", color: "#1b1f24" },
    libs: { fill: "#f8fbb5", stroke: "#626200", color: "#1b1f24" },
    app: { fill: "#dcaabe", stroke: "#864562", color: "#1b1f24" },
    service: { fill: "#7ed6d2", stroke: "#006c69", color: "#1b1f24" },
    caption: { fill: "transparent", stroke: "transparent", color: "#1b1f24" },
  },
  dark: {
    hardware: { fill: "#313538", stroke: "#bec5cb", color: "#f8f9fa" },
    firmware: { fill: "#40372c", stroke: "#e8bb82", color: "#f8f9fa" },
    hypervisor: { fill: "#84582e", stroke: "#fcb26c", color: "#f8f9fa" },
    vmm: { fill: "#4d2e05", stroke: "#f1b779", color: "#f8f9fa" },
    kernel: { fill: "#2658a1", stroke: "#a0c6ff", color: "#f8f9fa" },
    os: { fill: "#384471", stroke: "#afc1ff", color: "#f8f9fa" },
    runtime: { fill: "#1b6c5e", stroke: "#5eddc5", color: "#f8f9fa" },
    vm: { fill: "#302474", stroke: "#bcbdff", color: "#f8f9fa" },
    container: { fill: "#43664b", stroke: "#99d5a6", color: "#f8f9fa" },
    sandbox: { fill: "#3c5300", stroke: "#abd65e", color: "#f8f9fa" },
    libs: { fill: "#59472a", stroke: "#e4be80", color: "#f8f9fa" },
    app: { fill: "#670736", stroke: "#ffa6c3", color: "#f8f9fa" },
    service: { fill: "#1e4e55", stroke: "#79d5e3", color: "#f8f9fa" },
    caption: { fill: "transparent", stroke: "transparent", color: "#f8f9fa" },
  },
};

/** The page behind a diagram in each theme, unless the user asks for another. */
export const BACKGROUND: Record<Theme, string> = { light: "#ffffff", dark: "#1b1f24" };

export function swatch(theme: Theme, key: PaletteKey): Swatch {
  return PALETTE[theme][key];
}

/** A box's outline: its width in CSS px and, for some kinds, a dash pattern. */
export interface Outline {
  width: number;
  dash?: string;
}

/**
 * What separates side-by-side units: hardware virtualization (a VM, a partition, a domain, a
 * micro-VM), namespaces and cgroups (a container), an application kernel (a sandbox such as
 * gVisor), or nothing drawn (every other box).
 */
export const BOUNDARIES = ["vm", "container", "sandbox", "none"] as const;
export type Boundary = (typeof BOUNDARIES)[number];

/**
 * The point of these pictures, so the outline says it, the same in both themes and whatever
 * the colours: a heavy line for hardware virtualization, dashes for namespaces and cgroups,
 * dots for an application kernel, a thin solid line for no boundary.
 */
const BOUNDARY_OUTLINES: Record<Boundary, Outline> = {
  vm: { width: 3 },
  container: { width: 2, dash: "7 4" },
  sandbox: { width: 2, dash: "2 3" },
  none: { width: 1 },
};

/** How the legend explains an outline drawn on a box of another kind (`boundary:` on a unit). */
export const BOUNDARY_NAMES: Record<Exclude<Boundary, "none">, string> = {
  vm: "outline: VM boundary (hardware virtualization)",
  container: "outline: container boundary (namespaces, cgroups)",
  sandbox: "outline: sandbox boundary (application kernel)",
};

/** The boundary a built-in kind draws unless a unit says otherwise. */
export function kindBoundary(key: PaletteKey): Boundary {
  return key === "vm" || key === "container" || key === "sandbox" ? key : "none";
}

export function boundaryOutline(boundary: Boundary): Outline {
  return BOUNDARY_OUTLINES[boundary];
}
