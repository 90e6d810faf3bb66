import type { Code } from "mdast";

/**
 * Pictures in pages that React hydrates (Docusaurus, Next.js with MDX). React compares the
 * server's HTML with its own render, child by child; a site's HTML minifier rewrites an inline
 * SVG's <style> text and merges its adjacent <style> elements (Docusaurus' swc minifier does
 * both), so a picture given to React as elements fails hydration (React error #418) and is drawn
 * again on the client. Given as `dangerouslySetInnerHTML`, its markup is React's to place, not
 * to compare.
 */

/** The unified processor a remark plugin runs in, as far as this module reads it. */
interface ProcessorLike {
  attachers?: ReadonlyArray<readonly unknown[]>;
}

/**
 * Whether the page is compiled to JSX for React (or Preact) by MDX: its remark-rehype passes
 * MDX's JSX nodes through, and its JSX import source is React's (MDX's default). Astro's MDX
 * renders on the server only (`jsxImportSource: "astro"`), so it takes plain elements.
 */
export function hydratedByReact(processor: ProcessorLike | undefined): boolean {
  let mdx = false;
  let source: unknown;
  for (const [, options] of processor?.attachers ?? []) {
    if (!options || typeof options !== "object") continue;
    const { passThrough, jsxImportSource } = options as { passThrough?: unknown; jsxImportSource?: unknown };
    if (Array.isArray(passThrough) && passThrough.includes("mdxJsxFlowElement")) mdx = true;
    if (jsxImportSource !== undefined) source = jsxImportSource;
  }
  return mdx && (source === undefined || source === "react" || source === "preact");
}

/** An MDX JSX node that renders `<div class="vstack-fence">` holding `html` as it is. */
export function innerHtmlNode(html: string, position: Code["position"]) {
  const value = { type: "ObjectExpression", properties: [{ type: "Property", kind: "init", method: false, shorthand: false, computed: false, key: { type: "Identifier", name: "__html" }, value: { type: "Literal", value: html } }] };
  return {
    type: "mdxJsxFlowElement" as const,
    name: "div",
    attributes: [
      { type: "mdxJsxAttribute", name: "className", value: "vstack-fence" },
      {
        type: "mdxJsxAttribute",
        name: "dangerouslySetInnerHTML",
        // MDX compiles attribute expressions from their estree; the text is for tools that print MDX.
        value: { type: "mdxJsxAttributeValueExpression", value: `{__html: ${JSON.stringify(html)}}`, data: { estree: { type: "Program", sourceType: "module", body: [{ type: "ExpressionStatement", expression: value }] } } },
      },
    ],
    children: [],
    ...(position && { position }),
  };
}
