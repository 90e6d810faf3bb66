import { fileURLToPath } from "node:url";
import vstack from "vstack/markdown-it";

// One line in the markdown config: every ```vstack fence becomes an inline SVG that follows
// VitePress's own dark-mode switch (the .dark class on <html>).
export default {
  title: "vstack on VitePress",
  markdown: {
    config: (md) => md.use(vstack, { cwd: fileURLToPath(new URL("../..", import.meta.url)), darkSelector: ".dark" }),
  },
};
