import type { Element, ElementContent } from "hast";
import { fromHtml } from "hast-util-from-html";
import type { Code, Paragraph, Root } from "mdast";
import { visit } from "unist-util-visit";
import type { VFile } from "vfile";
import { formatDiagnostic, type Diagnostic } from "../diagnostics.js";
import { PagePictures } from "./page-pictures.js";
import type { PluginOptions } from "./plugin-options.js";
import { hydratedByReact, innerHtmlNode } from "./react-mdx.js";

export { PagePictures } from "./page-pictures.js";
export { STRATEGIES, type PluginOptions, type Strategy } from "./plugin-options.js";

export interface RemarkVstackOptions extends PluginOptions {
  /** One PagePictures for several processors (e.g. a site's MD and MDX pipelines); by default each plugin instance has its own. */
  pictures?: PagePictures;
}

/**
 * remark plugin: each ```vstack fence (an inline spec, `use:`, `table:`) becomes its picture at
 * build time, as hast (`data.hName`/`hChildren`), so remark-rehype and Astro take it with no
 * raw-HTML option; in a page MDX compiles for React (Docusaurus, Next), as a JSX element with
 * its HTML as `dangerouslySetInnerHTML`, which hydration does not compare (react-mdx.ts). A bad
 * fence fails the page: one message per problem on the file, at the fence's line and column,
 * with the code frame, and the first one thrown.
 */
export default function remarkVstack(this: unknown, options: RemarkVstackOptions = {}) {
  const pictures = options.pictures ?? new PagePictures(options);
  const react = hydratedByReact(this as Parameters<typeof hydratedByReact>[0]);
  return async (tree: Root, file: VFile): Promise<void> => {
    const text = String(file.value);
    if (!/^[ \t>]*(`{3,}|~{3,})[ \t]*(vstack|mermaid)\b/m.test(text)) return;
    const found = await pictures.page(file.path || "page.md", text);
    for (const w of found.warnings) message(file, w, false);
    if (found.errors.length > 0) {
      const messages = found.errors.map((d) => message(file, d, true));
      throw messages[0];
    }
    const byStart = new Map(found.pictures.map((p) => [p.start, p]));
    visit(tree, "code", (node: Code, index, parent) => {
      const picture = byStart.get(node.position?.start.offset ?? -1);
      if (!picture || !parent || index === undefined) return;
      // MDX takes the JSX node as it is (it passes MDX's node types through remark-rehype).
      parent.children[index] = react ? (innerHtmlNode(picture.html, node.position) as unknown as Paragraph) : hastNode(picture.html);
    });
  };
}

/** An mdast node that remark-rehype turns into exactly these HTML elements. */
function hastNode(html: string): Paragraph {
  const children = fromHtml(html, { fragment: true }).children.filter((c): c is ElementContent => c.type === "element" || (c.type === "text" && c.value.trim() !== ""));
  const only = children.length === 1 && children[0]!.type === "element" ? (children[0] as Element) : undefined;
  const top = only ?? { type: "element", tagName: "div", properties: { className: ["vstack"] }, children };
  return { type: "paragraph", children: [], data: { hName: top.tagName, hProperties: top.properties, hChildren: top.children } };
}

function message(file: VFile, d: Diagnostic, fatal: boolean) {
  const place = d.line === undefined ? undefined : { line: d.line, column: d.col ?? 1 };
  // The reason is the whole diagnostic, code frame included: site tools print the reason.
  const m = file.message(formatDiagnostic(d), { ...(place && { place }), ruleId: d.code, source: "vstack" });
  m.fatal = fatal;
  return m;
}
