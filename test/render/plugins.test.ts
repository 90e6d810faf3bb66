import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import rehypeStringify from "rehype-stringify";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { afterAll, describe, expect, it } from "vitest";
// The package's own entry points, as a site imports them (dist/, built by `npm test`).
import markdownItVstack, { FenceError } from "vstack/markdown-it";
import remarkVstack, { PagePictures } from "vstack/remark";
import { parseSvg } from "../support/svg.js";
import { stillRunning } from "../support/processes.js";
import { ROOT, workspace } from "../support/paths.js";
import { OWN_BROWSER_ENV } from "../support/shared-browser.js";

/** A docs project: a page with a built-in, an inline spec and a table; a page with a mistake; front matter on both. */
const site = workspace({
  "docs/guide/index.md": [
    "---",
    "title: Guide",
    "---",
    "# Containers",
    "",
    "```vstack",
    "use: linux-containers",
    "```",
    "",
    "- In a list:",
    "",
    "  ```vstack",
    "  id: tiny",
    "  title: Tiny",
    "  sources: [https://example.com/tiny]",
    "  stack:",
    "    - layer: Hardware",
    "      kind: hardware",
    "    - layer: Kernel",
    "      kind: kernel",
    "  ```",
    "",
    "```vstack",
    "table: [type-1-hypervisor, linux-containers]",
    "```",
    "",
    "```js",
    "console.log('code stays code')",
    "```",
    "",
  ].join("\n"),
  "docs/bad.md": ["---", "title: Bad", "---", "# Bad", "", "```vstack", "title: Oops", "sources: [https://example.com]", "stack:", "  - layer: Hardware", "    kind: hardwre", "```", ""].join("\n"),
});
const pageText = (page: string) => readFileSync(join(site, page), "utf8");
// One PagePictures for the remark tests: one browser for all of them, as in one site build.
const pictures = new PagePictures({ cwd: site });

afterAll(async () => {
  await pictures.close();
});

async function remarkHtml(page: string, options: Record<string, unknown> = { pictures }): Promise<string> {
  const file = new VFile({ path: join(site, page), value: pageText(page) });
  return String(await unified().use(remarkParse).use(remarkVstack, options).use(remarkRehype).use(rehypeStringify).process(file));
}

/** The inline SVGs of a page, parsed. */
function svgsOf(html: string) {
  return [...html.matchAll(/<svg[\s\S]*?<\/svg>/g)].map((m) => parseSvg(m[0]));
}

describe("remark plugin (unified: remark-parse → vstack → remark-rehype → rehype-stringify)", () => {
  it("draws each fence in its place, inline, with ids of its own, and leaves other code alone", async () => {
    const html = await remarkHtml("docs/guide/index.md");
    const svgs = svgsOf(html);
    expect(svgs).toHaveLength(2);
    const ids = svgs.map((s) => s.documentElement!.getAttribute("id"));
    expect(ids).toEqual(["vstack-docs-guide-index-linux-containers", "vstack-tiny"]);
    // No id is shared between the two pictures (markers, titles, dark rules stay each its own).
    const all = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(all).size).toBe(all.length);
    // Alt text: the title and the spec's description, referenced from the svg.
    expect(svgs[0]!.getElementsByTagName("title")[0]!.textContent).toBe("Containers on Linux");
    expect(svgs[1]!.getElementsByTagName("desc")[0]!.textContent).toMatch(/Hardware → Kernel/);
    // One SVG for both themes: the dark rules are there.
    expect(html).toContain("prefers-color-scheme: dark");
    // The table fence is an HTML table with its caption and sources.
    expect(html).toMatch(/<table class="vstack-table"[^>]*>\s*<caption>Type 1 \(bare-metal\) hypervisor vs Containers on Linux<\/caption>/);
    expect(html).toContain("<code class=\"language-js\">console.log('code stays code')");
    // The order of the page is kept: heading, picture, list with its picture, table.
    expect(html.indexOf("<h1>")).toBeLessThan(html.indexOf(ids[0]!));
    expect(html.indexOf(ids[0]!)).toBeLessThan(html.indexOf("<li>"));
    expect(html.indexOf(ids[1]!)).toBeLessThan(html.indexOf("<table"));
    expect(html).not.toContain("```");
  });

  it("fails the page at the fence's line and column in the file, with the code frame", async () => {
    const file = new VFile({ path: join(site, "docs/bad.md"), value: pageText("docs/bad.md") });
    const processing = unified().use(remarkParse).use(remarkVstack, { pictures }).use(remarkRehype).use(rehypeStringify).process(file);
    const error = await processing.then(() => undefined, (e: unknown) => e as { reason: string; line: number; column: number; ruleId: string; source: string });
    expect(error).toBeDefined();
    // Line 11 of the file (front matter counted), the column of the misspelt kind.
    expect([error!.line, error!.column, error!.ruleId, error!.source]).toEqual([11, 11, "unknown-kind", "vstack"]);
    expect(error!.reason).toContain("docs/bad.md:11:11:");
    expect(error!.reason).toContain('did you mean "hardware"');
    expect(error!.reason).toMatch(/> 11 \|\s+kind: hardwre\n\s+\|\s+\^/);
    expect(file.messages.filter((m) => m.fatal)).toHaveLength(1);
  });

  it("writes picture files for the picture strategy, named by their content, and links them", async () => {
    const html = await remarkHtml("docs/guide/index.md", { pictures: new PagePictures({ cwd: site, strategy: "picture", assetsDir: "public/img", publicPath: "/base/img/" }) });
    const files = readdirSync(join(site, "public/img")).sort();
    expect(files).toHaveLength(4);
    for (const f of files) expect(f).toMatch(/^(docs-guide-index-linux-containers|tiny)\.[0-9a-f]{10}\.(light|dark)\.svg$/);
    const pictures = [...html.matchAll(/<picture><source media="\(prefers-color-scheme: dark\)" srcset="\/base\/img\/([^"]+)"><img src="\/base\/img\/([^"]+)" alt="([^"]+)"><\/picture>/g)];
    expect(pictures).toHaveLength(2);
    for (const [, dark, light] of pictures) expect([existsSync(join(site, "public/img", dark!)), existsSync(join(site, "public/img", light!))]).toEqual([true, true]);
    expect(pictures[0]![3]).toMatch(/^Every container shares the host(&#x27;|')s one Linux kernel/);
  });
});

describe("markdown-it plugin", () => {
  const md = new MarkdownIt().use(markdownItVstack, { cwd: site });
  // As VitePress calls it: front matter taken off, the page's path in env.
  const body = (page: string) => pageText(page).replace(/^---\n[\s\S]*?\n---\n/, "");

  it("draws each fence as an HTML block, in a worker that keeps one browser warm", () => {
    const html = md.render(body("docs/guide/index.md"), { path: join(site, "docs/guide/index.md") });
    const svgs = svgsOf(html);
    expect(svgs.map((s) => s.documentElement!.getAttribute("id"))).toEqual(["vstack-docs-guide-index-linux-containers", "vstack-tiny"]);
    expect(html).toContain('<table class="vstack-table"');
    expect(html).toContain('<code class="language-js">');
    expect(html).toMatch(/<li>\s*<p>In a list:<\/p>\s*<figure class="vstack"><svg id="vstack-tiny"/);
  });

  it("throws FenceError at the line of the file, front matter counted", () => {
    let error: unknown;
    try {
      md.render(body("docs/bad.md"), { path: join(site, "docs/bad.md") });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FenceError);
    expect((error as FenceError).message).toContain("docs/bad.md:11:11:");
    expect((error as FenceError).message).toMatch(/> 11 \|\s+kind: hardwre/);
  });
});

/** Every process below this one, listed by a script run inside it (inlined: the script is plain JS). */
const LIST_DESCENDANTS = `const { readdirSync, readFileSync } = await import("node:fs");
const kids = new Map();
for (const n of readdirSync("/proc").filter((n) => /^\\d+$/.test(n))) {
  try { const s = readFileSync("/proc/" + n + "/stat", "utf8"); const pp = Number(s.slice(s.lastIndexOf(")") + 2).split(" ")[1]); kids.set(pp, [...(kids.get(pp) ?? []), Number(n)]); } catch {}
}
const below = []; const stack = [process.pid];
while (stack.length) for (const k of kids.get(stack.pop()) ?? []) below.push(k), stack.push(k);
console.log(JSON.stringify(below));`;

// markdown-it's browser lives in a worker thread, whose own exit hooks do not run when the
// process ends: the main thread must kill it. (remark's browser is the main thread's, under the
// pool's exit hook, which robustness.test exercises.)
it("leaves no browser behind when a site build ends without closing (markdown-it's worker)", async () => {
  // A project of its own: nothing cached, so a browser starts.
  const project = workspace({ "page.md": "# Page\n\n```vstack\nuse: xen\n```\n" });
  const page = JSON.stringify(join(project, "page.md"));
  const options = `{ cwd: ${JSON.stringify(project)}, idleClose: 60000 }`;
  const render = `const { default: MarkdownIt } = await import("markdown-it"); const { default: vstack } = await import("vstack/markdown-it");
new MarkdownIt().use(vstack, ${options}).render((await import("node:fs")).readFileSync(${page}, "utf8"), { path: ${page} });`;
  // Inside the package folder, so `vstack/...` resolves to the package itself, as in a site.
  const runner = join(ROOT, `.plugin-build-${process.pid}.mjs`);
  writeFileSync(runner, `${render}\n${LIST_DESCENDANTS}\nprocess.exit(0);\n`);
  try {
    const child = spawn(process.execPath, [runner], { cwd: project, env: OWN_BROWSER_ENV, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code, err).toBe(0);
    const running = JSON.parse(out.trim().split("\n").at(-1)!) as number[];
    // Chromium was running when the build ended, so the check below means something.
    expect(running.length).toBeGreaterThan(0);
    expect(await stillRunning(running)).toEqual([]);
    expect(readdirSync(join(project, ".vstack-cache")).length).toBeGreaterThan(0);
  } finally {
    rmSync(runner, { force: true });
  }
});
