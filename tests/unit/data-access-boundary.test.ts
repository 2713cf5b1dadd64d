// "No page, Server Action or route handler talks to Prisma directly": everything under app/
// and components/ reaches data through lib/server's use cases. ESLint says so while editing;
// this test makes it a failing build.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const FORBIDDEN = [
  /from\s+["'](@\/|(\.\.\/)+)lib\/server\/db["']/,
  /from\s+["'][^"']*generated\/prisma[^"']*["']/,
  /from\s+["']@prisma\/client[^"']*["']/,
  /from\s+["']@prisma\/adapter-pg["']/,
  /from\s+["']pg["']/,
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs)$/.test(name) ? [full] : [];
  });
}

/** Import specifiers of a file: `from "…"`, `import("…")`, `require("…")`, `import "…"`. */
function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((m) => m[1]!);
}

/** Every source file of the project outside tests/ (and outside what is generated or installed). */
function productionFiles(): string[] {
  const skip = new Set(["node_modules", "tests", ".next", ".data", ".git", "test-results", "playwright-report"]);
  return readdirSync(".").flatMap((name) => {
    if (skip.has(name)) return [];
    if (statSync(name).isDirectory()) return sourceFiles(name).filter((f) => !f.includes(`${path.sep}generated${path.sep}`));
    return /\.(ts|tsx|js|jsx|mjs|mts)$/.test(name) ? [name] : [];
  });
}

describe("data access boundary", () => {
  it("keeps the Prisma client and database drivers out of app/ and components/", () => {
    const offenders = ["app", "components"]
      .flatMap(sourceFiles)
      .filter((file) => FORBIDDEN.some((pattern) => pattern.test(readFileSync(file, "utf8"))));
    expect(offenders).toEqual([]);
  });

  it("puts `import \"server-only\"` first in every lib/server module", () => {
    const missing = sourceFiles("lib/server")
      .filter((file) => !file.includes(`${path.sep}generated${path.sep}`))
      .filter((file) => !readFileSync(file, "utf8").startsWith('import "server-only";'));
    expect(missing).toEqual([]);
  });

  // A production start runs the seed; it must not need the test tree (which need not be shipped).
  it("lets nothing outside tests/ import from tests/", () => {
    const tests = path.resolve("tests") + path.sep;
    const offenders = productionFiles().flatMap((file) =>
      importsOf(readFileSync(file, "utf8"))
        .map((spec) =>
          spec.startsWith("@/") ? path.resolve(spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(file), spec) : null,
        )
        .filter((target): target is string => target !== null && (target + path.sep).startsWith(tests))
        .map((target) => `${file} → ${path.relative(".", target)}`),
    );
    expect(offenders).toEqual([]);
  });
});
