#!/usr/bin/env node
// Runs the compiled CLI; `npm install` / `npm ci` builds dist/ (the "prepare" script).
// With VSTACK_DEBUG set, stack traces of the bundled CLI point into src/ (the bundle ships its
// source maps); off by default, since reading the maps costs every run start-up time.
if (process.env.VSTACK_DEBUG) process.setSourceMapsEnabled(true);
let main;
try {
  ({ main } = await import("../dist/bundle/vstack.mjs"));
} catch (err) {
  if (err && err.code === "ERR_MODULE_NOT_FOUND") {
    process.stderr.write("vstack: dist/ is missing; run `npm install` (or `npm run build`) in the vstack folder first\n");
    process.exit(1);
  }
  throw err;
}
process.exitCode = await main(process.argv.slice(2));
