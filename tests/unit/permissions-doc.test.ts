import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderPermissionsDoc } from "@/lib/access/permissions-doc";

describe("docs/permissions.md", () => {
  it("matches the permission table in code (regenerate with npm run docs:permissions)", () => {
    expect(readFileSync("docs/permissions.md", "utf8")).toBe(renderPermissionsDoc());
  });
});
