// The monthly counts the database keeps beside the situation entries (SituationEntryMonthCount,
// decision 025): whatever happens to the entries — created, moved to another division, month,
// environment or district, a district deleted under them, status changed, deleted — the counts
// equal a GROUP BY over the entries, in the same transaction (a rolled-back change leaves no
// trace). And they sit behind the entries' own wall: the app role reads only the divisions whose
// entries it may read, and never writes them.
import { ownerDb } from "@/tests/setup/owner-db";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asApp as runAsApp, type AppSettings } from "@/tests/setup/as-app";
import { withViewer } from "@/lib/server/access/with-viewer";
import { scopes } from "@/lib/server/access/scope";
import { countEntries, countableFromMonths } from "@/lib/server/situation/entry-query";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import type { Viewer } from "@/lib/access/viewer";
import { createDistrict, createDivision, createSituationEntry, createUser } from "@/prisma/factories";

let client: pg.Client;
const ids = {} as { a: string; b: string; author: string; districtA: string; districtB: string };
const asApp = <T,>(settings: AppSettings, work: (q: pg.Client) => Promise<T>) => runAsApp(client, settings, work);

type Row = { divisionId: string; month: string; environment: string; districtKey: string; status: string; n: number };

/** The kept counts and the counts from the entries themselves, for this test's divisions. */
async function both() {
  const divisions = [ids.a, ids.b];
  const kept = await client.query<Row>(
    `SELECT "divisionId", to_char(month, 'YYYY-MM-DD') AS month, environment::text, "districtKey"::text, status::text, n
       FROM "SituationEntryMonthCount" WHERE "divisionId" = ANY($1::uuid[]) ORDER BY 1, 2, 3, 4, 5`,
    [divisions],
  );
  const counted = await client.query<Row>(
    `SELECT "divisionId", to_char(date_trunc('month', "observedOn"), 'YYYY-MM-DD') AS month, environment::text,
            coalesce("districtId", '00000000-0000-0000-0000-000000000000')::text AS "districtKey", status::text, count(*)::int AS n
       FROM "SituationEntry" WHERE "divisionId" = ANY($1::uuid[]) GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    [divisions],
  );
  return { kept: kept.rows, counted: counted.rows };
}

beforeAll(async () => {
  const x = ownerDb();
  ids.a = (await createDivision(x)).id;
  ids.b = (await createDivision(x)).id;
  ids.districtA = (await createDistrict(x)).id;
  ids.districtB = (await createDistrict(x)).id;
  ids.author = (await createUser(x, { role: "COORDINATOR" })).id;
  client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
});

describe("the monthly counts of situation entries", () => {
  it("equal the entries' own GROUP BY after every kind of change", async () => {
    const x = ownerDb();
    const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const e1 = await createSituationEntry(x, { divisionId: ids.a, createdById: ids.author, observedOn: at("2031-01-15"), districtId: ids.districtA });
    const e2 = await createSituationEntry(x, { divisionId: ids.a, createdById: ids.author, observedOn: at("2031-01-31"), districtId: ids.districtA });
    const e3 = await createSituationEntry(x, { divisionId: ids.b, createdById: ids.author, observedOn: at("2031-02-01"), environment: "ISLAMIST" });
    let { kept, counted } = await both();
    expect(kept).toEqual(counted);
    expect(kept.find((r) => r.divisionId === ids.a)).toMatchObject({ month: "2031-01-01", n: 2, status: "DRAFT" });

    // Moved: to another division, another month, environment, district; status changed.
    await x.situationEntry.update({ where: { id: e1.id }, data: { divisionId: ids.b } });
    await x.situationEntry.update({ where: { id: e2.id }, data: { observedOn: at("2031-03-01"), environment: "LEFT_WING", districtId: ids.districtB } });
    await x.situationEntry.update({ where: { id: e3.id }, data: { status: "SUBMITTED" } });
    ({ kept, counted } = await both());
    expect(kept).toEqual(counted);

    // A district deleted under its entries (ON DELETE SET NULL is an UPDATE of the entries too).
    await x.district.delete({ where: { id: ids.districtB } });
    ({ kept, counted } = await both());
    expect(kept).toEqual(counted);
    expect(kept.some((r) => r.districtKey === ids.districtB)).toBe(false);

    // An update that changes none of the counted columns leaves the counts alone.
    const before = await both();
    await x.situationEntry.update({ where: { id: e3.id }, data: { description: "Ny beskrivning av händelsen." } });
    expect((await both()).kept).toEqual(before.kept);

    // Deleted: the emptied cells go rather than stay as zeros.
    await x.situationEntry.deleteMany({ where: { id: { in: [e1.id, e2.id] } } });
    ({ kept, counted } = await both());
    expect(kept).toEqual(counted);
    expect(kept.every((r) => r.n > 0)).toBe(true);

    // A change rolled back leaves no count behind.
    await expect(
      x.$transaction(async (tx) => {
        await createSituationEntry(tx, { divisionId: ids.a, createdById: ids.author, observedOn: at("2031-05-05") });
        throw new Error("avbruten");
      }),
    ).rejects.toThrow("avbruten");
    ({ kept, counted } = await both());
    expect(kept).toEqual(counted);
    expect(kept.some((r) => r.month === "2031-05-01")).toBe(false);
  });

  it("are read under the entries' wall and never written by the app role", async () => {
    const x = ownerDb();
    await createSituationEntry(x, { divisionId: ids.a, createdById: ids.author, observedOn: new Date("2031-07-07T00:00:00Z") });
    await createSituationEntry(x, { divisionId: ids.b, createdById: ids.author, observedOn: new Date("2031-07-07T00:00:00Z") });
    const seen = (settings: AppSettings) =>
      asApp(settings, async (q) =>
        (await q.query<{ divisionId: string }>(`SELECT DISTINCT "divisionId"::text FROM "SituationEntryMonthCount" WHERE "divisionId" = ANY($1::uuid[])`, [[ids.a, ids.b]])).rows
          .map((r) => r.divisionId)
          .sort());
    expect(await seen({ role: "COORDINATOR", userId: ids.author })).toEqual([ids.a, ids.b].sort());
    expect(await seen({ role: "DIVISION_HEAD", divisionIds: [ids.a] })).toEqual([ids.a]);
    expect(await seen({ role: "NETWORK_MEMBER", divisionIds: [ids.b] })).toEqual([ids.b]);
    expect(await seen({ role: "OBSERVER" })).toEqual([]);
    expect(await seen({ role: "ADMIN" })).toEqual([]);
    expect(await seen(null)).toEqual([]);

    for (const sql of [
      `UPDATE "SituationEntryMonthCount" SET n = n + 100`,
      `DELETE FROM "SituationEntryMonthCount"`,
      `INSERT INTO "SituationEntryMonthCount" VALUES ('${ids.a}', '2031-01-01', 'RIGHT_WING', '00000000-0000-0000-0000-000000000000', 'DRAFT', 5)`,
    ]) {
      await expect(asApp({ role: "COORDINATOR", userId: ids.author }, (q) => q.query(sql)), sql).rejects.toThrow(/permission denied/);
    }
  });
});

describe("the list's count", () => {
  it("is the same from the monthly counts as from the entries, for every filter", async () => {
    const x = ownerDb();
    const district = (await createDistrict(x)).id;
    const own = (await createDivision(x)).id;
    const head = await createUser(x, { role: "DIVISION_HEAD", divisionIds: [own] });
    const viewer: Viewer = { id: head.id, name: head.name, email: head.email, role: "DIVISION_HEAD", divisionIds: [own] };
    const days = ["2032-01-01", "2032-01-31", "2032-02-14", "2032-02-29", "2032-03-01", "2032-12-31"];
    const environments = ["RIGHT_WING", "ISLAMIST"] as const;
    const statuses = ["DRAFT", "SUBMITTED", "REVIEWED"] as const;
    let i = 0;
    for (const day of days) {
      for (const environment of environments) {
        for (const divisionId of [own, ids.b]) {
          await createSituationEntry(x, {
            divisionId, createdById: ids.author, observedOn: new Date(`${day}T00:00:00Z`), environment,
            status: statuses[i % 3], districtId: i % 2 === 0 ? district : null, activityType: i % 4 === 0 ? "RECRUITMENT" : "PROPAGANDA",
          });
          i++;
        }
      }
    }
    const filters: { query: Record<string, string>; countable: boolean }[] = [
      { query: {}, countable: true },
      { query: { from: "2032-01-01", to: "2032-02-29" }, countable: true },
      { query: { from: "2032-02-01" }, countable: true },
      { query: { to: "2032-01-31", environment: "ISLAMIST" }, countable: true },
      { query: { status: "SUBMITTED", district }, countable: true },
      { query: { division: ids.b }, countable: true },
      { query: { from: "2032-01-15" }, countable: false },
      { query: { to: "2032-02-28" }, countable: false },
      { query: { activity: "RECRUITMENT" }, countable: false },
      { query: { q: "busshållplats" }, countable: false },
    ];
    for (const { query, countable } of filters) {
      const filter = situationFilterSchema.parse(query);
      expect(countableFromMonths(filter), JSON.stringify(query)).toBe(countable);
      const got = await withViewer(viewer, (tx) => countEntries(tx, scopes.situationEntry(viewer, "list"), filter));
      const conditions = [`"divisionId" = $1::uuid`];
      const values: unknown[] = [own];
      const add = (sql: string, value: unknown) => { values.push(value); conditions.push(sql.replace("?", `$${values.length}`)); };
      if (query.from) add(`"observedOn" >= ?::date`, query.from);
      if (query.to) add(`"observedOn" <= ?::date`, query.to);
      if (query.environment) add(`environment = ?::"ExtremistEnvironment"`, query.environment);
      if (query.status) add(`status = ?::"SituationEntryStatus"`, query.status);
      if (query.district) add(`"districtId" = ?::uuid`, query.district);
      if (query.division) add(`"divisionId" = ?::uuid`, query.division);
      if (query.activity) add(`"activityType" = ?::"ActivityType"`, query.activity);
      if (query.q) add(`search @@ websearch_to_tsquery('swedish', ?)`, query.q);
      const want = Number((await client.query(`SELECT count(*) FROM "SituationEntry" WHERE ${conditions.join(" AND ")}`, values)).rows[0].count);
      // The head sees only their own division (another division's filter finds nothing).
      expect(got, JSON.stringify(query)).toBe(want);
    }
  });
});
