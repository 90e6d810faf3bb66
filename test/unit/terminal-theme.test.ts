import { expect, it } from "vitest";
import { terminalTheme } from "../../src/cli/commands/show.js";

it("vstack show takes the dark palette where COLORFGBG says the terminal's background is dark, else the light one", () => {
  expect(terminalTheme("15;0")).toBe("dark");
  expect(terminalTheme("15;default;0")).toBe("dark");
  expect(terminalTheme("7;8")).toBe("dark");
  expect(terminalTheme("0;15")).toBe("light");
  expect(terminalTheme("0;7")).toBe("light");
  expect(terminalTheme(undefined)).toBe("light");
  expect(terminalTheme("")).toBe("light");
  expect(terminalTheme("15;default")).toBe("light");
});
