/**
 * `vstack/remark` for `require()`. Docusaurus 3 loads its config through jiti 1, which turns
 * `import vstack from "vstack/remark"` into `require()` and runs every ES module it reaches
 * through its own transform, which some dependencies do not survive (a top-level await, a
 * package whose `default` is not its namespace). A CommonJS file is loaded by Node itself, and
 * Node (20.19 and later) requires the ES module natively, dependencies and all.
 */
import remark = require("./remark.js");

export = Object.assign(remark.default, remark);
