import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // HTTP tests against loopback servers: under turbo every package tests at once on a 2-core CI
    // machine, where one took longer than vitest's default 5 s. Timing assertions have their own.
    testTimeout: 30_000,
  },
});
