import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { seed } from "@/prisma/seed/index";
import { DIVISIONS, PARTNERS } from "@/prisma/seed/organisation";

// Its own file, so its database is fresh: a production install gets the organisation only.
describe("seed without demo data (VARNA_ENV=production)", () => {
  it("lays down the organisation and public page but no accounts or demo records", async () => {
    expect(await seed(process.env.DATABASE_OWNER_URL!, { demo: false })).toEqual({ seeded: true });
    expect(await ownerDb().division.count()).toBe(DIVISIONS.length);
    expect(await ownerDb().partner.count()).toBe(PARTNERS.length);
    expect(await ownerDb().publicContent.count({ where: { status: "PUBLISHED" } })).toBe(2);
    expect(await ownerDb().user.count()).toBe(0);
    expect(await ownerDb().situationEntry.count()).toBe(0);
    expect(await ownerDb().measure.count()).toBe(0);
  });
});
