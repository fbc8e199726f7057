import { defineConfig } from "vitest/config";

// End-to-end tests: headless Chromium (playwright-core) against the built dist/. Run after `npm run build`.
export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    // One browser at a time: CI has 2 cores.
    fileParallelism: false,
  },
});
