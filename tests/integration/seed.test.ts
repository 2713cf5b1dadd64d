import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { DEMO_USERS, seed } from "@/prisma/seed/index";
import { DIVISIONS, RECOMMENDATIONS } from "@/prisma/seed/organisation";

async function counts() {
  const client = db();
  const [divisions, users, needs, measures, entries, partners, recommendations, publicContent] = await Promise.all([
    client.division.count(),
    client.user.count(),
    client.trainingNeed.count(),
    client.measure.count(),
    client.situationEntry.count(),
    client.partner.count(),
    client.recommendation.count(),
    client.publicContent.count(),
  ]);
  return { divisions, users, needs, measures, entries, partners, recommendations, publicContent };
}

describe("seed", () => {
  it("lays down Nyköping's organisation and demo data, and a second run changes nothing", async () => {
    const url = process.env.DATABASE_URL!;
    expect(await seed(url, { demo: true })).toEqual({ seeded: true });
    const first = await counts();
    expect(first.divisions).toBe(DIVISIONS.length);
    expect(first.recommendations).toBe(RECOMMENDATIONS.length);
    expect(first.users).toBe(DEMO_USERS.length);
    expect(first.needs).toBeGreaterThan(0);
    expect(first.measures).toBeGreaterThan(0);
    expect(first.entries).toBeGreaterThan(0);
    expect(first.publicContent).toBe(2);

    // A coordinator's edit survives a re-run: the seed creates what is missing, never overwrites.
    await db().division.update({ where: { code: "KOF" }, data: { name: "Kultur, turism och fritid" } });
    expect(await seed(url, { demo: true })).toEqual({ seeded: false });
    expect(await counts()).toEqual(first);
    expect((await db().division.findUniqueOrThrow({ where: { code: "KOF" } })).name).toBe("Kultur, turism och fritid");
  });

  it("gives every demo user the role and divisions it is listed with", async () => {
    await seed(process.env.DATABASE_URL!, { demo: true });
    for (const demo of DEMO_USERS) {
      const user = await db().user.findUniqueOrThrow({
        where: { email: demo.email },
        select: { role: true, divisions: { select: { division: { select: { code: true } } } } },
      });
      expect(user.role).toBe(demo.role);
      expect(user.divisions.map((d) => d.division.code).sort()).toEqual([...demo.divisions].sort());
    }
  });
});
