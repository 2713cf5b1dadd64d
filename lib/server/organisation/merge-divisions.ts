import "server-only";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Assessment, FollowUpStatus } from "@/lib/server/generated/prisma/enums";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { notifyFollowUp } from "@/lib/server/follow-up/notify";
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

/** What folding one table's duplicates did, for the audit trail and the follow-ups to re-send. */
type FoldResult = { rows: number; details: Prisma.InputJsonObject[]; reopened: { followUpId: string; cycleTitle: string }[] };

/** A table whose duplicates are folded into the surviving division's row instead of refusing the merge. */
type Fold = {
  column: string;
  reason: string;
  /** SQL: the surviving division's row `t` that the merged division's row `s` folds into. */
  match: string;
  /** Extra figures for the preview (e.g. how many follow-up lines move). $1 merged, $2 surviving. */
  preview(tx: DbTx, sourceId: string, targetId: string): Promise<MergeLine["folded"]>;
  fold(tx: DbTx, source: { id: string; name: string }, targetId: string): Promise<FoldResult>;
};

/** In an open cycle, a surviving follow-up in these statuses goes back to the division (RETURNED) when lines move into it. */
const FOLLOW_UP_REOPENS: FollowUpStatus[] = ["SUBMITTED", "REVIEWED"];

/** Appends the merged division's text to the surviving one's, labelled with the division it came from. */
const appendText = (kept: string, added: string, from: string) =>
  !added.trim() ? kept : [kept.trim(), `[${from}] ${added.trim()}`].filter(Boolean).join("\n\n");

/**
 * Tables with a unique constraint over the division column where both divisions' rows are the
 * division's own work: the merged division's row is folded into the surviving one's, so nothing
 * is lost and nothing is refused (every cycle gives every active division one follow-up, every
 * event may have both divisions' head-counts — without this, two divisions that were both active
 * in any cycle could never be merged).
 */
export const DUPLICATES_FOLD: Record<string, Fold> = {
  FollowUp: {
    column: "divisionId",
    reason:
      "one follow-up per division and cycle: the merged division's lines move into the surviving division's follow-up of the same cycle, " +
      "its overall comment and gender perspective are appended; in an open cycle a follow-up already submitted or approved goes back to the " +
      "division (RETURNED) so its head reviews the moved lines; a closed cycle keeps its statuses",
    match: `t."cycleId" = s."cycleId"`,
    async preview(tx, sourceId, targetId) {
      const rows = await tx.$queryRawUnsafe<{ lines: number; reopened: number }[]>(
        `SELECT coalesce(sum((SELECT count(*) FROM "FollowUpItem" i WHERE i."followUpId" = s.id)), 0)::int AS lines,
                count(*) FILTER (WHERE c.status <> 'CLOSED' AND t.status::text = ANY ($3::text[])
                                   AND (EXISTS (SELECT 1 FROM "FollowUpItem" i WHERE i."followUpId" = s.id)
                                        OR btrim(s.comment) <> '' OR btrim(s."genderPerspective") <> ''))::int AS reopened
         FROM "FollowUp" s
         JOIN "FollowUp" t ON t."divisionId" = $2::uuid AND t."cycleId" = s."cycleId"
         JOIN "FollowUpCycle" c ON c.id = s."cycleId"
         WHERE s."divisionId" = $1::uuid`,
        sourceId, targetId, FOLLOW_UP_REOPENS);
      return { lines: rows[0]?.lines ?? 0, reopened: rows[0]?.reopened ?? 0 };
    },
    async fold(tx, source, targetId) {
      type Pair = {
        sid: string; tid: string; cycleId: string; cycleTitle: string; cycleStatus: string; lines: number;
        sourceStatus: FollowUpStatus; targetStatus: FollowUpStatus; sourceAssessment: Assessment | null; targetAssessment: Assessment | null;
        sourceComment: string; targetComment: string; sourceGender: string; targetGender: string;
      };
      const pairs = await tx.$queryRawUnsafe<Pair[]>(
        `SELECT s.id::text AS sid, t.id::text AS tid, c.id::text AS "cycleId", c.title AS "cycleTitle", c.status::text AS "cycleStatus",
                (SELECT count(*)::int FROM "FollowUpItem" i WHERE i."followUpId" = s.id) AS lines,
                s.status::text AS "sourceStatus", t.status::text AS "targetStatus",
                s.assessment::text AS "sourceAssessment", t.assessment::text AS "targetAssessment",
                s.comment AS "sourceComment", t.comment AS "targetComment",
                s."genderPerspective" AS "sourceGender", t."genderPerspective" AS "targetGender"
         FROM "FollowUp" s
         JOIN "FollowUp" t ON t."divisionId" = $2::uuid AND t."cycleId" = s."cycleId"
         JOIN "FollowUpCycle" c ON c.id = s."cycleId"
         WHERE s."divisionId" = $1::uuid
         ORDER BY c."periodStart", s.id
         FOR UPDATE OF s, t`,
        source.id, targetId);
      const details: FoldResult["details"] = [];
      const reopened: FoldResult["reopened"] = [];
      for (const p of pairs) {
        // The lines (measures, training needs, action items) keep their reports; they now belong
        // to the surviving division's follow-up, as the records they report on do.
        await tx.followUpItem.updateMany({ where: { followUpId: p.sid }, data: { followUpId: p.tid, version: { increment: 1 } } });
        const brings = p.lines > 0 || p.sourceComment.trim() !== "" || p.sourceGender.trim() !== "";
        const open = p.cycleStatus !== "CLOSED";
        const reopen = open && brings && FOLLOW_UP_REOPENS.includes(p.targetStatus);
        const status: FollowUpStatus = reopen ? "RETURNED" : open && p.targetStatus === "NOT_STARTED" && p.sourceStatus !== "NOT_STARTED" ? "DRAFT" : p.targetStatus;
        await tx.followUp.update({
          where: { id: p.tid },
          data: {
            status,
            assessment: p.targetAssessment ?? p.sourceAssessment,
            comment: appendText(p.targetComment, p.sourceComment, source.name),
            genderPerspective: appendText(p.targetGender, p.sourceGender, source.name),
            ...(reopen ? { reviewedAt: null, reviewedById: null } : {}),
            version: { increment: 1 },
          },
        });
        await tx.followUp.delete({ where: { id: p.sid } });
        if (reopen) reopened.push({ followUpId: p.tid, cycleTitle: p.cycleTitle });
        details.push({ cycleId: p.cycleId, from: p.sid, into: p.tid, lines: p.lines, mergedStatus: p.sourceStatus, status: { from: p.targetStatus, to: status } });
      }
      return { rows: pairs.length, details, reopened };
    },
  },
  TrainingAttendance: {
    column: "divisionId",
    reason: "head-counts of the same event, attendee group and staff category are added into the surviving division's row",
    match: `t."eventId" = s."eventId" AND t."group" = s."group" AND t."staffCategoryId" IS NOT DISTINCT FROM s."staffCategoryId"`,
    async preview() {
      return undefined;
    },
    async fold(tx, source, targetId) {
      const rows = await tx.$queryRawUnsafe<{ sid: string; tid: string; eventId: string; registered: number; attended: number }[]>(
        `WITH pairs AS (
           SELECT s.id AS sid, s."eventId", s.registered, s.attended,
                  (SELECT t.id FROM "TrainingAttendance" t
                    WHERE t."divisionId" = $2::uuid AND t."eventId" = s."eventId" AND t."group" = s."group"
                      AND t."staffCategoryId" IS NOT DISTINCT FROM s."staffCategoryId"
                    ORDER BY t.id LIMIT 1) AS tid
           FROM "TrainingAttendance" s WHERE s."divisionId" = $1::uuid),
         sums AS (SELECT tid, sum(registered) AS registered, sum(attended) AS attended FROM pairs WHERE tid IS NOT NULL GROUP BY tid),
         added AS (
           UPDATE "TrainingAttendance" t
              SET registered = t.registered + sums.registered, attended = t.attended + sums.attended,
                  version = t.version + 1, "updatedAt" = now()
             FROM sums WHERE t.id = sums.tid
           RETURNING t.id),
         folded AS (DELETE FROM "TrainingAttendance" d USING pairs p WHERE d.id = p.sid AND p.tid IS NOT NULL RETURNING d.id)
         SELECT p.sid::text AS sid, p.tid::text AS tid, p."eventId"::text AS "eventId", p.registered, p.attended
           FROM pairs p WHERE p.tid IS NOT NULL ORDER BY p.sid`,
        source.id, targetId);
      return { rows: rows.length, details: rows.map((r) => ({ eventId: r.eventId, from: r.sid, into: r.tid, registered: r.registered, attended: r.attended })), reopened: [] };
    },
  },
};

export type MergeLine = {
  table: string;
  column: string;
  /** Rows of the merged division that move. */
  rows: number;
  /** Of those, rows the surviving division already has (by a unique constraint). */
  duplicates: number;
  /**
   * What happens to duplicates: removed (the surviving division's row is kept), folded into the
   * surviving division's row (DUPLICATES_FOLD), or the merge is refused.
   */
  onDuplicate: "keepSurviving" | "fold" | "refuse";
  /** For folded follow-ups: the lines that move into the surviving follow-ups, and how many of those go back to the division. */
  folded?: { lines: number; reopened: number };
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
  const fold = foldOf(ref);
  if (fold) return `s.${col} = $1::uuid AND EXISTS (SELECT 1 FROM ${quote(ref.table)} t WHERE t.${col} = $2::uuid AND ${fold.match})`;
  const one = indexes.map((index) => {
    const others = index.columns
      .filter((c) => c !== ref.column)
      .map((c) => (index.nullsNotDistinct ? `t.${quote(c)} IS NOT DISTINCT FROM s.${quote(c)}` : `t.${quote(c)} = s.${quote(c)}`));
    return `EXISTS (SELECT 1 FROM ${quote(ref.table)} t WHERE t.${col} = $2::uuid${others.map((o) => ` AND ${o}`).join("")})`;
  });
  return `s.${col} = $1::uuid AND (${one.join(" OR ")})`;
}

const foldOf = (ref: ReferenceColumn): Fold | undefined => {
  const fold = DUPLICATES_FOLD[ref.table];
  return fold && fold.column === ref.column && !ref.isArray ? fold : undefined;
};

const onDuplicateOf = (ref: ReferenceColumn): MergeLine["onDuplicate"] =>
  DUPLICATES_KEEP_SURVIVING[ref.table] ? "keepSurviving" : foldOf(ref) ? "fold" : "refuse";

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
    const onDuplicate = onDuplicateOf(ref);
    const folded = onDuplicate === "fold" && duplicates > 0 ? await foldOf(ref)!.preview(tx, sourceId, targetId) : undefined;
    lines.push({ table: ref.table, column: ref.column, rows, duplicates, onDuplicate, ...(folded ? { folded } : {}) });
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
 * division's row, duplicates of a division's own work (a cycle's follow-up, an event's
 * head-counts) are folded into the surviving division's row (DUPLICATES_FOLD); the merged
 * division stays, deactivated, for its history (audit events keep pointing at it). One audit
 * event lists what moved and what was folded. Any duplicate elsewhere refuses the whole merge,
 * with nothing changed.
 */
export async function mergeDivisions(viewer: Viewer, input: { sourceId: string; targetId: string }): Promise<{ moved: number; folded: number }> {
  if (input.sourceId === input.targetId) throw new DomainRuleError("organisation.validation.sameDivision", "targetId");
  return asOrganisation(viewer, "merge", async (tx) => {
    const plan = await planMerge(tx, input.sourceId, input.targetId, true);
    if (!plan.target.active) throw new DomainRuleError("organisation.errors.mergeIntoInactive", "targetId");
    if (plan.conflicts.length > 0) throw new DomainRuleError("organisation.errors.mergeConflict");
    const moved: Record<string, number> = {};
    const removed: Record<string, number> = {};
    const folded: Record<string, number> = {};
    const foldDetails: Record<string, FoldResult["details"]> = {};
    const reopened: FoldResult["reopened"] = [];
    for (const { ref, duplicateSql } of plan.refs) {
      const key = `${ref.table}.${ref.column}`;
      const fold = foldOf(ref);
      if (duplicateSql && fold) {
        const result = await fold.fold(tx, plan.source, input.targetId);
        if (result.rows > 0) {
          folded[key] = result.rows;
          foldDetails[key] = result.details;
          reopened.push(...result.reopened);
        }
      } else if (duplicateSql && DUPLICATES_KEEP_SURVIVING[ref.table]) {
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
        folded,
        foldDetails,
      },
    });
    // A follow-up that went back to the division tells its heads — the merged division's
    // heads included, whose memberships have just moved.
    for (const r of reopened) {
      await notifyFollowUp(tx, { kind: "followUp.returned", followUpId: r.followUpId, divisionId: input.targetId, cycleTitle: r.cycleTitle });
    }
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
    return { moved: sum(moved), folded: sum(folded) };
  });
}
