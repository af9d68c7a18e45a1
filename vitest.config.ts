import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "domain", include: ["packages/domain/src/**/*.test.ts"] } },
      // The web's pure modules (form and precheck models, the autosave reducer): no DOM needed.
      { test: { name: "web", include: ["packages/web/src/**/*.test.ts"], environment: "node" } },
      { test: { name: "scripts", include: ["scripts/**/*.test.mjs"] } },
      {
        test: {
          name: "server",
          include: ["packages/server/src/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
