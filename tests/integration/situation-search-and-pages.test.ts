// The situation list at a size where shortcuts show (20,000 entries; at a few thousand a
// sequential scan is cheaper and PostgreSQL rightly takes it) (issue 8 point 2, issue 16 point 1):
//  - its full-text search is answered from the GIN index on the Swedish vector: the very
//    statements the list sends (captured from node-postgres) are EXPLAINed, not a restatement;
//  - its pages follow one another without gap or overlap;
//  - a deactivated district or division is gone from the choices for new records.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { listSituationEntries, SITUATION_PAGE_SIZE } from "@/lib/server/situation/list-entries";
import { listEntryOptions } from "@/lib/server/situation/list-entry-options";
import { needFormOptions } from "@/lib/server/training/list-needs";
import { setUnitActive } from "@/lib/server/organisation/set-unit-active";
import { createDistrict, createDivision, createUser } from "@/prisma/factories";

const ROWS = 20_000;
const MATCHES = ROWS / 1000; // entries that mention flyers
const WORDS = ["möte", "grupp", "samtal", "klotter", "dekal", "affisch", "forum", "chatt", "läger", "demonstration"];

let coordinator: Viewer;
let admin: Viewer;
const division = { a: "", b: "" };
let district = "";

/** Statements node-postgres sent while `run` ran, with their parameters. */
async function captured(run: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }[]> {
  const seen: { text: string; values: unknown[] }[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(this: pg.Client, ...args: unknown[]) {
    const [first, second] = args as [unknown, unknown];
    if (typeof first === "string") seen.push({ text: first, values: Array.isArray(second) ? second : [] });
    else if (first && typeof first === "object" && "text" in first) {
      const config = first as { text: string; values?: unknown[] };
      seen.push({ text: config.text, values: config.values ?? [] });
    }
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = query;
  }
  return seen;
}

beforeAll(async () => {
  const x = ownerDb();
  const c = await createUser(x, { role: "COORDINATOR" });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
  const a = await createUser(x, { role: "ADMIN" });
  admin = { id: a.id, role: "ADMIN", divisionIds: [], name: a.name, email: a.email };
  division.a = (await createDivision(x, { name: "Barn och utbildning" })).id;
  division.b = (await createDivision(x, { name: "Kultur och fritid" })).id;
  district = (await createDistrict(x, { name: "Brandholmen" })).id;
  const start = Date.UTC(2030, 0, 1);
  await x.situationEntry.createMany({
    data: Array.from({ length: ROWS }, (_, i) => ({
      divisionId: i % 2 === 0 ? division.a : division.b,
      districtId: i % 3 === 0 ? district : null,
      observedOn: new Date(start + (i % 700) * 86_400_000),
      createdById: c.id,
      environment: (["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const)[i % 4]!,
      activityType: "PROPAGANDA",
      source: "SCHOOL",
      reliability: "PROBABLE",
      genderPerspective: "Mest pojkar i gruppen.",
      // One entry in a thousand mentions flyers ("flygblad"); the rest other everyday words.
      description: i % 1000 === 7 ? `Flygblad delades ut vid skolan (${i}).` : `Notering ${i}: ${WORDS[i % WORDS.length]} och ${WORDS[(i * 7) % WORDS.length]}.`,
      status: "SUBMITTED",
    })),
  });
  // What autovacuum does on a server (and the embedded engine's maintenance job, decision 026):
  // statistics for the planner, and the GIN index's pending list merged.
  await x.$executeRawUnsafe(`VACUUM (ANALYZE) "SituationEntry"`);
}, 120_000);

describe("the situation list at 20,000 entries", () => {
  it("answers a full-text search from the GIN index, with the statements the list itself sends", async () => {
    const filter = situationFilterSchema.parse({ q: "flygblad" });
    let page: Awaited<ReturnType<typeof listSituationEntries>> | undefined;
    const statements = (await captured(async () => {
      page = await listSituationEntries(coordinator, filter);
    })).filter((s) => s.text.includes("websearch_to_tsquery"));
    expect(page!.total).toBe(MATCHES);
    expect(page!.rows).toHaveLength(MATCHES);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      const plan = await ownerDb().$queryRawUnsafe<{ "QUERY PLAN": unknown }[]>(`EXPLAIN (FORMAT JSON) ${statement.text}`, ...statement.values);
      const text = JSON.stringify(plan[0]!["QUERY PLAN"]);
      expect(text, statement.text).toContain("SituationEntry_search_idx");
      const scans: string[] = [];
      const walk = (node: { "Node Type": string; "Relation Name"?: string; Plans?: unknown[] }) => {
        if (node["Relation Name"] === "SituationEntry") scans.push(node["Node Type"]);
        for (const child of node.Plans ?? []) walk(child as typeof node);
      };
      walk((plan[0]!["QUERY PLAN"] as [{ Plan: Parameters<typeof walk>[0] }])[0].Plan);
      expect(scans, statement.text).not.toContain("Seq Scan");
    }
  });

  it("pages through every entry in order, without gap or overlap", async () => {
    const first = await listSituationEntries(coordinator, situationFilterSchema.parse({}));
    const second = await listSituationEntries(coordinator, situationFilterSchema.parse({ page: "2" }));
    const last = await listSituationEntries(coordinator, situationFilterSchema.parse({ page: String(Math.ceil(ROWS / SITUATION_PAGE_SIZE)) }));
    expect(first).toMatchObject({ total: ROWS, page: 1, pages: Math.ceil(ROWS / SITUATION_PAGE_SIZE) });
    expect(second.page).toBe(2);
    expect(first.rows).toHaveLength(SITUATION_PAGE_SIZE);
    expect(second.rows).toHaveLength(SITUATION_PAGE_SIZE);
    expect(last.rows).toHaveLength(ROWS - SITUATION_PAGE_SIZE * (first.pages - 1));
    const ids = new Set([...first.rows, ...second.rows].map((r) => r.id));
    expect(ids.size).toBe(2 * SITUATION_PAGE_SIZE);
    // Newest first: page 2 starts where page 1 ended.
    expect(first.rows.at(-1)!.observedOn.getTime()).toBeGreaterThanOrEqual(second.rows[0]!.observedOn.getTime());
    // A page past the end shows the last page, as every list does.
    const beyond = await listSituationEntries(coordinator, situationFilterSchema.parse({ page: "9999" }));
    expect(beyond.page).toBe(first.pages);
    expect(beyond.rows.map((r) => r.id)).toEqual(last.rows.map((r) => r.id));
  });
});

describe("deactivated organisation units are gone from the choices for new records", () => {
  it("a district from the entry form, a division from the entry and need forms; their records stay", async () => {
    const before = await listEntryOptions(coordinator, "create");
    expect(before.districts.map((d) => d.id)).toContain(district);
    expect(before.divisions.map((d) => d.id)).toContain(division.b);
    expect((await needFormOptions(coordinator)).divisions.map((d) => d.id)).toContain(division.b);

    const version = async (model: "district" | "division", id: string) =>
      (await (ownerDb()[model] as unknown as { findUniqueOrThrow: (a: object) => Promise<{ version: number }> }).findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
    await setUnitActive(admin, { kind: "district", id: district, expectedVersion: await version("district", district), active: false });
    await setUnitActive(admin, { kind: "division", id: division.b, expectedVersion: await version("division", division.b), active: false });

    const after = await listEntryOptions(coordinator, "create");
    expect(after.districts.map((d) => d.id)).not.toContain(district);
    expect(after.divisions.map((d) => d.id)).not.toContain(division.b);
    expect(after.divisions.map((d) => d.id)).toContain(division.a);
    expect((await needFormOptions(coordinator)).divisions.map((d) => d.id)).not.toContain(division.b);
    // The history stays: the deactivated division's entries are still listed.
    expect((await listSituationEntries(coordinator, situationFilterSchema.parse({ division: division.b }))).total).toBe(ROWS / 2);
  });
});
