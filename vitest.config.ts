import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // A throwaway PostgreSQL cluster for the PostgreSQL store's tests (or DESIGNATIONS_TEST_DATABASE_URL).
    globalSetup: ["test/support/postgresCluster.ts"],
    // The JSON report lets .ci/run print the closing "N passed, N failed" line.
    reporters: ["default", ["json", { outputFile: "test-output/vitest.json" }]],
  },
});
