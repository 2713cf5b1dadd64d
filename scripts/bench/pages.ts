// The pages `npm run bench` drives, whom it drives them as, and each page's bare-SQL anchor: the
// data queries the page needs, run straight through `pg` (no Prisma, no transaction, no
// row-level security, no rendering) at the same concurrency, so the report can say how far
// the page is from what its database work alone costs. To add a page, add a line here.
import type { Role } from "@/lib/access/permissions";
import { dashboardAnchors } from "./dashboard-anchors";

/** Who the anchor runs for: the signed-in user, their session and divisions. */
export type AnchorContext = { userId: string; sessionId: string; divisionIds: string[]; role: Role };
export type Query = { text: string; values?: unknown[] };

export type BenchPage = {
  path: string;
  /** The first role is driven closed- and open-loop; the others closed-loop only (wall time). */
  roles: Role[];
  /** The statements the page's data needs, in order (one "request" of the anchor). */
  anchor: (ctx: AnchorContext) => Query[];
};

/** What every signed-in page reads first: the session and its user with the divisions. */
const session = (ctx: AnchorContext): Query[] => [
  {
    text: `SELECT s.id, s."expiresAt", s."revokedAt", s."lastSeenAt", u.id AS "userId", u.role, u.active, u."sessionVersion", u.name, u.email,
             array(SELECT "divisionId" FROM "DivisionMembership" m WHERE m."userId" = u.id) AS divisions
           FROM "UserSession" s JOIN "User" u ON u.id = s."userId" WHERE s.id = $1`,
    values: [ctx.sessionId],
  },
];

/** A division filter: every division for the coordinator's `[]`, else the viewer's own. */
const scoped = (column: string, ctx: AnchorContext) =>
  ctx.divisionIds.length === 0 ? { sql: "TRUE", values: [] as unknown[] } : { sql: `${column} = ANY($1::uuid[])`, values: [ctx.divisionIds] };

const list = (table: string, divisionColumn: string, order: string, extraJoin = "") => (ctx: AnchorContext): Query[] => {
  const where = scoped(`t."${divisionColumn}"`, ctx);
  return [
    ...session(ctx),
    { text: `SELECT count(*)::int FROM "${table}" t WHERE ${where.sql}`, values: where.values },
    { text: `SELECT t.* FROM "${table}" t ${extraJoin} WHERE ${where.sql} ORDER BY ${order} LIMIT 25`, values: where.values },
  ];
};

/** The dashboard's own statements for the role (scripts/bench/dashboard-anchors.ts, kept in step with get-dashboard.ts). */
const overviewAnchor = (ctx: AnchorContext): Query[] => {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
  const anchors = dashboardAnchors({ today, divisionIds: ctx.divisionIds, userId: ctx.userId });
  const mine = anchors.find((a) => a.role === ctx.role);
  if (!mine) throw new Error(`no dashboard anchor for ${ctx.role}`);
  // In one transaction, as withViewer runs the page's (its SET LOCAL needs one).
  return [...session(ctx), { text: "BEGIN" }, ...mine.statements, { text: "COMMIT" }];
};

export const PAGES: BenchPage[] = [
  { path: "/oversikt", roles: ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"], anchor: overviewAnchor },
  {
    path: "/lagesbild",
    roles: ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER"],
    anchor: (ctx) => {
      const where = scoped(`e."divisionId"`, ctx);
      return [
        ...session(ctx),
        // The unfiltered list counts from the monthly counts, as countEntries does (decision 025).
        { text: `SELECT coalesce(sum(e.n), 0)::int FROM "SituationEntryMonthCount" e WHERE ${where.sql}`, values: where.values },
        {
          text: `SELECT e.id, e."observedOn", e.environment, e."activityType", e.status, d.name, di.name FROM "SituationEntry" e
                 JOIN "Division" d ON d.id = e."divisionId" LEFT JOIN "District" di ON di.id = e."districtId"
                 WHERE ${where.sql} ORDER BY e."observedOn" DESC, e."createdAt" DESC, e.id LIMIT 25`,
          values: where.values,
        },
      ];
    },
  },
  { path: "/lagesbild/rapporter", roles: ["COORDINATOR"], anchor: (ctx) => [...session(ctx), { text: `SELECT * FROM "SituationReport" ORDER BY "periodEnd" DESC LIMIT 25` }] },
  { path: "/utbildning", roles: ["DIVISION_HEAD", "COORDINATOR"], anchor: list("TrainingNeed", "divisionId", `t."wantedBy", t.id`) },
  { path: "/kompetensplan", roles: ["COORDINATOR"], anchor: (ctx) => [...session(ctx), { text: `SELECT * FROM "CompetencePlan" ORDER BY year DESC` }] },
  { path: "/insatser", roles: ["COORDINATOR", "DIVISION_HEAD"], anchor: list("Measure", "ownerDivisionId", `t."nextReviewDate", t.id`) },
  { path: "/uppfoljning", roles: ["COORDINATOR", "DIVISION_HEAD"], anchor: list("FollowUp", "divisionId", `t."createdAt" DESC, t.id`) },
  { path: "/atgarder", roles: ["NETWORK_MEMBER", "COORDINATOR"], anchor: list("ActionItem", "divisionId", `t."dueDate", t.id`) },
  {
    path: "/natverk",
    roles: ["NETWORK_MEMBER"],
    anchor: (ctx) => [...session(ctx), { text: `SELECT * FROM "NetworkMeeting" ORDER BY "scheduledAt" DESC LIMIT 25` }],
  },
  { path: "/kontaktlogg", roles: ["DIVISION_HEAD"], anchor: list("ContactLogEntry", "divisionId", `t."contactedOn" DESC, t.id`) },
  { path: "/samverkan", roles: ["COORDINATOR"], anchor: (ctx) => [...session(ctx), { text: `SELECT * FROM "Partner" ORDER BY name` }] },
  { path: "/rekommendationer", roles: ["COORDINATOR"], anchor: (ctx) => [...session(ctx), { text: `SELECT * FROM "Recommendation" ORDER BY number` }] },
  {
    path: "/admin/logg",
    roles: ["COORDINATOR"],
    anchor: (ctx) => [
      ...session(ctx),
      { text: `SELECT count(*)::int FROM "AuditEvent"` },
      { text: `SELECT * FROM "AuditEvent" ORDER BY id DESC LIMIT 50` },
    ],
  },
  { path: "/admin/anvandare", roles: ["ADMIN"], anchor: (ctx) => [...session(ctx), { text: `SELECT count(*)::int FROM "User"` }, { text: `SELECT * FROM "User" ORDER BY name LIMIT 25` }] },
];
