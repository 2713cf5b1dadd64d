import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // Tests run server modules directly; `server-only` guards against client bundles.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/db.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
          // Runs after the unit project when both run in one `vitest run`.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
