// The bare-SQL anchors of the dashboards (issue 13, part 4): for each role's dashboard, the
// statements its use case (lib/server/dashboard/get-dashboard.ts) sends, as plain
// parameterised SQL, so the benchmark can time them side by side with the page ("≤ 3× its bare
// SQL"). Run them as the app's owner connection, in one transaction, after the same
// `set_config('varna.role', …)` / `SET LOCAL ROLE varna_app` as withViewer (included as the
// first statements, since they are part of every page's cost). Not run by this file: the
// benchmark (scripts/bench/, branch `speed`) plugs them in at merge.
//
// Keep in step with get-dashboard.ts: a statement added there belongs here too.

export type Statement = { text: string; values: unknown[] };
export type DashboardAnchor = { role: "COORDINATOR" | "DIVISION_HEAD" | "NETWORK_MEMBER" | "OBSERVER"; statements: Statement[] };

type Input = {
  /** Today as `YYYY-MM-DD` (Stockholm's calendar day). */
  today: string;
  /** The division-bound roles' divisions (uuid strings). */
  divisionIds: string[];
  /** The viewer's user id (for the row-level-security settings). */
  userId: string;
};

/** The window the dashboard shows: the twelve calendar months up to and including today's. */
export function window(today: string): { from: string; to: string; yearStart: string; yearNext: string } {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { from, to, yearStart: `${y}-01-01`, yearNext: `${y + 1}-01-01` };
}

const viewerSettings = (role: DashboardAnchor["role"], input: Input): Statement[] => [
  {
    text: `SELECT 1 AS set FROM varna_set_viewer($1, $2, $3)`,
    values: [role, role === "COORDINATOR" || role === "OBSERVER" ? "" : input.divisionIds.join(","), input.userId],
  },
  { text: "SET LOCAL ROLE varna_app", values: [] },
];

/** `TRUE` for every division, else `<column> = ANY($n::uuid[])` with the viewer's divisions. */
function scoped(column: string, own: boolean, index: number) {
  return own ? `${column} = ANY($${index}::uuid[])` : "TRUE";
}

function fullDashboard(role: "COORDINATOR" | "DIVISION_HEAD" | "NETWORK_MEMBER", input: Input): Statement[] {
  const own = role !== "COORDINATOR";
  const { from, to, yearStart, yearNext } = window(input.today);
  const d = own ? [input.divisionIds] : [];
  const n = d.length + 1; // the first parameter after the divisions
  const statements: Statement[] = [
    ...viewerSettings(role, input),
    {
      text: `SELECT id, name, active FROM "Division" WHERE ${own ? "id = ANY($1::uuid[])" : "TRUE"} ORDER BY "sortOrder", name`,
      values: d,
    },
    {
      text: `SELECT e.environment::text AS environment, to_char(e.month, 'YYYY-MM') AS month,
                    NULLIF(e."districtKey", '00000000-0000-0000-0000-000000000000'::uuid)::text AS district,
                    grouping(e."districtKey") = 0 AS "byDistrict", false AS awaiting, sum(e.n)::int AS n
               FROM "SituationEntryMonthCount" e
              WHERE ${scoped(`e."divisionId"`, own, 1)} AND e.month >= $${n}::date AND e.month <= $${n + 1}::date
              GROUP BY GROUPING SETS ((e.environment, e.month), (e."districtKey"))
             UNION ALL
             SELECT NULL, NULL, NULL, false, true, coalesce(sum(e.n), 0)::int
               FROM "SituationEntryMonthCount" e
              WHERE ${scoped(`e."divisionId"`, own, 1)} AND e.status = 'SUBMITTED'`,
      values: [...d, from, to],
    },
    { text: `SELECT id, name FROM "District"`, values: [] },
  ];
  if (role === "COORDINATOR") {
    statements.push({
      text: `SELECT r.id, r.title, r."periodStart", r."periodEnd", r.status,
                    (SELECT count(*) FROM "SituationReportShare" s WHERE s."reportId" = r.id) AS shares,
                    (SELECT s.recipient FROM "SituationReportShare" s WHERE s."reportId" = r.id ORDER BY s."sharedOn" DESC, s."createdAt" DESC LIMIT 1) AS recipient
               FROM "SituationReport" r ORDER BY r."periodEnd" DESC, r."createdAt" DESC LIMIT 1`,
      values: [],
    });
  }
  statements.push(
    {
      text: `SELECT n."divisionId", sum(n.headcount)::int FROM "TrainingNeed" n
              WHERE ${scoped(`n."divisionId"`, own, 1)} AND n."wantedBy" >= $${n}::date AND n."wantedBy" < $${n + 1}::date AND n.status <> 'CANCELLED'
              GROUP BY n."divisionId"`,
      values: [...d, yearStart, yearNext],
    },
    {
      text: `SELECT a."divisionId", sum(a.attended)::int FROM "TrainingAttendance" a JOIN "TrainingEvent" ev ON ev.id = a."eventId"
              WHERE ${scoped(`a."divisionId"`, own, 1)} AND ev."startsAt" >= $${n}::timestamp AND ev."startsAt" < $${n + 1}::timestamp AND ev.status = 'HELD'
              GROUP BY a."divisionId"`,
      values: [...d, yearStart, yearNext],
    },
  );
  if (role !== "NETWORK_MEMBER") {
    statements.push(
      {
        text: `SELECT f."divisionId", f.status, count(*)::int FROM "FollowUp" f WHERE ${scoped(`f."divisionId"`, own, 1)} GROUP BY f."divisionId", f.status`,
        values: d,
      },
      {
        text: `SELECT f."divisionId", count(*)::int FROM "FollowUp" f JOIN "FollowUpCycle" c ON c.id = f."cycleId"
                WHERE ${scoped(`f."divisionId"`, own, 1)} AND f.status IN ('NOT_STARTED', 'DRAFT', 'RETURNED') AND c."dueDate" < $${n}::date
                GROUP BY f."divisionId"`,
        values: [...d, input.today],
      },
    );
  }
  // A network member also sees network-wide items and those of the network's meetings.
  const items = role === "NETWORK_MEMBER"
    ? `(i."divisionId" = ANY($1::uuid[]) OR i."divisionId" IS NULL OR i."meetingId" IS NOT NULL)`
    : scoped(`i."divisionId"`, own, 1);
  statements.push(
    {
      text: `SELECT i."divisionId", count(*)::int FROM "ActionItem" i WHERE ${items} AND i.status IN ('OPEN', 'IN_PROGRESS') GROUP BY i."divisionId"`,
      values: d,
    },
    {
      text: `SELECT i."divisionId", count(*)::int FROM "ActionItem" i WHERE ${items} AND i.status IN ('OPEN', 'IN_PROGRESS') AND i."dueDate" < $${n}::date GROUP BY i."divisionId"`,
      values: [...d, input.today],
    },
    {
      text: `SELECT m.level, m.status, count(*)::int FROM "Measure" m WHERE ${scoped(`m."ownerDivisionId"`, own, 1)} GROUP BY m.level, m.status`,
      values: d,
    },
  );
  return statements;
}

function observerDashboard(input: Input): Statement[] {
  const { from, to } = window(input.today);
  return [
    ...viewerSettings("OBSERVER", input),
    { text: `SELECT section, k1, k2, value FROM varna_dashboard_figures($1::date, $2::date, $3::date)`, values: [from, to, input.today] },
    { text: `SELECT id, name, active FROM "Division" ORDER BY "sortOrder", name`, values: [] },
    { text: `SELECT id, name FROM "District"`, values: [] },
    {
      text: `SELECT id, title, "periodStart", "periodEnd", status FROM "SituationReport" WHERE status = 'FINAL' ORDER BY "periodEnd" DESC, "createdAt" DESC LIMIT 1`,
      values: [],
    },
  ];
}

/** Every role's dashboard as bare SQL, for the benchmark's side-by-side anchors. */
export function dashboardAnchors(input: Input): DashboardAnchor[] {
  return [
    { role: "COORDINATOR", statements: fullDashboard("COORDINATOR", input) },
    { role: "DIVISION_HEAD", statements: fullDashboard("DIVISION_HEAD", input) },
    { role: "NETWORK_MEMBER", statements: fullDashboard("NETWORK_MEMBER", input) },
    { role: "OBSERVER", statements: observerDashboard(input) },
  ];
}
