import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // These tests pack tarballs and run npm and pnpm: minutes on a cold cache, not milliseconds.
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
