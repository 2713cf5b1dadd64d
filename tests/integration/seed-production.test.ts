import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { seed } from "@/prisma/seed/index";
import { DIVISIONS, PARTNERS } from "@/prisma/seed/organisation";

// Its own file, so its database is fresh: a production install gets the organisation only.
describe("seed without demo data (VARNA_ENV=production)", () => {
  it("lays down the organisation and public page but no accounts or demo records", async () => {
    expect(await seed(process.env.DATABASE_URL!, { demo: false })).toEqual({ seeded: true });
    expect(await db().division.count()).toBe(DIVISIONS.length);
    expect(await db().partner.count()).toBe(PARTNERS.length);
    expect(await db().publicContent.count({ where: { status: "PUBLISHED" } })).toBe(2);
    expect(await db().user.count()).toBe(0);
    expect(await db().situationEntry.count()).toBe(0);
    expect(await db().measure.count()).toBe(0);
  });
});
