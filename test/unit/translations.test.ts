import { inLanguage } from "../../src/i18n/translate-spec.js";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogPath, readCatalog, UI_CONTEXT } from "../../src/i18n/catalog.js";
import { fileStrings, specFileStrings } from "../../src/diagrams/extract-strings.js";
import { LANGS } from "../../src/langs.js";
import { uiStrings } from "../../src/i18n/ui-strings.js";
import { BUILTIN_DIR, builtinFiles, builtinTableFiles } from "../../src/spec-format/builtins.js";
import { ROOT } from "../support/paths.js";
import { loadSpec } from "../../src/spec-format/load-spec.js";

/** Every string a built-in shows, by context: what each catalog must translate, and all it may hold. */
async function builtinStrings(): Promise<Map<string, Set<string>>> {
  const wanted = new Map<string, Set<string>>();
  const add = (context: string, text: string) => wanted.set(context, (wanted.get(context) ?? new Set()).add(text));
  for (const file of builtinFiles()) {
    const { strings, diagnostics } = await specFileStrings(file, basename(file));
    expect(diagnostics).toEqual([]);
    for (const s of strings) add(s.context, s.text);
  }
  for (const file of builtinTableFiles()) for (const s of await fileStrings(file, basename(file))) add(s.context, s.text);
  for (const text of uiStrings()) add(UI_CONTEXT, text);
  return wanted;
}

describe("translations of the built-ins", () => {
  const others = LANGS.filter((l) => l !== "en");

  it.each(others)("%s: every built-in string has a translation, no entry names a string that is gone, placeholders and line breaks kept", async (lang) => {
    const wanted = await builtinStrings();
    const catalog = readCatalog(catalogPath(BUILTIN_DIR, lang))!;
    expect(catalog, `specs/i18n/${lang}.po`).toBeDefined();
    const missing = [...wanted].flatMap(([context, texts]) => [...texts].filter((t) => catalog.get(context, t) === undefined).map((t) => `${context}: ${t}`));
    expect(missing, "untranslated (npm run translations, then fill the msgstr)").toEqual([]);
    const stale = catalog.entries.filter((e) => !wanted.get(e.context)?.has(e.text)).map((e) => `${catalog.file}:${e.line} ${e.context}: ${e.text}`);
    expect(stale, "entries whose English is gone (npm run translations drops them)").toEqual([]);
    const broken = catalog.entries.filter((e) => (e.text.includes("{n}") && !e.translation.includes("{n}")) || e.text.split("\n").length !== e.translation.split("\n").length);
    expect(broken.map((e) => `${e.context}: ${e.text}`)).toEqual([]);
    // Counted, so a catalog cut short cannot pass: 650-odd strings today.
    expect(catalog.entries.length).toBeGreaterThan(600);
  });

  it("npm run translations has nothing to change: the catalogs are in step with the specs", async () => {
    const wanted = await builtinStrings();
    const total = [...wanted.values()].reduce((n, s) => n + s.size, 0);
    for (const lang of others) expect(readCatalog(catalogPath(BUILTIN_DIR, lang))!.entries.length, lang).toBe(total);
  });

  it("a translated spec keeps its ids, kinds, links and sources; only its words change", async () => {
    const file = `${BUILTIN_DIR}/docker-engine-linux.yaml`;
    const en = await loadSpec(file);
    const de = await loadSpec(file, inLanguage({ lang: "de" }));
    expect(de.warnings ?? []).toEqual([]);
    expect(de.spec!.lang).toBe("de");
    const shape = (s: typeof en.spec) => JSON.stringify(s, (k, v) => (["title", "summary", "notes", "label", "detail", "value", "lang", "file"].includes(k) ? undefined : v));
    expect(shape(de.spec)).toBe(shape(en.spec));
    expect(de.spec!.title).not.toBe(en.spec!.title);
    expect(de.spec!.sources).toEqual(en.spec!.sources);
    // The alt text reads in German too, whole sentences translated.
    const { describeSpec } = await import("../../src/layout/describe.js");
    expect(describeSpec(de.spec!)).toContain("Von unten nach oben: Hardware → Linux-Kernel");
    // A labelled arrow says its label; an unlabelled one its style's verb, translated.
    expect(describeSpec(de.spec!)).toMatch(/Pfeile: docker-CLI → dockerd: \S/);
    expect(describeSpec(en.spec!)).toContain("Arrows: docker CLI → dockerd: Engine API");
    // The terminal drawing's key of outlines too.
    const { drawSpec } = await import("../../src/text/draw-stack.js");
    const xen = (await loadSpec(`${BUILTIN_DIR}/xen.yaml`, inLanguage({ lang: "de" }))).spec!;
    const key = drawSpec(xen, "light", { width: 100, color: false }).trimEnd().split("\n").at(-1)!;
    expect(key).toBe("━━━ VM-Grenze (Hardwarevirtualisierung)");
  });

  it("a string the catalog lacks stays English and is a warning at its line:col; a broken catalog is an error", async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(`${tmpdir()}/vstack-i18n-`);
    writeFileSync(`${dir}/s.yaml`, "id: s\ntitle: My stack\nsources: [https://example.com/]\nstack:\n  - { layer: Hardware, kind: hardware }\n  - { layer: Guest, kind: os }\n");
    mkdirSync(`${dir}/i18n`);
    writeFileSync(`${dir}/i18n/de.po`, 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgctxt "s"\nmsgid "My stack"\nmsgstr "Mein Stapel"\n\nmsgctxt "s"\nmsgid "Hardware"\nmsgstr "Hardware"\n');
    const loaded = await loadSpec(`${dir}/s.yaml`, inLanguage({ cwd: dir, lang: "de" }));
    expect(loaded.spec!.title).toBe("Mein Stapel");
    expect(loaded.warnings!.map((w) => [w.line, w.col, w.code, w.severity])).toEqual([[6, 14, "missing-translation", "warning"]]);
    writeFileSync(`${dir}/i18n/fr.po`, 'msgctxt "s"\nmsgid "My stack\nmsgstr "x"\n');
    const broken = await loadSpec(`${dir}/s.yaml`, inLanguage({ cwd: dir, lang: "fr" }));
    expect(broken.spec).toBeUndefined();
    expect(broken.diagnostics.map((d) => d.code)).toEqual(["bad-catalog"]);
  });

  it("a page's fences take lang: (or the run's one language); a lang that is none is an error at its place", async () => {
    const { markdownDiagrams } = await import("../../src/diagrams/markdown.js");
    const { TemplateSet } = await import("../../src/emit/templates.js");
    const page = "# Seite\n\n```vstack\ntable: [vm-vs-container]\nlang: de\n```\n\n```vstack\nuse: docker-engine-linux\nlang: zh\n```\n\n```vstack\nuse: xen\nlang: klingon\n```\n";
    const made = await markdownDiagrams(`${ROOT}/page.md`, "page.md", page, new TemplateSet(), "block", { cwd: ROOT });
    expect(made.tables[0]!.text).toContain("| **Isolationsgrenze** |");
    expect(made.diagrams.map((d) => [d.id, d.lang, d.title])).toEqual([["page-docker-engine-linux.zh", "zh", "Linux 上的 Docker Engine"]]);
    expect(made.diagnostics.map((d) => [d.line, d.col, d.code])).toEqual([[15, 7, "fence-lang"]]);
    // A German run: fences without lang: are German too.
    const run = await markdownDiagrams(`${ROOT}/page.md`, "page.md", "```vstack\nuse: xen\n```\n", new TemplateSet(), "block", { cwd: ROOT, lang: "de" });
    expect(run.diagrams[0]!.lang).toBe("de");
  });

  it("the gallery of a run in several languages: a switch (no script), each language's diagrams under its name, families titled in it", async () => {
    const { galleryHtml, galleryMarkdown } = await import("../../src/output/gallery.js");
    const item = (id: string, title: string, lang?: "de") => ({
      diagram: { id, title, description: title, notes: [], sources: [], tags: [], file: "specs/x.yaml", family: "hypervisors" as const, ...(lang && { lang }) },
      outputs: ["light", "dark"].map((theme) => ({ file: `${id}.${theme}.svg`, format: "svg", theme: theme as "light" | "dark", sha256: "0" })),
    });
    const both = [item("xen", "Xen"), item("xen.de", "Xen (de)", "de")];
    const html = galleryHtml(both);
    expect(html).toContain('<input type="radio" name="vstack-lang" id="vstack-lang-en" checked> English');
    expect(html).toContain('<input type="radio" name="vstack-lang" id="vstack-lang-de"> Deutsch');
    expect(html).toContain("body:has(#vstack-lang-en:checked) .lang-en,body:has(#vstack-lang-de:checked) .lang-de{display:block}");
    expect(html).toMatch(/<div class="lang lang-de" lang="de">[\s\S]*<h2 id="family-hypervisors-de">Hypervisoren und virtuelle Maschinen<\/h2>[\s\S]*id="xen.de"/);
    expect(html).not.toMatch(/<div class="lang lang-de"[^]*id="xen"/);
    const md = galleryMarkdown(both);
    expect(md).toContain("[English](#lang-en) · [Deutsch](#lang-de)");
    expect(md).toContain("## Deutsch\n\n**Hypervisoren und virtuelle Maschinen**");
    // One language: the gallery as before, no switch.
    expect(galleryHtml([both[0]!])).not.toContain("vstack-lang");
  });

  it("a site plugin takes the locale's language (de-CH → de); a locale vstack has no catalogs for is refused at once", async () => {
    const { PagePictures } = await import("../../src/plugins/page-pictures.js");
    const dir = (await import("node:fs")).mkdtempSync(`${(await import("node:os")).tmpdir()}/vstack-site-`);
    const site = new PagePictures({ cwd: dir, config: false, lang: "de-CH" });
    try {
      const made = await site.page(`${dir}/seite.md`, "```vstack\ntable: [vm-vs-container]\n```\n");
      expect(made.errors).toEqual([]);
      expect(made.pictures[0]!.html).toContain('<th scope="row">Isolationsgrenze</th>');
    } finally {
      await site.close();
    }
    expect(() => new PagePictures({ lang: "pt-BR" })).toThrow(/lang is a locale of en, de, fr, it, zh/);
  });
});
