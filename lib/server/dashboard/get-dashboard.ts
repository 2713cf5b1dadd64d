import "server-only";
import type { FollowUpStatus, MeasureStatus, PreventionLevel, ExtremistEnvironment } from "@/lib/server/generated/prisma/enums";
import { may } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { authorize } from "@/lib/server/access/authorize";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { DbTx } from "@/lib/server/db";
import { scopeSql } from "@/lib/server/situation/entry-query";
import { followUpOverdueWhere } from "@/lib/server/follow-up/rules";
import { OPEN_ACTION_STATUSES, overdueFilter } from "@/lib/network/overdue";
import { suppressList, suppressTable, suppressTableWithList, type CountTable, type Shown, type Suppressed } from "@/lib/aggregates/suppression";
import { lastTwelveMonths, type Month } from "@/lib/dashboard/window";

// The dashboards (issue 13): one use case, three views of it. The coordinator sees every
// division; a division head or network member the same figures limited to their own divisions
// (scope builders + row-level security); an observer grouped counts only, from the database
// function varna_dashboard_figures (small counts NULL there; follow-ups and action items too,
// as counts) with the secondary suppression of lib/aggregates/suppression.ts on top. Every figure is counted by GROUP BY in the database, in
// a fixed number of statements whatever the data size (tests/integration/query-count.test.ts).

export const ENVIRONMENTS = ["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"] as const satisfies readonly ExtremistEnvironment[];
export const LEVELS = ["GENERAL", "SPECIFIC", "INDIVIDUAL"] as const satisfies readonly PreventionLevel[];
export const MEASURE_STATUSES = ["PLANNED", "ONGOING", "PAUSED", "COMPLETED", "CANCELLED"] as const satisfies readonly MeasureStatus[];
export const FOLLOW_UP_STATUSES = ["NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "REVIEWED"] as const satisfies readonly FollowUpStatus[];

type Named = { id: string; name: string };
type FollowUpFigures = { byStatus: Record<FollowUpStatus, Shown>; total: Shown; overdue: Shown };

export type Dashboard = {
  /** `aggregates`: an observer's counts only — no single record, small counts suppressed. */
  view: "full" | "aggregates";
  /** The suppression threshold an observer's figures follow (null: nothing is suppressed). */
  threshold: number | null;
  window: { from: string; to: string; months: Month[] };
  /** Entries observed in the window, environment × month, with totals. */
  entries: CountTable<Shown> | null;
  /** The same entries by district (`id` null: the whole municipality), most first. */
  districts: { rows: { id: string | null; name: string | null; count: Shown }[]; total: Shown } | null;
  /** Entries sent in and waiting for the coordinator's review. */
  awaitingReview: number | null;
  latestReport: {
    id: string; title: string; periodStart: Date; periodEnd: Date; status: "DRAFT" | "FINAL";
    /** Sharing: how many times, last recipient and date (null for an observer: not theirs to see). */
    shares: number | null; lastRecipient: string | null; lastSharedOn: Date | null;
  } | null;
  /** Training this year per division: staff to train and staff who attended. */
  training: { rows: (Named & { needed: Shown; attended: Shown })[]; needed: Shown; attended: Shown } | null;
  /**
   * Follow-ups (every cycle) per division by status, with the overdue ones (past due, not sent
   * in), overdue first; `total` per division, `totals` over the divisions.
   */
  followUps: {
    rows: (Named & FollowUpFigures)[];
    totals: FollowUpFigures;
  } | null;
  /** Open and overdue network action items per division, overdue first (`id` null: network-wide). */
  actionItems: { rows: { id: string | null; name: string | null; open: Shown; overdue: Shown }[]; open: Shown; overdue: Shown } | null;
  /** Measures, level × status, with totals. */
  measures: CountTable<Shown> | null;
};

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

function table(cells: number[][]): CountTable<Shown> {
  const rowTotals = cells.map(sum);
  const columnTotals = (cells[0] ?? []).map((_, c) => sum(cells.map((row) => row[c] ?? 0)));
  return { cells, rowTotals, columnTotals, total: sum(rowTotals) };
}

/** The dashboard of the viewer's role, for the twelve months up to `today` (a UTC-midnight date). */
export async function getDashboard(viewer: Viewer, today: Date): Promise<Dashboard> {
  authorize(viewer, "aggregates", "read");
  const window = lastTwelveMonths(today);
  // A viewer who may not list measures gets counts only (the observer), as on the start page.
  if (!may(viewer.role, "measure", "list")) return aggregatesDashboard(viewer, today, window);
  return withViewer(viewer, (tx) => fullDashboard(tx, viewer, today, window));
}

async function fullDashboard(tx: DbTx, viewer: Viewer, today: Date, window: Dashboard["window"]): Promise<Dashboard> {
  const from = new Date(`${window.from}T00:00:00Z`);
  const to = new Date(`${window.to}T00:00:00Z`);
  const own = viewer.role !== "COORDINATOR";
  // The divisions the rows are named by: the viewer's own for a division-bound viewer.
  const divisions = await tx.division.findMany({
    where: own ? { id: { in: [...viewer.divisionIds] } } : {},
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: { id: true, name: true, active: true },
  });
  const named = (id: string) => divisions.find((d) => d.id === id);
  // Rows for every active division (zeros included) and any inactive one with figures.
  const rowsFor = (ids: Iterable<string | null>) => {
    const seen = new Set([...ids].filter((id): id is string => id !== null));
    return divisions.filter((d) => d.active || seen.has(d.id));
  };

  let entries: Dashboard["entries"] = null;
  let districts: Dashboard["districts"] = null;
  let awaitingReview: number | null = null;
  if (may(viewer.role, "situationEntry", "list")) {
    const scope = scopes.situationEntry(viewer, "list");
    // Both groupings (environment × month, and district) and the entries waiting for review, from
    // the monthly counts the database keeps beside the entries (SituationEntryMonthCount,
    // decision 025): a few thousand rows at most, whatever the number of entries. The count
    // table is read under the same wall as the entries (its policy mirrors theirs).
    const grouped = await tx.$queryRaw<{ environment: string | null; month: string | null; district: string | null; byDistrict: boolean; awaiting: boolean; n: number }[]>`
      SELECT e.environment::text AS environment, to_char(e.month, 'YYYY-MM') AS month,
             NULLIF(e."districtKey", '00000000-0000-0000-0000-000000000000'::uuid)::text AS district,
             grouping(e."districtKey") = 0 AS "byDistrict", false AS awaiting, sum(e.n)::int AS n
        FROM "SituationEntryMonthCount" e
       WHERE ${scopeSql(scope)} AND e.month >= ${from}::date AND e.month <= ${to}::date
       GROUP BY GROUPING SETS ((e.environment, e.month), (e."districtKey"))
      UNION ALL
      SELECT NULL, NULL, NULL, false, true, coalesce(sum(e.n), 0)::int
        FROM "SituationEntryMonthCount" e
       WHERE ${scopeSql(scope)} AND e.status = 'SUBMITTED'`;
    const inWindow = grouped.filter((g) => !g.awaiting);
    const cells = ENVIRONMENTS.map((env) => window.months.map((m) =>
      inWindow.find((g) => !g.byDistrict && g.environment === env && g.month === m.key)?.n ?? 0));
    entries = table(cells);
    const districtRows = inWindow.filter((g) => g.byDistrict);
    const names = await tx.district.findMany({ where: { id: { in: districtRows.flatMap((g) => (g.district ? [g.district] : [])) } }, select: { id: true, name: true } });
    const rows = districtRows
      .map((g) => ({ id: g.district, name: names.find((n) => n.id === g.district)?.name ?? null, count: g.n as Shown }))
      .sort((a, b) => (b.count as number) - (a.count as number) || (a.name ?? "\uffff").localeCompare(b.name ?? "\uffff", "sv"));
    districts = { rows, total: sum(districtRows.map((g) => g.n)) };
    awaitingReview = grouped.find((g) => g.awaiting)?.n ?? 0;
  }

  let latestReport: Dashboard["latestReport"] = null;
  if (may(viewer.role, "situationReport", "list")) {
    const report = await tx.situationReport.findFirst({
      where: scopes.situationReport(viewer, "list"),
      orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
      select: {
        id: true, title: true, periodStart: true, periodEnd: true, status: true,
        _count: { select: { shares: true } },
        shares: { orderBy: [{ sharedOn: "desc" }, { createdAt: "desc" }], take: 1, select: { recipient: true, sharedOn: true } },
      },
    });
    latestReport = report && {
      id: report.id, title: report.title, periodStart: report.periodStart, periodEnd: report.periodEnd, status: report.status,
      shares: report._count.shares, lastRecipient: report.shares[0]?.recipient ?? null, lastSharedOn: report.shares[0]?.sharedOn ?? null,
    };
  }

  let training: Dashboard["training"] = null;
  if (may(viewer.role, "trainingNeed", "list") && may(viewer.role, "trainingAttendance", "list")) {
    const yearStart = new Date(Date.UTC(today.getUTCFullYear(), 0, 1));
    const yearNext = new Date(Date.UTC(today.getUTCFullYear() + 1, 0, 1));
    const needs = await tx.trainingNeed.groupBy({
      by: ["divisionId"], _sum: { headcount: true },
      where: within(scopes.trainingNeed(viewer, "list"), { wantedBy: { gte: yearStart, lt: yearNext }, status: { not: "CANCELLED" } }),
    });
    const attended = await tx.trainingAttendance.groupBy({
      by: ["divisionId"], _sum: { attended: true },
      where: within(scopes.trainingAttendance(viewer, "list"), { event: { startsAt: { gte: yearStart, lt: yearNext }, status: "HELD" } }),
    });
    const rows = rowsFor([...needs, ...attended].map((r) => r.divisionId)).map((d) => ({
      id: d.id, name: d.name,
      needed: needs.find((n) => n.divisionId === d.id)?._sum.headcount ?? 0,
      attended: attended.find((a) => a.divisionId === d.id)?._sum.attended ?? 0,
    }));
    training = { rows, needed: sum(rows.map((r) => r.needed)), attended: sum(rows.map((r) => r.attended)) };
  }

  let followUps: Dashboard["followUps"] = null;
  if (may(viewer.role, "followUp", "list")) {
    const scope = scopes.followUp(viewer, "list");
    const byStatus = await tx.followUp.groupBy({ by: ["divisionId", "status"], where: scope, _count: { _all: true } });
    const overdue = await tx.followUp.groupBy({ by: ["divisionId"], where: within(scope, followUpOverdueWhere(today)), _count: { _all: true } });
    const rows = rowsFor(byStatus.map((r) => r.divisionId)).map((d) => {
      const counts = FOLLOW_UP_STATUSES.map((s) => byStatus.find((r) => r.divisionId === d.id && r.status === s)?._count._all ?? 0);
      return {
        id: d.id, name: d.name,
        byStatus: Object.fromEntries(FOLLOW_UP_STATUSES.map((s, i) => [s, counts[i]!])) as Record<FollowUpStatus, number>,
        total: sum(counts),
        overdue: overdue.find((r) => r.divisionId === d.id)?._count._all ?? 0,
      };
    });
    const totals = {
      byStatus: Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, sum(byStatus.filter((r) => r.status === s).map((r) => r._count._all))])) as Record<FollowUpStatus, number>,
      total: sum(byStatus.map((r) => r._count._all)),
      overdue: sum(overdue.map((r) => r._count._all)),
    };
    followUps = { rows: rows.sort((a, b) => b.overdue - a.overdue), totals };
  }

  let actionItems: Dashboard["actionItems"] = null;
  if (may(viewer.role, "actionItem", "list")) {
    const scope = scopes.actionItem(viewer, "list");
    const open = await tx.actionItem.groupBy({ by: ["divisionId"], where: within(scope, { status: { in: [...OPEN_ACTION_STATUSES] } }), _count: { _all: true } });
    const overdue = await tx.actionItem.groupBy({ by: ["divisionId"], where: within(scope, overdueFilter(today)), _count: { _all: true } });
    const ids = new Set<string | null>([...open, ...overdue].map((r) => r.divisionId));
    const rows = [
      ...rowsFor(ids).map((d) => ({ id: d.id as string | null, name: d.name as string | null })),
      ...(ids.has(null) ? [{ id: null, name: null }] : []),
      // An item of a division the viewer is not a member of (a network meeting's) is named by
      // the division the item names, when the viewer may read it at all; else it stays out.
    ].filter((r) => r.id === null || named(r.id)).map((r) => ({
      ...r,
      open: open.find((o) => o.divisionId === r.id)?._count._all ?? 0,
      overdue: overdue.find((o) => o.divisionId === r.id)?._count._all ?? 0,
    }));
    rows.sort((a, b) => (b.overdue as number) - (a.overdue as number) || (b.open as number) - (a.open as number));
    actionItems = { rows, open: sum(open.map((o) => o._count._all)), overdue: sum(overdue.map((o) => o._count._all)) };
  }

  const measureCounts = await tx.measure.groupBy({ by: ["level", "status"], where: scopes.measure(viewer, "list"), _count: { _all: true } });
  const measures = table(LEVELS.map((level) => MEASURE_STATUSES.map((status) =>
    measureCounts.find((m) => m.level === level && m.status === status)?._count._all ?? 0)));

  return {
    view: "full", threshold: null, window,
    entries, districts, awaitingReview, latestReport, training, followUps, actionItems, measures,
  };
}

type FigureRow = { section: string; k1: string; k2: string; value: bigint | null };

/**
 * An observer's dashboard: the grouped counts of varna_dashboard_figures (one statement, small
 * counts already NULL), then secondary suppression of every total that would give one back.
 */
async function aggregatesDashboard(viewer: Viewer, today: Date, window: Dashboard["window"]): Promise<Dashboard> {
  const { figures, divisions, districtNames, report } = await withViewer(viewer, async (tx) => {
    const figures = await tx.$queryRaw<FigureRow[]>`
      SELECT section, k1, k2, value FROM varna_dashboard_figures(${window.from}::date, ${window.to}::date, ${today}::date)`;
    const divisions = await tx.division.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true, active: true } });
    const districtNames = await tx.district.findMany({ select: { id: true, name: true, active: true } });
    const report = may(viewer.role, "situationReport", "list")
      ? await tx.situationReport.findFirst({
          where: scopes.situationReport(viewer, "list"),
          orderBy: [{ periodEnd: "desc" }, { createdAt: "desc" }],
          select: { id: true, title: true, periodStart: true, periodEnd: true, status: true },
        })
      : null;
    return { figures, divisions, districtNames, report };
  });
  const value = (section: string, k1: string, k2 = ""): Suppressed => {
    const row = figures.find((f) => f.section === section && f.k1 === k1 && f.k2 === k2);
    // No group in the database is a zero, which is a small count too.
    return row ? (row.value === null ? null : Number(row.value)) : 0;
  };
  const threshold = Number(figures.find((f) => f.section === "threshold")?.value ?? 5);

  // The situation entries by environment × month and by district are the same rows, so their
  // grand totals are one figure: both tables are suppressed together, with that one total in
  // the lines of both (else a total hidden for the districts would be printed for the months,
  // and a hidden district count read off by subtraction). Every active district is listed (and
  // the whole municipality, no district): a district left out would say its count is zero.
  const districtIds = [
    ...districtNames.filter((d) => d.active || figures.some((f) => f.section === "districts" && f.k1 === d.id))
      .sort((a, b) => a.name.localeCompare(b.name, "sv"))
      .map((d) => d.id as string | null),
    null,
  ];
  const situation = suppressTableWithList({
    cells: ENVIRONMENTS.map((env) => window.months.map((m) => value("entries", env, m.key))),
    rowTotals: ENVIRONMENTS.map((env) => value("entries", env, "*")),
    columnTotals: window.months.map((m) => value("entries", "*", m.key)),
    total: value("entries", "*", "*"),
  }, districtIds.map((id) => value("districts", id ?? "")), threshold);
  const entries = situation.table;
  const districts = {
    // In the order of the names (not of the counts, which would rank the hidden ones).
    rows: districtIds.map((id, i) => ({ id, name: districtNames.find((d) => d.id === id)?.name ?? null, count: situation.list[i]! })),
    total: entries.total,
  };

  const measures = suppressTable({
    cells: LEVELS.map((level) => MEASURE_STATUSES.map((status) => value("measures", level, status))),
    rowTotals: LEVELS.map((level) => value("measures", level, "*")),
    columnTotals: MEASURE_STATUSES.map((status) => value("measures", "*", status)),
    total: value("measures", "*", "*"),
  }, threshold);

  const trainingDivisions = divisions.filter((d) => d.active
    || figures.some((f) => (f.section === "trainingNeeded" || f.section === "trainingAttended") && f.k1 === d.id));
  const needed = suppressList(trainingDivisions.map((d) => value("trainingNeeded", d.id)), value("trainingNeeded", "*"), threshold);
  const attended = suppressList(trainingDivisions.map((d) => value("trainingAttended", d.id)), value("trainingAttended", "*"), threshold);
  const training = {
    rows: trainingDivisions.map((d, i) => ({ id: d.id, name: d.name, needed: needed.counts[i]!, attended: attended.counts[i]! })),
    needed: needed.total,
    attended: attended.total,
  };

  // Follow-ups: division × status with the totals of both (a cross table), and the overdue
  // ones per division with their total (a list of its own: overdue is a part of three statuses).
  const followUpDivisions = divisions.filter((d) => d.active
    || figures.some((f) => (f.section === "followUps" || f.section === "followUpsOverdue") && f.k1 === d.id));
  const followUpTable = suppressTable({
    cells: followUpDivisions.map((d) => FOLLOW_UP_STATUSES.map((s) => value("followUps", d.id, s))),
    rowTotals: followUpDivisions.map((d) => value("followUps", d.id, "*")),
    columnTotals: FOLLOW_UP_STATUSES.map((s) => value("followUps", "*", s)),
    total: value("followUps", "*", "*"),
  }, threshold);
  const followUpOverdue = suppressList(followUpDivisions.map((d) => value("followUpsOverdue", d.id)), value("followUpsOverdue", "*"), threshold);
  const statusRecord = (cells: Shown[]) => Object.fromEntries(FOLLOW_UP_STATUSES.map((s, i) => [s, cells[i]!])) as Record<FollowUpStatus, Shown>;
  const followUps = {
    rows: overdueFirst(followUpDivisions.map((d, r) => ({
      id: d.id, name: d.name,
      byStatus: statusRecord(followUpTable.cells[r]!), total: followUpTable.rowTotals[r]!, overdue: followUpOverdue.counts[r]!,
    }))),
    totals: { byStatus: statusRecord(followUpTable.columnTotals), total: followUpTable.total, overdue: followUpOverdue.total },
  };

  // Action items: open and overdue per division, and network-wide ('' in the figures) — that
  // row always, so its presence says nothing about its count.
  const itemRows = [
    ...divisions.filter((d) => d.active || figures.some((f) => (f.section === "actionItemsOpen" || f.section === "actionItemsOverdue") && f.k1 === d.id))
      .map((d) => ({ id: d.id as string | null, name: d.name as string | null })),
    { id: null, name: null },
  ];
  const open = suppressList(itemRows.map((r) => value("actionItemsOpen", r.id ?? "")), value("actionItemsOpen", "*"), threshold);
  const overdueItems = suppressList(itemRows.map((r) => value("actionItemsOverdue", r.id ?? "")), value("actionItemsOverdue", "*"), threshold);
  const actionItems = {
    rows: overdueFirst(itemRows.map((r, i) => ({ ...r, open: open.counts[i]!, overdue: overdueItems.counts[i]! }))),
    open: open.total,
    overdue: overdueItems.total,
  };

  return {
    view: "aggregates", threshold, window,
    entries, districts, awaitingReview: null,
    latestReport: report && { ...report, shares: null, lastRecipient: null, lastSharedOn: null },
    training, followUps, actionItems, measures,
  };
}

/**
 * Overdue first, for an observer: the rows whose overdue count is shown, most first, then the
 * hidden ones in their own (division) order — never ranked by a count the reader may not see.
 */
function overdueFirst<T extends { overdue: Shown }>(rows: T[]): T[] {
  const shown = rows.filter((r) => typeof r.overdue === "number").sort((a, b) => (b.overdue as number) - (a.overdue as number));
  return [...shown, ...rows.filter((r) => typeof r.overdue !== "number")];
}
