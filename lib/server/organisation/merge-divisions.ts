import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { asOrganisation } from "./units";
import { pointsAt, quote, referenceColumns, type ReferenceColumn } from "./references";

/**
 * Columns that point at a division but are history, not a division's records: they stay on
 * the division where they happened (the merged one stays, deactivated, so they still resolve).
 */
export const MERGE_KEEPS: Record<string, string> = {
  "AuditEvent.divisionId": "the audit trail is append-only: an event keeps the division it happened in",
};

/**
 * Columns the database keeps itself from another table's rows (a trigger in the same
 * transaction): they follow their source when it moves, so the merge neither plans nor moves
 * them — and the app role may not write them anyway.
 */
export const MERGE_DERIVED: Record<string, string> = {
  "SituationEntryMonthCount.divisionId": "the monthly counts follow the situation entries (trigger situation_entry_month_count)",
};

/**
 * Tables where a row of the merged division may duplicate one of the surviving division
 * (a unique constraint over the division column): there the surviving division's row is kept
 * and the merged one's removed. Anywhere else a duplicate stops the merge (nothing is lost
 * silently): the preview lists it, and someone resolves it first.
 */
export const DUPLICATES_KEEP_SURVIVING: Record<string, string> = {
  DivisionMembership: "a user who belonged to both divisions stays a member of the surviving one",
  NetworkMembership: "a network member of both divisions keeps the surviving division's membership and responsibilities",
  _TrainingEventDivisions: "a training event aimed at both divisions stays aimed at the surviving one",
};

export type MergeLine = {
  table: string;
  column: string;
  /** Rows of the merged division that move. */
  rows: number;
  /** Of those, rows the surviving division already has (by a unique constraint). */
  duplicates: number;
  /** What happens to duplicates: removed (the surviving division's row is kept) or the merge is refused. */
  onDuplicate: "keepSurviving" | "refuse";
};

export type MergePlan = {
  source: { id: string; name: string; code: string; active: boolean; isCoordinating: boolean; members: number };
  target: { id: string; name: string; code: string; active: boolean; isCoordinating: boolean; members: number };
  lines: MergeLine[];
  /** Lines with duplicates that stop the merge. */
  conflicts: MergeLine[];
  total: number;
};

type UniqueIndex = { name: string; columns: string[]; nullsNotDistinct: boolean };

async function uniqueIndexes(tx: DbTx, table: string, column: string): Promise<UniqueIndex[]> {
  // Plain (non-partial, non-expression) unique indexes that include the column.
  return tx.$queryRaw<UniqueIndex[]>`
    SELECT ic.relname::text AS name,
           array_agg(a.attname::text ORDER BY k.ord) AS columns,
           bool_or(coalesce((to_jsonb(i) ->> 'indnullsnotdistinct')::boolean, false)) AS "nullsNotDistinct"
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
    JOIN pg_class ic ON ic.oid = i.indexrelid
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
    WHERE i.indisunique AND i.indpred IS NULL AND 0 <> ALL (i.indkey::int2[]) AND c.relname = ${table}
    GROUP BY ic.relname, i.indexrelid
    HAVING ${column} = ANY (array_agg(a.attname::text))`;
}

/** SQL: a row `s` of the merged division ($1) that some row `t` of the surviving one ($2) duplicates. */
function duplicateCondition(ref: ReferenceColumn, indexes: UniqueIndex[]): string | null {
  if (ref.isArray || indexes.length === 0) return null;
  const col = quote(ref.column);
  const one = indexes.map((index) => {
    const others = index.columns
      .filter((c) => c !== ref.column)
      .map((c) => (index.nullsNotDistinct ? `t.${quote(c)} IS NOT DISTINCT FROM s.${quote(c)}` : `t.${quote(c)} = s.${quote(c)}`));
    return `EXISTS (SELECT 1 FROM ${quote(ref.table)} t WHERE t.${col} = $2::uuid${others.map((o) => ` AND ${o}`).join("")})`;
  });
  return `s.${col} = $1::uuid AND (${one.join(" OR ")})`;
}

async function division(tx: DbTx, id: string, lock: boolean) {
  const rows = await tx.$queryRawUnsafe<{ id: string; name: string; code: string; active: boolean; isCoordinating: boolean }[]>(
    `SELECT id::text, name, code, active, "isCoordinating" FROM "Division" WHERE id = $1::uuid${lock ? " FOR UPDATE" : ""}`,
    id,
  );
  if (!rows[0]) throw new NotFoundError("Division");
  const members = await tx.divisionMembership.count({ where: { divisionId: id } });
  return { ...rows[0], members };
}

/** What a merge would move, per table and column that points at a division (from the catalog). */
async function planMerge(tx: DbTx, sourceId: string, targetId: string, lock: boolean): Promise<MergePlan & { refs: { ref: ReferenceColumn; duplicateSql: string | null }[] }> {
  // In id order, so two merges of the same pair in opposite directions cannot deadlock.
  const [first, second] = [sourceId, targetId].sort();
  const locked = new Map([[first!, await division(tx, first!, lock)], [second!, await division(tx, second!, lock)]]);
  const source = locked.get(sourceId)!;
  const target = locked.get(targetId)!;
  const refs = (await referenceColumns(tx, "Division")).filter((r) => !MERGE_KEEPS[`${r.table}.${r.column}`] && !MERGE_DERIVED[`${r.table}.${r.column}`]);
  const lines: MergeLine[] = [];
  const withSql: { ref: ReferenceColumn; duplicateSql: string | null }[] = [];
  for (const ref of refs) {
    const rows = Number((await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quote(ref.table)} WHERE ${pointsAt(ref)}`, sourceId))[0]?.n ?? 0);
    const duplicateSql = duplicateCondition(ref, await uniqueIndexes(tx, ref.table, ref.column));
    const duplicates = duplicateSql && rows > 0
      ? Number((await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${quote(ref.table)} s WHERE ${duplicateSql}`, sourceId, targetId))[0]?.n ?? 0)
      : 0;
    lines.push({ table: ref.table, column: ref.column, rows, duplicates, onDuplicate: DUPLICATES_KEEP_SURVIVING[ref.table] ? "keepSurviving" : "refuse" });
    withSql.push({ ref, duplicateSql });
  }
  const conflicts = lines.filter((l) => l.duplicates > 0 && l.onDuplicate === "refuse");
  return { source, target, lines, conflicts, total: lines.reduce((a, l) => a + l.rows, 0), refs: withSql };
}

/** The preview the coordinator confirms: what moves from one division to the other, per record type. */
export async function previewMerge(viewer: Viewer, input: { sourceId: string; targetId: string }): Promise<MergePlan> {
  if (input.sourceId === input.targetId) throw new DomainRuleError("organisation.validation.sameDivision", "targetId");
  const plan = await asOrganisation(viewer, "merge", (tx) => planMerge(tx, input.sourceId, input.targetId, false));
  return { source: plan.source, target: plan.target, lines: plan.lines, conflicts: plan.conflicts, total: plan.total };
}

/**
 * Merges one division into another in one transaction: every record of every table with a
 * division column (read from the catalog, so a table added later is included) moves to the
 * surviving division, members included; duplicates in membership tables keep the surviving
 * division's row; the merged division stays, deactivated, for its history (audit events keep
 * pointing at it). One audit event lists what moved. Any duplicate elsewhere refuses the whole
 * merge, with nothing changed.
 */
export async function mergeDivisions(viewer: Viewer, input: { sourceId: string; targetId: string }): Promise<{ moved: number }> {
  if (input.sourceId === input.targetId) throw new DomainRuleError("organisation.validation.sameDivision", "targetId");
  return asOrganisation(viewer, "merge", async (tx) => {
    const plan = await planMerge(tx, input.sourceId, input.targetId, true);
    if (!plan.target.active) throw new DomainRuleError("organisation.errors.mergeIntoInactive", "targetId");
    if (plan.conflicts.length > 0) throw new DomainRuleError("organisation.errors.mergeConflict");
    const moved: Record<string, number> = {};
    const removed: Record<string, number> = {};
    for (const { ref, duplicateSql } of plan.refs) {
      const key = `${ref.table}.${ref.column}`;
      if (duplicateSql && DUPLICATES_KEEP_SURVIVING[ref.table]) {
        const n = await tx.$executeRawUnsafe(`DELETE FROM ${quote(ref.table)} s WHERE ${duplicateSql}`, input.sourceId, input.targetId);
        if (n > 0) removed[key] = n;
      }
      const col = quote(ref.column);
      const n = ref.isArray
        ? await tx.$executeRawUnsafe(
            `UPDATE ${quote(ref.table)} SET ${col} = ARRAY(SELECT DISTINCT x FROM unnest(array_replace(${col}, $1::uuid, $2::uuid)) x) WHERE ${pointsAt(ref)}`,
            input.sourceId, input.targetId)
        : await tx.$executeRawUnsafe(`UPDATE ${quote(ref.table)} SET ${col} = $2::uuid WHERE ${col} = $1::uuid`, input.sourceId, input.targetId);
      if (n > 0) moved[key] = n;
    }
    await tx.division.update({ where: { id: input.sourceId }, data: { active: false, isCoordinating: false, version: { increment: 1 } } });
    // The coordinator's division lives on in the surviving one.
    if (plan.source.isCoordinating) {
      await tx.division.update({ where: { id: input.targetId }, data: { isCoordinating: true, version: { increment: 1 } } });
    }
    await recordAudit(tx, viewer, {
      action: "division.merge",
      entityType: "Division",
      entityId: input.targetId,
      divisionId: input.targetId,
      details: {
        merged: { id: plan.source.id, name: plan.source.name, code: plan.source.code },
        into: { id: plan.target.id, name: plan.target.name, code: plan.target.code },
        moved,
        duplicatesRemoved: removed,
      },
    });
    return { moved: Object.values(moved).reduce((a, b) => a + b, 0) };
  });
}
