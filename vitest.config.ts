import os from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: a single worker on the 2-core CI
    // machine, where the server files (much of their time spent waiting on child processes,
    // PostgreSQL and the disk) then ran one after another. Each file builds its own database,
    // data folder and ports, so they may run side by side.
    maxWorkers: Math.max(2, os.availableParallelism()),
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
