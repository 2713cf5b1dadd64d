import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "lib/server/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    // Pages, layouts, actions, route handlers and components reach data only through the
    // access layer in lib/server, never through the Prisma client.
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/server/db", "**/lib/server/db"], message: "Gå via åtkomstlagret (lib/server/<domän>), inte Prisma-klienten." },
            { group: ["@/lib/server/generated/**", "**/generated/prisma/**", "@prisma/client", "@prisma/client/**"], message: "Prisma används bara i lib/server." },
          ],
        },
      ],
    },
  },

  {
    // A scope and a filter are combined with within(scope, filter): spreading a scope lets a
    // filter key equal to a scope key (e.g. divisionId) replace it.
    files: ["lib/**", "tests/**", "scripts/**", "prisma/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "SpreadElement > CallExpression[callee.object.name='scopes']",
          message: "Kombinera scope och filter med within(scope, filter), aldrig med spread.",
        },
      ],
    },
  },
  {
    files: ["next.config.js", "scripts/**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Playwright fixtures take a parameter named `use`; it is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
