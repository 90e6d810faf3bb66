import type { Code, Nodes, Parents } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

/** A ```vstack or ```mermaid fence of a Markdown page, where it is and what it holds. */
export interface Fence {
  lang: "vstack" | "mermaid";
  /** The text between the fence lines, with the fence's own indentation taken off. */
  body: string;
  /** Offsets of the whole fence (opening line to closing line) in the page's text. */
  start: number;
  end: number;
  /** The 1-based line of the body's first line. */
  bodyLine: number;
  /** The column the fence starts at, less one: added to a column in the body to give its column in the page. */
  indent: number;
}

const LANGS = new Set(["vstack", "mermaid"]);

/**
 * The diagram fences of a page, found by a CommonMark parser (micromark, through mdast), so a
 * fence shown as an example inside a longer fence, or kept inside an HTML comment, is text and
 * not a diagram. Only fences at the top level or inside list items count: those are the places
 * a picture can stand instead of the fence (in a block quote it could not, without `> ` marks).
 */
export function findFences(text: string): Fence[] {
  // A page that opens no such fence anywhere (most pages of a docs folder) is not parsed at all.
  if (!/(?:`{3,}|~{3,})[ \t]*(?:vstack|mermaid)(?=\s|$)/.test(text)) return [];
  const fences: Fence[] = [];
  const visit = (node: Parents) => {
    for (const child of node.children as Nodes[]) {
      if (child.type === "code") {
        const fence = diagramFence(child, text);
        if (fence) fences.push(fence);
      } else if (child.type === "list" || child.type === "listItem") visit(child);
    }
  };
  visit(fromMarkdown(text));
  return fences;
}

function diagramFence(node: Code, text: string): Fence | undefined {
  const { start, end } = node.position ?? {};
  if (!node.lang || !LANGS.has(node.lang) || start?.offset === undefined || end?.offset === undefined) return undefined;
  // Indented code blocks have no language; a fence opens with ``` or ~~~.
  if (!/^(`{3,}|~{3,})/.test(text.slice(start.offset))) return undefined;
  return { lang: node.lang as Fence["lang"], body: node.value, start: start.offset, end: end.offset, bodyLine: start.line + 1, indent: start.column - 1 };
}
