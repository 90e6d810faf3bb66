/** `vstack/docusaurus` for `require()`: loaded by Node itself, whatever loads the caller (see remark.cts). */
import docusaurus = require("./docusaurus.js");

export = Object.assign(docusaurus.default, docusaurus);
