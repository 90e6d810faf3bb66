// A Docusaurus 3 site that draws ```vstack fences with vstack's remark plugin, as a fresh
// `create-docusaurus` classic site would (the Rspack/SWC toolchain of `future.v4` included):
// docs inline, the blog as <picture> files, pages as one auto-theme <img> each.
import vstack from "vstack/remark";

const darkSelector = "[data-theme='dark']";

/** @type {import('@docusaurus/types').Config} */
export default {
  title: "vstack on Docusaurus",
  url: "https://example.org",
  baseUrl: "/",
  future: { v4: true },
  onBrokenLinks: "throw",
  plugins: ["vstack/docusaurus"], // copies the picture files into a first build
  presets: [
    [
      "classic",
      {
        docs: { sidebarPath: false, remarkPlugins: [[vstack, { darkSelector }]] },
        blog: { onUntruncatedBlogPosts: "ignore", remarkPlugins: [[vstack, { strategy: "picture" }]] },
        pages: { remarkPlugins: [[vstack, { strategy: "img" }]] },
      },
    ],
  ],
};
