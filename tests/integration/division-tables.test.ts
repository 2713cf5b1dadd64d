// Drift guard: every table that holds a division's records must be behind both walls. The
// list comes from the database catalog, not from a list kept by hand, so a new table with a
// division column fails here until it has row-level security, a scope builder in `scopes`
// and a row in the access-layer matrix (tests/fixtures/access-layer-models.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { scopes } from "@/lib/server/access/scope";
import { MODELS } from "@/tests/fixtures/access-layer-models";

/** Tables with a division column that are not a division's records, and why. No scope
 * builder or matrix row is asked of them; row-level security still is, unless `rls` says. */
const NOT_DIVISION_RECORDS: Record<string, { why: string; rls?: string }> = {
  DivisionMembership: {
    why: "who belongs to which division: what every scope is built from, read when a request starts (before a viewer exists); account data under the separation-of-duties policies of decision 010 (only a coordinator writes), not division scopes",
  },
  NetworkMembership: {
    why: "the VBE network's roster (who holds which responsibility): organisation data the whole network sees, as it sees the meetings (its policies mirror networkMeeting, decision 011)",
  },
  _TrainingEventDivisions: {
    why: "which divisions a training event is aimed at: plan data every reader of events sees (its policies mirror TrainingEvent: read by coordinator, division heads and network members, written by those who plan events), not a division's own record",
  },
  SituationEntryMonthCount: {
    why: "counts of situation entries kept by a trigger on SituationEntry (decision 025): derived, never written by the app; read through the entries' own scope (scopeSql(scopes.situationEntry(…))) and under a select policy that mirrors the entries'",
  },
  AuditEvent: {
    why: "`divisionId` tags an event; the trail is the coordinator's alone (authorize(…, \"auditEvent\", …) and the audit_select policy)",
  },
};

type Row = { table: string; rls: boolean; columns: string[] };
let tables: Row[] = [];

beforeAll(async () => {
  // A division column: named like one, or a foreign key to "Division".
  tables = await ownerDb().$queryRaw<Row[]>`
    SELECT c.relname AS "table", c.relrowsecurity AS rls, array_agg(a.attname::text ORDER BY a.attnum) AS columns
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE c.relkind IN ('r', 'p')
      AND (a.attname ILIKE '%divisionid'
           OR EXISTS (SELECT 1 FROM pg_constraint k
                      WHERE k.conrelid = c.oid AND k.contype = 'f'
                        AND k.confrelid = to_regclass('"Division"') AND a.attnum = ANY (k.conkey)))
    GROUP BY c.relname, c.relrowsecurity
    ORDER BY c.relname`;
});

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

describe("tables with a division column", () => {
  it("are found in the catalog (the query still works)", () => {
    expect(tables.map((t) => t.table)).toEqual(expect.arrayContaining(["SituationEntry", "Measure", "ActionItem"]));
    expect(tables.find((t) => t.table === "Measure")?.columns).toContain("ownerDivisionId");
  });

  it("all have row-level security enabled", () => {
    const missing = tables.filter((t) => !t.rls && !NOT_DIVISION_RECORDS[t.table]?.rls).map((t) => t.table);
    expect(missing, "ALTER TABLE … ENABLE ROW LEVEL SECURITY and a policy in a migration").toEqual([]);
  });

  it("all have a scope builder in `scopes`", () => {
    const missing = tables.filter((t) => !NOT_DIVISION_RECORDS[t.table] && !(lowerFirst(t.table) in scopes)).map((t) => t.table);
    expect(missing, "a builder in lib/server/access/scope.ts").toEqual([]);
  });

  it("are all covered by the access-layer matrix", () => {
    const missing = tables.filter((t) => !NOT_DIVISION_RECORDS[t.table] && !(lowerFirst(t.table) in MODELS)).map((t) => t.table);
    expect(missing, "a model in tests/fixtures/access-layer-models.ts").toEqual([]);
  });

  it("lists as exceptions only tables that exist and have a division column", () => {
    const names = tables.map((t) => t.table);
    for (const table of Object.keys(NOT_DIVISION_RECORDS)) expect(names, table).toContain(table);
  });
});
