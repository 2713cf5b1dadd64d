import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { fromStockholmLocal } from "@/lib/network/stockholm-time";
import type { planMeetingSchema, updateMeetingSchema } from "@/lib/schemas/network";

type PlanInput = z.output<typeof planMeetingSchema>;

const fields = (input: PlanInput) => ({
  title: input.title,
  scheduledAt: fromStockholmLocal(input.scheduledAt)!,
  durationMinutes: input.durationMinutes,
  location: input.location || null,
  videoUrl: input.videoUrl || null,
  agenda: input.agenda,
});

/** The coordinator convenes the network: a planned meeting with its time, place or link and agenda. */
export async function planMeeting(viewer: Viewer, input: PlanInput): Promise<{ id: string }> {
  authorize(viewer, "networkMeeting", "create");
  return withViewer(viewer, async (tx) => {
    const meeting = await tx.networkMeeting.create({ data: fields(input), select: { id: true } });
    await recordAudit(tx, viewer, {
      action: "networkMeeting.plan",
      entityType: "NetworkMeeting",
      entityId: meeting.id,
      details: { title: input.title, scheduledAt: fromStockholmLocal(input.scheduledAt)!.toISOString() },
    });
    return meeting;
  });
}

/** Changes a planned meeting (time, place, agenda); a held or cancelled one is history. */
export async function updateMeetingPlan(viewer: Viewer, input: z.output<typeof updateMeetingSchema>): Promise<{ version: number }> {
  authorize(viewer, "networkMeeting", "update");
  return withViewer(viewer, async (tx) => {
    const found = await tx.networkMeeting.findUnique({ where: { id: input.id }, select: { status: true } });
    if (!found) throw new NotFoundError("NetworkMeeting");
    if (found.status !== "PLANNED") throw new DomainRuleError("network.errors.meetingNotPlanned");
    await updateVersioned(tx, "networkMeeting", { id: input.id, expectedVersion: input.version, data: fields(input) });
    await recordAudit(tx, viewer, {
      action: "networkMeeting.update",
      entityType: "NetworkMeeting",
      entityId: input.id,
      details: { title: input.title, scheduledAt: fromStockholmLocal(input.scheduledAt)!.toISOString() },
    });
    return { version: input.version + 1 };
  });
}
