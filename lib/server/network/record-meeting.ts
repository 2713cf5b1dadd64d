import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { decisionLines, type recordMeetingSchema } from "@/lib/schemas/network";

/**
 * Records a held meeting: its minutes, who was present or absent, and its decisions as a
 * numbered list. Recording again corrects the record; decision n keeps its id (and the
 * action items made from it) while its text changes, extra ones are removed.
 */
export async function recordMeeting(viewer: Viewer, input: z.output<typeof recordMeetingSchema>): Promise<{ version: number }> {
  authorize(viewer, "networkMeeting", "update");
  const decisions = decisionLines(input.decisions);
  return withViewer(viewer, async (tx) => {
    const found = await tx.networkMeeting.findUnique({
      where: { id: input.id },
      select: { status: true, decisions: { orderBy: { sortOrder: "asc" }, select: { id: true } } },
    });
    if (!found) throw new NotFoundError("NetworkMeeting");
    if (found.status === "CANCELLED") throw new DomainRuleError("network.errors.meetingCancelled");
    const userIds = [...new Set(input.attendance.map((a) => a.userId))];
    if (userIds.length !== input.attendance.length) throw new DomainRuleError("network.errors.attendanceInvalid");
    const known = await tx.user.count({ where: { id: { in: userIds } } });
    if (known !== userIds.length) throw new DomainRuleError("network.errors.attendanceInvalid");

    await updateVersioned(tx, "networkMeeting", {
      id: input.id, expectedVersion: input.version, data: { minutes: input.minutes, status: "HELD" },
    });
    await tx.meetingAttendance.deleteMany({ where: { meetingId: input.id, userId: { notIn: userIds } } });
    for (const a of input.attendance) {
      await tx.meetingAttendance.upsert({
        where: { meetingId_userId: { meetingId: input.id, userId: a.userId } },
        create: { meetingId: input.id, userId: a.userId, present: a.present },
        update: { present: a.present },
      });
    }
    for (const [index, text] of decisions.entries()) {
      const existing = found.decisions[index];
      if (existing) await tx.meetingDecision.update({ where: { id: existing.id }, data: { text, sortOrder: index + 1 } });
      else await tx.meetingDecision.create({ data: { meetingId: input.id, text, sortOrder: index + 1 } });
    }
    const extra = found.decisions.slice(decisions.length).map((d) => d.id);
    if (extra.length > 0) await tx.meetingDecision.deleteMany({ where: { id: { in: extra } } });

    await recordAudit(tx, viewer, {
      action: found.status === "HELD" ? "networkMeeting.recordCorrected" : "networkMeeting.record",
      entityType: "NetworkMeeting",
      entityId: input.id,
      details: {
        present: input.attendance.filter((a) => a.present).length,
        absent: input.attendance.filter((a) => !a.present).length,
        decisions: decisions.length,
        removedDecisions: extra.length,
      },
    });
    return { version: input.version + 1 };
  });
}
