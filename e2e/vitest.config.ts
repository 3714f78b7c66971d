import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // These tests pack tarballs, run npm and pnpm, publish to a local registry and download the
    // runtimes: minutes on a cold cache or a busy machine (a dry-run publish of the four packages
    // took 326 s on a 2-core machine at load average 15), not milliseconds.
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
