import "server-only";
import { Prisma } from "@/lib/server/generated/prisma/client";
import type { DbTx } from "@/lib/server/db";
import { divisionScopeSql } from "@/lib/server/access/scope-sql";
import type { TrainingLevel } from "@/lib/server/generated/prisma/enums";
import {
  compareCoverageRows, compareOthers, coverageRatio,
  type CoverageTable, type NeedCoverage, type NeedFigure,
} from "@/lib/training/coverage";

// Coverage of a plan year in the database (issue 13): the same rules as computeCoverage
// (lib/training/coverage.ts, the pure reference the tests hold these queries to), summed and
// shared out by PostgreSQL so only the table's cells — and one page of needs — reach Node,
// whatever the number of needs. Always inside withViewer, with the viewer's scope builders'
// `where` translated into each query (divisionScopeSql): row-level security is the second wall.

/** What a query is limited to: the viewer's scopes for needs and attendance, the year, its plan. */
export type CoverageQuery = {
  needScope: Prisma.TrainingNeedWhereInput;
  attendanceScope: Prisma.TrainingAttendanceWhereInput;
  year: number;
  planId: string | null;
};

/** The year's needs as `n`: not cancelled, within the scope, wanted by a date in the year or
 * linked to one of the plan's events (the definition coverage has always used). */
function yearNeeds(q: CoverageQuery): Prisma.Sql {
  const linked = q.planId
    ? Prisma.sql`EXISTS (SELECT 1 FROM "_TrainingEventNeeds" x JOIN "TrainingEvent" ev ON ev.id = x."A"
                          WHERE x."B" = n.id AND ev."competencePlanId" = ${q.planId}::uuid)`
    : Prisma.sql`FALSE`;
  return Prisma.sql`${divisionScopeSql(q.needScope, Prisma.sql`n."divisionId"`)}
    AND n.status <> 'CANCELLED'
    AND ((n."wantedBy" >= ${`${q.year}-01-01`}::date AND n."wantedBy" < ${`${q.year + 1}-01-01`}::date) OR ${linked})`;
}

const ATTENDANCE = Prisma.sql`"TrainingAttendance" a JOIN "TrainingEvent" e ON e.id = a."eventId"`;

/** The plan's attendance (`a`, its event `e`): within the scope, events not cancelled. */
function planAttendance(q: CoverageQuery): Prisma.Sql {
  return Prisma.sql`${divisionScopeSql(q.attendanceScope, Prisma.sql`a."divisionId"`)}
    AND e."competencePlanId" = ${q.planId}::uuid AND e.status <> 'CANCELLED'`;
}

/** Staff trained per division, level and staff category (a staff row without category counts nowhere). */
function staffTrained(q: CoverageQuery): Prisma.Sql {
  return Prisma.sql`SELECT a."divisionId" AS d, e.level AS l, a."staffCategoryId" AS c, sum(a.attended)::bigint AS trained
      FROM ${ATTENDANCE}
     WHERE ${planAttendance(q)} AND a."group" = 'STAFF' AND a."staffCategoryId" IS NOT NULL
     GROUP BY 1, 2, 3`;
}

type TableRow = {
  kind: "cell" | "total" | "others";
  divisionId: string;
  division: string;
  level: TrainingLevel | null;
  staffCategoryId: string | null;
  staffCategory: string | null;
  identified: bigint | null;
  trained: bigint | null;
  needs: bigint | null;
  managers: bigint | null;
  electedOfficials: bigint | null;
};

/**
 * The coverage table (rows per division × level × staff category, totals per division × level,
 * managers and elected officials per division) and how many needs it counts — one statement,
 * O(cells) rows back.
 */
export async function coverageTable(tx: DbTx, q: CoverageQuery): Promise<CoverageTable & { needCount: number }> {
  const rows = await tx.$queryRaw<TableRow[]>`
    WITH identified AS (
      SELECT n."divisionId" AS d, n.level AS l, n."staffCategoryId" AS c, sum(n.headcount)::bigint AS identified, count(*)::bigint AS needs
        FROM "TrainingNeed" n
       WHERE ${yearNeeds(q)}
       GROUP BY 1, 2, 3
    ), staff AS (${staffTrained(q)}
    ), cells AS (
      SELECT coalesce(i.d, s.d) AS d, coalesce(i.l, s.l) AS l, coalesce(i.c, s.c) AS c,
             coalesce(i.identified, 0) AS identified, coalesce(s.trained, 0) AS trained, coalesce(i.needs, 0) AS needs
        FROM identified i FULL JOIN staff s ON s.d = i.d AND s.l = i.l AND s.c = i.c
    )
    SELECT 'cell' AS kind, c.d::text AS "divisionId", dv.name AS division, c.l::text AS level, c.c::text AS "staffCategoryId", sc.name AS "staffCategory",
           c.identified, c.trained, c.needs, NULL::bigint AS managers, NULL::bigint AS "electedOfficials"
      FROM cells c JOIN "Division" dv ON dv.id = c.d JOIN "StaffCategory" sc ON sc.id = c.c
    UNION ALL
    SELECT 'total', c.d::text, dv.name, c.l::text, NULL, NULL, sum(c.identified)::bigint, sum(c.trained)::bigint, sum(c.needs)::bigint, NULL, NULL
      FROM cells c JOIN "Division" dv ON dv.id = c.d
     GROUP BY c.d, dv.name, c.l
    UNION ALL
    SELECT 'others', a."divisionId"::text, dv.name, NULL, NULL, NULL, NULL, NULL, NULL,
           coalesce(sum(a.attended) FILTER (WHERE a."group" = 'MANAGERS'), 0)::bigint,
           coalesce(sum(a.attended) FILTER (WHERE a."group" = 'ELECTED_OFFICIALS'), 0)::bigint
      FROM ${ATTENDANCE} JOIN "Division" dv ON dv.id = a."divisionId"
     WHERE ${planAttendance(q)} AND a."group" <> 'STAFF'
     GROUP BY a."divisionId", dv.name`;
  const n = (v: bigint | null) => Number(v ?? 0);
  const figures = (r: TableRow) => ({
    divisionId: r.divisionId, division: r.division, level: r.level!, identified: n(r.identified), trained: n(r.trained),
    ratio: coverageRatio(n(r.trained), n(r.identified)),
  });
  const cells = rows.filter((r) => r.kind === "cell");
  return {
    rows: cells
      .map((r) => {
        const { ratio, ...rest } = figures(r);
        return { ...rest, staffCategoryId: r.staffCategoryId!, staffCategory: r.staffCategory!, ratio };
      })
      .sort(compareCoverageRows),
    totals: rows.filter((r) => r.kind === "total").map(figures).sort(compareCoverageRows),
    others: rows
      .filter((r) => r.kind === "others")
      .map((r) => ({ divisionId: r.divisionId, division: r.division, managers: n(r.managers), electedOfficials: n(r.electedOfficials) }))
      .sort(compareOthers),
    needCount: cells.reduce((sum, r) => sum + n(r.needs), 0),
  };
}

export type NeedWithCoverage = NeedFigure & NeedCoverage;

type NeedRow = NeedFigure & { trained: bigint };

/**
 * One window of the year's needs (division and level in the municipality's order, then staff
 * category, then the order attendance is shared out in), each with its share of its cell's
 * trained staff: within a cell the needs take, by wanted-by date, then creation, then id, what
 * is left after the needs before them (the head-count summed over the window before the row);
 * the cell's last need takes whatever is left. Only the window's rows come back.
 */
export async function needsWithCoverage(tx: DbTx, q: CoverageQuery, window: { skip: number; take: number }): Promise<NeedWithCoverage[]> {
  const rows = await tx.$queryRaw<NeedRow[]>`
    WITH needs AS (
      SELECT n.id, n."divisionId" AS d, n.level AS l, n."staffCategoryId" AS c, n.headcount, n."wantedBy", n."createdAt",
             sum(n.headcount) OVER (cell ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - n.headcount AS before,
             row_number() OVER cell = count(*) OVER (PARTITION BY n."divisionId", n.level, n."staffCategoryId") AS last
        FROM "TrainingNeed" n
       WHERE ${yearNeeds(q)}
      WINDOW cell AS (PARTITION BY n."divisionId", n.level, n."staffCategoryId" ORDER BY n."wantedBy", n."createdAt", n.id)
    ), staff AS (${staffTrained(q)}
    )
    SELECT nd.id::text AS id, nd.d::text AS "divisionId", dv.name AS division, nd.c::text AS "staffCategoryId", sc.name AS "staffCategory",
           nd.l::text AS level, nd.headcount, nd."wantedBy", nd."createdAt",
           CASE WHEN nd.last THEN greatest(coalesce(s.trained, 0) - nd.before, 0)
                ELSE least(greatest(coalesce(s.trained, 0) - nd.before, 0), nd.headcount) END::bigint AS trained
      FROM needs nd
      JOIN "Division" dv ON dv.id = nd.d
      JOIN "StaffCategory" sc ON sc.id = nd.c
      LEFT JOIN staff s ON s.d = nd.d AND s.l = nd.l AND s.c = nd.c
     ORDER BY dv."sortOrder", dv.name, nd.l, sc."sortOrder", sc.name, nd."wantedBy", nd."createdAt", nd.id
     LIMIT ${window.take} OFFSET ${window.skip}`;
  return rows.map((r) => {
    const trained = Number(r.trained);
    return { ...r, trained, covered: trained >= r.headcount };
  });
}

/** What a list of needs is limited to: the viewer's scopes (attendance `null`: the viewer reads
 * none, so no need shows as met) and the list's filters, each of which keeps or drops whole cells. */
export type ShownNeedsQuery = {
  needScope: Prisma.TrainingNeedWhereInput;
  attendanceScope: Prisma.TrainingAttendanceWhereInput | null;
  divisionId?: string;
  staffCategoryId?: string;
  level?: TrainingLevel;
  /** Whether cancelled needs are read at all (only when the list asks for them). */
  withCancelled: boolean;
};

/**
 * The needs with the status the pages show (issue 10 point 4; decision 018: computed, never
 * stored, since attendance does not write needs), as the CTE `shown` (every column of
 * "TrainingNeed" as `n.*` plus `shown`) to select from:
 * - CANCELLED: withdrawn (the one status a need stores);
 * - MET ("Tillgodosett"): "Täckt" on /kompetensplan in a plan year the need belongs to — its
 *   share of its cell's trained staff (division, level, staff category; attendance at the plan's
 *   events that are not cancelled, shared out by wanted-by date, creation, id over the year's
 *   needs, exactly as `needsWithCoverage`) reaches its head-count. A need belongs to the plan of
 *   its wanted-by year and to the plan of every event it is linked to;
 * - PLANNED ("Planerat"): else, linked to a planned (not yet held, not cancelled) event of a plan;
 * - REGISTERED: else.
 * One statement's worth of SQL, whatever the number of needs.
 */
export function shownNeedsSql(q: ShownNeedsQuery): Prisma.Sql {
  const filters = Prisma.sql`${q.divisionId ? Prisma.sql`AND n."divisionId" = ${q.divisionId}::uuid` : Prisma.empty}
    ${q.staffCategoryId ? Prisma.sql`AND n."staffCategoryId" = ${q.staffCategoryId}::uuid` : Prisma.empty}
    ${q.level ? Prisma.sql`AND n.level = ${q.level}::"TrainingLevel"` : Prisma.empty}`;
  const attendanceFilters = Prisma.sql`${q.divisionId ? Prisma.sql`AND a."divisionId" = ${q.divisionId}::uuid` : Prisma.empty}
    ${q.staffCategoryId ? Prisma.sql`AND a."staffCategoryId" = ${q.staffCategoryId}::uuid` : Prisma.empty}
    ${q.level ? Prisma.sql`AND e.level = ${q.level}::"TrainingLevel"` : Prisma.empty}`;
  return Prisma.sql`base AS (
      SELECT n.* FROM "TrainingNeed" n
       WHERE ${divisionScopeSql(q.needScope, Prisma.sql`n."divisionId"`)} ${filters}
         ${q.withCancelled ? Prisma.empty : Prisma.sql`AND n.status <> 'CANCELLED'`}
    ), member AS (
      SELECT b.id, p.id AS plan
        FROM base b JOIN "CompetencePlan" p ON b."wantedBy" >= make_date(p.year, 1, 1) AND b."wantedBy" < make_date(p.year + 1, 1, 1)
       WHERE b.status <> 'CANCELLED'
      UNION
      SELECT b.id, ev."competencePlanId"
        FROM base b JOIN "_TrainingEventNeeds" x ON x."B" = b.id JOIN "TrainingEvent" ev ON ev.id = x."A"
       WHERE b.status <> 'CANCELLED' AND ev."competencePlanId" IS NOT NULL
    ), ranked AS (
      SELECT m.id, m.plan, b."divisionId" AS d, b.level AS l, b."staffCategoryId" AS c, b.headcount,
             sum(b.headcount) OVER (PARTITION BY m.plan, b."divisionId", b.level, b."staffCategoryId"
                                    ORDER BY b."wantedBy", b."createdAt", b.id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) - b.headcount AS before
        FROM member m JOIN base b ON b.id = m.id
    ), trained AS (
      SELECT e."competencePlanId" AS plan, a."divisionId" AS d, e.level AS l, a."staffCategoryId" AS c, sum(a.attended)::bigint AS trained
        FROM ${ATTENDANCE}
       WHERE ${q.attendanceScope ? divisionScopeSql(q.attendanceScope, Prisma.sql`a."divisionId"`) : Prisma.sql`FALSE`} ${attendanceFilters}
         AND e.status <> 'CANCELLED' AND e."competencePlanId" IN (SELECT plan FROM member)
         AND a."group" = 'STAFF' AND a."staffCategoryId" IS NOT NULL
       GROUP BY 1, 2, 3, 4
    ), met AS (
      SELECT DISTINCT r.id FROM ranked r JOIN trained t ON t.plan = r.plan AND t.d = r.d AND t.l = r.l AND t.c = r.c
       WHERE greatest(t.trained - r.before, 0) >= r.headcount
    ), shown AS (
      SELECT b.*,
             CASE WHEN b.status = 'CANCELLED' THEN 'CANCELLED'
                  WHEN b.id IN (SELECT id FROM met) THEN 'MET'
                  WHEN EXISTS (SELECT 1 FROM "_TrainingEventNeeds" x JOIN "TrainingEvent" ev ON ev.id = x."A"
                                WHERE x."B" = b.id AND ev.status = 'PLANNED' AND ev."competencePlanId" IS NOT NULL) THEN 'PLANNED'
                  ELSE 'REGISTERED' END AS shown
        FROM base b
    )`;
}
