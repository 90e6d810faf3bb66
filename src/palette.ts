import type { Kind } from "./spec/kinds.js";

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
 * One colour family per kind; light: pale fill, dark text; dark: deep fill, light text.
 * Families were picked so neighbours in a typical stack differ in hue, not just shade.
 */
const PALETTE: Record<Theme, Record<PaletteKey, Swatch>> = {
  light: {
    hardware: { fill: "#d9dde3", stroke: "#5b6473", color: "#1b1f24" },
    firmware: { fill: "#e6dfd6", stroke: "#7a6a55", color: "#1b1f24" },
    hypervisor: { fill: "#ffd8a8", stroke: "#c2560c", color: "#1b1f24" },
    vmm: { fill: "#ffe8cc", stroke: "#d9822b", color: "#1b1f24" },
    kernel: { fill: "#a5d8ff", stroke: "#1864ab", color: "#1b1f24" },
    os: { fill: "#d0ebff", stroke: "#1c7ed6", color: "#1b1f24" },
    runtime: { fill: "#96f2d7", stroke: "#087f5b", color: "#1b1f24" },
    vm: { fill: "#e5dbff", stroke: "#6741d9", color: "#1b1f24" },
    container: { fill: "#d3f9d8", stroke: "#2b8a3e", color: "#1b1f24" },
    sandbox: { fill: "#e9fac8", stroke: "#5c940d", color: "#1b1f24" },
    libs: { fill: "#fff3bf", stroke: "#e67700", color: "#1b1f24" },
    app: { fill: "#ffdeeb", stroke: "#c2255c", color: "#1b1f24" },
    service: { fill: "#c5f6fa", stroke: "#0c8599", color: "#1b1f24" },
    caption: { fill: "transparent", stroke: "transparent", color: "#1b1f24" },
  },
  dark: {
    hardware: { fill: "#343a40", stroke: "#adb5bd", color: "#f1f3f5" },
    firmware: { fill: "#40372c", stroke: "#c4a484", color: "#f1f3f5" },
    hypervisor: { fill: "#7a3306", stroke: "#ffa94d", color: "#fff4e6" },
    vmm: { fill: "#5c3a10", stroke: "#ffc078", color: "#fff4e6" },
    kernel: { fill: "#0b4a80", stroke: "#74c0fc", color: "#e7f5ff" },
    os: { fill: "#15406b", stroke: "#a5d8ff", color: "#e7f5ff" },
    runtime: { fill: "#0b5d48", stroke: "#63e6be", color: "#e6fcf5" },
    vm: { fill: "#3b2a80", stroke: "#b197fc", color: "#f3f0ff" },
    container: { fill: "#1e5c2a", stroke: "#8ce99a", color: "#ebfbee" },
    sandbox: { fill: "#3b5a0a", stroke: "#c0eb75", color: "#f4fce3" },
    libs: { fill: "#5c4a05", stroke: "#ffe066", color: "#fff9db" },
    app: { fill: "#6e1a3c", stroke: "#faa2c1", color: "#fff0f6" },
    service: { fill: "#0b525b", stroke: "#66d9e8", color: "#e3fafc" },
    caption: { fill: "transparent", stroke: "transparent", color: "#f1f3f5" },
  },
};

/** The page behind a diagram in each theme, unless the user asks for another. */
export const BACKGROUND: Record<Theme, string> = { light: "#ffffff", dark: "#1b1f24" };

export function swatch(theme: Theme, key: PaletteKey): Swatch {
  return PALETTE[theme][key];
}
