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
});
