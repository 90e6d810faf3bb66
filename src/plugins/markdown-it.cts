/** `vstack/markdown-it` for `require()`: loaded by Node itself, whatever loads the caller (see remark.cts). */
import markdownIt = require("./markdown-it.js");

export = Object.assign(markdownIt.default, markdownIt);
