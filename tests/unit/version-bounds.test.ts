// A version number beyond PostgreSQL's integer answered HTTP 500 from a Server Action (found by
// tests/e2e/zz-fuzz.spec.ts: markVerifiedAction with expectedVersion 99999999999). Every field
// of every schema in lib/schemas named like a version must refuse it (or, for a URL's filter, fall back to its default), so
// it never reaches the database; a new schema with an unbounded version fails here.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

const dir = path.resolve(__dirname, "../../lib/schemas");

describe("version fields in every schema", () => {
  it("refuse a number beyond the database's integer", async () => {
    const unbounded: string[] = [];
    let checked = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const shape = (value as { shape?: Record<string, z.ZodType> } | null)?.shape;
        if (!shape || typeof shape !== "object") continue;
        for (const [field, schema] of Object.entries(shape)) {
          if (!/version$/i.test(field) || typeof (schema as { safeParse?: unknown }).safeParse !== "function") continue;
          checked++;
          for (const tooBig of [99_999_999_999, "99999999999", 2_147_483_648]) {
            // Refused, or (a URL's filter) fallen back to its default: never passed on as it is.
            const parsed = schema.safeParse(tooBig);
            if (parsed.success && typeof parsed.data === "number" && parsed.data > 2_147_483_647) unbounded.push(`${file} ${name}.${field} accepts ${tooBig}`);
          }
        }
      }
    }
    expect(unbounded).toEqual([]);
    expect(checked).toBeGreaterThan(15);
  });
});
