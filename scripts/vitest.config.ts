import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/fuzz-seed.ts"],
    // Regen and new-provider tests spawn tools and run the whole pipeline; under turbo every
    // package tests at once on a 2-core CI machine, so give them room (no timing is asserted).
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
