import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { CONFIG_KEYS } from "../../src/config/schema.js";
import { ROOT } from "../support/paths.js";

it("the README's list of config keys (Docs build step) names every key of the config schema, and no other", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("\n## Docs build step"));
  const list = /^Keys: [\s\S]*?\n\n/m.exec(section.slice(0, section.indexOf("\n## ", 1)))?.[0];
  expect(list, "a paragraph starting 'Keys:' in the Docs build step section").toBeDefined();
  const named = [...list!.matchAll(/`(\w+)`/g)].map((m) => m[1]!);
  expect(CONFIG_KEYS.filter((key) => !named.includes(key)), "keys the README does not name").toEqual([]);
  expect(named.filter((key) => !CONFIG_KEYS.includes(key)), "names that are no key").toEqual([]);
});
