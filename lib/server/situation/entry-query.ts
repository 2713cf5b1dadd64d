import "server-only";
import { Prisma } from "@/lib/server/generated/prisma/client";
import type { DbTx } from "@/lib/server/db";
import { divisionScopeSql } from "@/lib/server/access/scope-sql";
import type { SituationFilter } from "@/lib/schemas/situation-filter";

// The situation list's query in SQL, because its full-text search reads the indexed `search`
// vector (websearch_to_tsquery with the Swedish configuration), which Prisma's query builder
// cannot express. Used only by the list and export use cases, always inside withViewer (so
// row-level security applies as well) and always with the scope builder's own `where`
// translated here — never a second, hand-written notion of the viewer's scope.

/** The scope builder's `where` for situation entries (`scopes.situationEntry`) as SQL on `e`. */
export function scopeSql(scope: Prisma.SituationEntryWhereInput): Prisma.Sql {
  return divisionScopeSql(scope, Prisma.sql`e."divisionId"`);
}

/** The filter's conditions, each a bound parameter (nothing from the URL is spliced in). */
function filterSql(filter: SituationFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.from) where.push(Prisma.sql`e."observedOn" >= ${filter.from}::date`);
  if (filter.to) where.push(Prisma.sql`e."observedOn" <= ${filter.to}::date`);
  if (filter.environment) where.push(Prisma.sql`e.environment = ${filter.environment}::"ExtremistEnvironment"`);
  if (filter.activity) where.push(Prisma.sql`e."activityType" = ${filter.activity}::"ActivityType"`);
  if (filter.source) where.push(Prisma.sql`e.source = ${filter.source}::"InformationSource"`);
  if (filter.status) where.push(Prisma.sql`e.status = ${filter.status}::"SituationEntryStatus"`);
  if (filter.district) where.push(Prisma.sql`e."districtId" = ${filter.district}::uuid`);
  if (filter.division) where.push(Prisma.sql`e."divisionId" = ${filter.division}::uuid`);
  if (filter.q) where.push(Prisma.sql`e.search @@ websearch_to_tsquery('swedish'::regconfig, ${filter.q})`);
  return where;
}

const ORDER: Record<SituationFilter["sort"], Prisma.Sql> = {
  observedDesc: Prisma.sql`e."observedOn" DESC, e."createdAt" DESC, e.id`,
  observedAsc: Prisma.sql`e."observedOn" ASC, e."createdAt" ASC, e.id`,
  division: Prisma.sql`d.name, e."observedOn" DESC, e.id`,
  district: Prisma.sql`di.name NULLS FIRST, e."observedOn" DESC, e.id`,
  status: Prisma.sql`e.status, e."observedOn" DESC, e.id`,
  updatedDesc: Prisma.sql`e."updatedAt" DESC, e.id`,
};

export type EntryQueryRow = {
  id: string;
  observedOn: Date;
  environment: string;
  activityType: string;
  source: string;
  reliability: string;
  status: string;
  division: string;
  district: string | null;
  updatedAt: Date;
};

export type EntryExportRow = EntryQueryRow & { description: string; genderPerspective: string; submittedAt: Date | null; reviewedAt: Date | null };

function whereSql(scope: Prisma.SituationEntryWhereInput, filter: SituationFilter) {
  return Prisma.join([scopeSql(scope), ...filterSql(filter)], " AND ");
}

const FROM = Prisma.sql`"SituationEntry" e JOIN "Division" d ON d.id = e."divisionId" LEFT JOIN "District" di ON di.id = e."districtId"`;
const COLUMNS = Prisma.sql`e.id, e."observedOn", e.environment::text AS environment, e."activityType"::text AS "activityType",
  e.source::text AS source, e.reliability::text AS reliability, e.status::text AS status, d.name AS division, di.name AS district, e."updatedAt"`;

/** `YYYY-MM-DD` is the last day of its month. */
function isLastOfMonth(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === d;
}

/**
 * Whether the filter can be counted from the monthly counts (SituationEntryMonthCount,
 * decision 025): it names only columns the counts keep (division, environment, district,
 * status) and whole calendar months. The list's default view — no filter — is one of them.
 */
export function countableFromMonths(filter: SituationFilter): boolean {
  if (filter.activity || filter.source || filter.q) return false;
  if (filter.from && !filter.from.endsWith("-01")) return false;
  if (filter.to && !isLastOfMonth(filter.to)) return false;
  return true;
}

/** The monthly counts' conditions for a countable filter (same meaning as filterSql's). */
function monthFilterSql(filter: SituationFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filter.from) where.push(Prisma.sql`e.month >= ${filter.from}::date`);
  if (filter.to) where.push(Prisma.sql`e.month <= ${filter.to}::date`);
  if (filter.environment) where.push(Prisma.sql`e.environment = ${filter.environment}::"ExtremistEnvironment"`);
  if (filter.status) where.push(Prisma.sql`e.status = ${filter.status}::"SituationEntryStatus"`);
  if (filter.district) where.push(Prisma.sql`e."districtKey" = ${filter.district}::uuid`);
  if (filter.division) where.push(Prisma.sql`e."divisionId" = ${filter.division}::uuid`);
  return where;
}

/**
 * How many entries the filter finds. Whole months on the kept columns are summed from the
 * monthly counts — a few thousand rows whatever the number of entries — and anything else
 * (free text, activity, source, a date inside a month) is counted from the entries.
 */
export async function countEntries(tx: DbTx, scope: Prisma.SituationEntryWhereInput, filter: SituationFilter): Promise<number> {
  if (countableFromMonths(filter)) {
    const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT coalesce(sum(e.n), 0)::int AS n FROM "SituationEntryMonthCount" e
      WHERE ${Prisma.join([scopeSql(scope), ...monthFilterSql(filter)], " AND ")}`;
    return row?.n ?? 0;
  }
  const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${FROM} WHERE ${whereSql(scope, filter)}`;
  return row?.n ?? 0;
}

export function findEntries(tx: DbTx, scope: Prisma.SituationEntryWhereInput, filter: SituationFilter, window: { skip: number; take: number }) {
  return tx.$queryRaw<EntryQueryRow[]>`SELECT ${COLUMNS} FROM ${FROM} WHERE ${whereSql(scope, filter)}
    ORDER BY ${ORDER[filter.sort]} LIMIT ${window.take} OFFSET ${window.skip}`;
}

export function findEntriesForExport(tx: DbTx, scope: Prisma.SituationEntryWhereInput, filter: SituationFilter, limit: number) {
  return tx.$queryRaw<EntryExportRow[]>`SELECT ${COLUMNS}, e.description, e."genderPerspective", e."submittedAt", e."reviewedAt"
    FROM ${FROM} WHERE ${whereSql(scope, filter)} ORDER BY ${ORDER[filter.sort]} LIMIT ${limit}`;
}
