import { describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadDiagrams } from "../../src/diagrams/load-diagrams.js";
import { TemplateSet } from "../../src/emit/templates.js";
import { suggest } from "../../src/suggest.js";
import { tempDir } from "../support/paths.js";

describe("did you mean", () => {
  it("a fence's `use: kvm` suggests the built-in kvm-qemu (a prefix, too far off for a typo)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "page.md"), "# KVM\n\n```vstack\nuse: kvm\n```\n");
    const { failures } = await loadDiagrams([join(dir, "page.md")], { templates: new TemplateSet(), template: "block", cwd: dir });
    expect(failures.map((f) => `${f.line}:${f.col} ${f.code}`)).toEqual(["4:6 unknown-ref"]);
    expect(failures[0]?.message).toMatch(/"kvm" is neither a built-in id .*; did you mean "kvm-qemu"\?/);
  });

  it("typos first, then the shortest word that starts with it, then one that holds it", () => {
    const ids = ["kvm-qemu", "qemu-tcg", "qemu-tcg-vs-kvm", "vmware-esxi", "xen", "docker-engine-linux", "docker-desktop-macos"];
    expect(suggest("kvm-qemi", ids)).toBe("kvm-qemu");
    expect(suggest("kvm", ids)).toBe("kvm-qemu");
    expect(suggest("qemu", ids)).toBe("qemu-tcg");
    expect(suggest("docker", ids)).toBe("docker-engine-linux");
    expect(suggest("esxi", ids)).toBe("vmware-esxi");
    expect(suggest("ESXi", ids)).toBe("vmware-esxi");
    // Too short to mean anything by itself, and words that share nothing, get no suggestion.
    expect(suggest("vm", ids)).toBeUndefined();
    expect(suggest("hyperv", ids)).toBeUndefined();
  });
});
