// An Astro site whose Markdown pages draw ```vstack fences with vstack's remark plugin: one
// inline SVG per fence that follows the reader's colour scheme.
import { defineConfig } from "astro/config";
import vstack from "vstack/remark";

export default defineConfig({
  markdown: { remarkPlugins: [vstack] },
});
