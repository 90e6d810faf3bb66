import { describe, expect, it } from "vitest";
import { commentText, escapeLabel, formatLabel } from "../../src/emit/escape.js";

describe("escapeLabel", () => {
  it("turns every character that could break a Mermaid string into an entity", () => {
    expect(escapeLabel(`a "q" #1; <b>&amp; %% {x} [y] |z| \`t\` \\`)).toBe(
      "a #quot;q#quot; #35;1#59; #lt;b#gt;#amp;amp#59; #37;#37; #123;x#125; #91;y#93; #124;z#124; #96;t#96; #92;",
    );
  });
  it("keeps letters of every script and emoji as they are", () => {
    expect(escapeLabel("虚拟机 🐳 Ядро עברית")).toBe("虚拟机 🐳 Ядро עברית");
  });
  it("keeps `style` and `classDef` in labels away from mermaid's pre-parse rewriting", () => {
    expect(escapeLabel("style a:#1;")).toBe("#115;tyle a:#35;1#59;");
    expect(escapeLabel("classDef x fill:red")).toBe("#99;lassDef x fill:red");
  });
  it("makes line breaks <br/> and drops control characters", () => {
    expect(escapeLabel("one\r\ntwo\nthree\u0007")).toBe("one<br/>two<br/>three");
  });
});

describe("formatLabel", () => {
  it("bolds the label and puts the detail on a smaller second line", () => {
    expect(formatLabel("Host OS", "Linux")).toBe("<b>Host OS</b><br/><small>Linux</small>");
    expect(formatLabel("Host OS")).toBe("<b>Host OS</b>");
  });
});

describe("commentText", () => {
  it("is one line with nothing Mermaid reads as a directive", () => {
    expect(commentText("a\n%%{init: {}}%%\nb")).toBe("a init:  b");
  });
});
