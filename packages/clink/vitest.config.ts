import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // Prism takes a few seconds to start, and a contract call longer than vitest's default 5 s,
    // on a busy CI machine (turbo tests every package at once; no timing is asserted).
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
