import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser tests launch real Chromium; on two cores a launch can take a few seconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Two test files at once on two cores: much of a browser test's time is waiting (a browser
    // starting, a CLI process, a site build), so two interleave well.
    maxWorkers: 2,
    reporters: ["default", "./test/support/summary-reporter.ts"],
    // `vitest run --project fast`: parsing, layout, goldens and the import graph, in seconds
    // (UPDATE_GOLDEN=1 to accept changed goldens). `--project browser`: real Chromium, real CLI
    // processes, real installs. `npm test` runs both.
    projects: [
      { extends: true, test: { name: "fast", include: ["test/unit/**/*.test.ts", "test/golden/**/*.test.ts"] } },
      { extends: true, test: { name: "browser", include: ["test/**/*.test.ts"], exclude: ["test/unit/**", "test/golden/**", "**/node_modules/**", "test/site-tools/**"], globalSetup: ["./test/support/global-setup.ts"] } },
    ],
  },
});
