import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { DEMO_USERS, seed } from "@/prisma/seed/index";
import { DIVISIONS, RECOMMENDATIONS } from "@/prisma/seed/organisation";
import { daysFromNow } from "@/prisma/factories";
import { getDashboard } from "@/lib/server/dashboard/get-dashboard";
import { getAggregatedCoverage } from "@/lib/server/training/get-approved-plan";

async function counts() {
  const client = ownerDb();
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
    const url = process.env.DATABASE_OWNER_URL!;
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
    await ownerDb().division.update({ where: { code: "KOF" }, data: { name: "Kultur, turism och fritid" } });
    expect(await seed(url, { demo: true })).toEqual({ seeded: false });
    expect(await counts()).toEqual(first);
    expect((await ownerDb().division.findUniqueOrThrow({ where: { code: "KOF" } })).name).toBe("Kultur, turism och fritid");
  });

  it("gives every demo user the role and divisions it is listed with", async () => {
    await seed(process.env.DATABASE_OWNER_URL!, { demo: true });
    for (const demo of DEMO_USERS) {
      const user = await ownerDb().user.findUniqueOrThrow({
        where: { email: demo.email },
        select: { role: true, divisions: { select: { division: { select: { code: true } } } } },
      });
      expect(user.role).toBe(demo.role);
      expect(user.divisions.map((d) => d.division.code).sort()).toEqual([...demo.divisions].sort());
    }
  });

  it("gives the demo dashboard training coverage in the seed date's year", async () => {
    await seed(process.env.DATABASE_OWNER_URL!, { demo: true });
    const today = daysFromNow(0);
    const coordinator = await ownerDb().user.findUniqueOrThrow({ where: { email: "samordnare@nykoping.example" }, select: { id: true } });
    const d = await getDashboard({ id: coordinator.id, role: "COORDINATOR", divisionIds: [], name: "Sara", email: "samordnare@nykoping.example" }, today);
    // Needs wanted by this year: BUK 180 + 95 + 8, DSO 12, KOF 24 + 6; attended at the two
    // events held this year: BUK 36 + 5, DSO 9, KOF 18 (the third event is still to come).
    const codes = new Map((await ownerDb().division.findMany({ select: { id: true, code: true } })).map((x) => [x.id, x.code]));
    const byCode = Object.fromEntries(d.training!.rows.filter((r) => r.needed !== 0 || r.attended !== 0).map((r) => [codes.get(r.id), [r.needed, r.attended]]));
    expect(byCode).toEqual({ BUK: [283, 41], DSO: [12, 9], KOF: [30, 18] });
    // The year's plan has its coverage per division and level too.
    const coverage = await getAggregatedCoverage({ id: coordinator.id, role: "COORDINATOR", divisionIds: [], name: "Sara", email: "samordnare@nykoping.example" }, today.getUTCFullYear());
    expect(coverage.total).toEqual({ identified: 325, trained: 68 });
    // The plan is approved, so an observer reads it and its coverage — small figures hidden:
    // Social omsorg's basic level (0) gives away its total and the basic level's, and so the
    // grand total of identified staff; 68 trained stay (the hidden ones together are 27).
    const observer = await ownerDb().user.findFirstOrThrow({ where: { role: "OBSERVER" }, select: { id: true } });
    const seen = await getAggregatedCoverage({ id: observer.id, role: "OBSERVER", divisionIds: [], name: "Göran", email: "o@test.example" }, today.getUTCFullYear());
    expect(seen.total).toEqual({ identified: "derived", trained: 68 });
    expect(seen.rows.map((r) => [codes.get(r.divisionId), r.levels.map((l) => [l.identified, l.trained]), [r.total.identified, r.total.trained]])).toEqual([
      ["BUK", [[275, 36], [8, 5]], [283, 41]],
      ["DSO", [["small", "small"], [12, 9]], ["derived", "derived"]],
      ["KOF", [[24, 18], [6, "small"]], [30, "derived"]],
    ]);
    expect(seen.levelTotals).toEqual([{ identified: "derived", trained: "derived" }, { identified: 26, trained: "derived" }]);
  });
});
