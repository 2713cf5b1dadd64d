import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { attendanceSchema } from "@/lib/schemas/training";
import type { z } from "zod";
import { requireCompetenceDeveloper, stockholmLocal, stockholmToday } from "./common";

/**
 * Records who came to an event from one division: head-counts per staff category, plus rows
 * for the division's managers and elected officials (issue 10 point 4). The rows given replace
 * the division's earlier rows for the event, in one transaction; two people saving the same
 * sheet at once take turns (an advisory lock per event and division). The coordinator for any
 * division; a network member with the competence-development responsibility for their own.
 * Attendance is recorded after the event (issue 10 point 4): from the event's day on (Stockholm
 * time, `now` injected for tests), never for a cancelled event. The first sheet marks a planned
 * event held, in the same transaction (its version bumped), so the dashboard and the yearly
 * evaluation — which count the attendance of held events — count it.
 */
export async function recordAttendance(viewer: Viewer, input: z.output<typeof attendanceSchema>, now = new Date()): Promise<void> {
  const scope = scopes.trainingAttendance(viewer, "create");
  scopes.trainingAttendance(viewer, "delete");
  if ("divisionId" in scope && !viewer.divisionIds.includes(input.divisionId)) {
    throw new DomainRuleError("training.errors.foreignDivision", "divisionId");
  }
  await withViewer(viewer, async (tx) => {
    await requireCompetenceDeveloper(tx, viewer, "trainingAttendance", "create", viewer.role === "COORDINATOR" ? undefined : input.divisionId);
    const event = await tx.trainingEvent.findUnique({ where: { id: input.eventId }, select: { id: true, status: true, startsAt: true } });
    if (!event) throw new NotFoundError("trainingEvent");
    if (event.status === "CANCELLED") throw new DomainRuleError("training.errors.eventCancelled");
    if (stockholmLocal(event.startsAt).slice(0, 10) > stockholmToday(now)) throw new DomainRuleError("training.errors.eventNotHeldYet");
    if (!(await tx.division.count({ where: { id: input.divisionId } }))) throw new DomainRuleError("training.errors.foreignDivision", "divisionId");
    const categoryIds = [...new Set(input.rows.flatMap((r) => (r.group === "STAFF" && r.staffCategoryId ? [r.staffCategoryId] : [])))];
    if ((await tx.staffCategory.count({ where: { id: { in: categoryIds } } })) !== categoryIds.length) {
      throw new DomainRuleError("training.errors.unknownCategory", "rows");
    }
    if (event.status === "PLANNED") {
      // Planned → held, once; the row lock this takes makes a concurrent cancel wait and then
      // find a newer version (stale). Nothing changed means a concurrent cancel got there first.
      const { count } = await tx.trainingEvent.updateMany({ where: { id: event.id, status: "PLANNED" }, data: { status: "HELD", version: { increment: 1 } } });
      if (count === 0) {
        const current = await tx.trainingEvent.findUnique({ where: { id: event.id }, select: { status: true } });
        if (current?.status !== "HELD") throw new DomainRuleError("training.errors.eventCancelled");
      }
    }
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`attendance:${input.eventId}:${input.divisionId}`}))`;
    await tx.trainingAttendance.deleteMany({ where: within(scope, { eventId: event.id, divisionId: input.divisionId }) });
    const rows = input.rows.filter((r) => r.registered > 0 || r.attended > 0);
    if (rows.length) {
      await tx.trainingAttendance.createMany({
        data: rows.map((r) => ({
          eventId: event.id, divisionId: input.divisionId, group: r.group,
          staffCategoryId: r.group === "STAFF" && r.staffCategoryId ? r.staffCategoryId : null, registered: r.registered, attended: r.attended,
        })),
      });
    }
    await recordAudit(tx, viewer, {
      action: "trainingAttendance.record",
      entityType: "TrainingEvent",
      entityId: event.id,
      divisionId: input.divisionId,
      details: { rows: rows.length, attended: rows.reduce((s, r) => s + r.attended, 0), ...(event.status === "PLANNED" ? { markedHeld: true } : {}) },
    });
  });
}
