import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { scopes, within } from "@/lib/server/access/scope";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { ActionItemStatus, MeetingStatus, NetworkResponsibility } from "@/lib/server/generated/prisma/enums";

export type MeetingDetail = {
  id: string;
  version: number;
  title: string;
  scheduledAt: Date;
  durationMinutes: number;
  location: string | null;
  videoUrl: string | null;
  agenda: string;
  minutes: string;
  status: MeetingStatus;
  cancelReason: string;
  /** How many times the invitation went out by e-mail, and when last. */
  invitationsSent: number;
  invitationsSentAt: Date | null;
  /** Everyone recorded as present or absent, and the current members not yet recorded. */
  attendance: { userId: string; name: string; division: string | null; present: boolean | null }[];
  decisions: { id: string; number: number; text: string; actionItems: number }[];
  actionItems: { id: string; title: string; owner: string; division: string | null; dueDate: Date; status: ActionItemStatus; decisionId: string | null }[];
  /** For the coordinator's action-item form: who may own one, and for which divisions. */
  members: { userId: string; name: string; divisionId: string; division: string; responsibilities: NetworkResponsibility[] }[];
};

/** One meeting with its minutes, attendance, decisions and the action items the viewer may see. */
export async function getMeeting(viewer: Viewer, id: string): Promise<MeetingDetail> {
  authorize(viewer, "networkMeeting", "read");
  const itemScope = scopes.actionItem(viewer, "list");
  return withViewer(viewer, async (tx) => {
    const meeting = await tx.networkMeeting.findUnique({
      where: { id },
      select: {
        id: true, version: true, title: true, scheduledAt: true, durationMinutes: true, location: true, videoUrl: true,
        agenda: true, minutes: true, status: true, cancelReason: true, invitationsSent: true, invitationsSentAt: true,
        attendance: { select: { userId: true, present: true, user: { select: { name: true } } } },
        decisions: { orderBy: { sortOrder: "asc" }, select: { id: true, text: true, _count: { select: { actionItems: true } } } },
      },
    });
    if (!meeting) throw new NotFoundError("NetworkMeeting");
    // One after the other: a transaction's connection runs one query at a time.
    const items = await tx.actionItem.findMany({
        where: within(itemScope, { meetingId: id }),
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        select: { id: true, title: true, dueDate: true, status: true, decisionId: true, owner: { select: { name: true } }, division: { select: { name: true } } },
      });
    const memberships = await tx.networkMembership.findMany({
        where: { active: true, user: { active: true } },
        select: { userId: true, divisionId: true, responsibilities: true, user: { select: { name: true } }, division: { select: { name: true } } },
      });
    const members = memberships
      .map((m) => ({ userId: m.userId, name: m.user.name, divisionId: m.divisionId, division: m.division.name, responsibilities: m.responsibilities }))
      .sort((a, b) => a.name.localeCompare(b.name, "sv"));
    const recorded = new Map(meeting.attendance.map((a) => [a.userId, a]));
    const attendance = [
      ...meeting.attendance.map((a) => ({
        userId: a.userId, name: a.user.name, division: members.find((m) => m.userId === a.userId)?.division ?? null, present: a.present as boolean | null,
      })),
      ...[...new Map(members.filter((m) => !recorded.has(m.userId)).map((m) => [m.userId, m])).values()].map((m) => ({
        userId: m.userId, name: m.name, division: m.division, present: null,
      })),
    ].sort((a, b) => a.name.localeCompare(b.name, "sv"));
    return {
      ...meeting,
      attendance,
      decisions: meeting.decisions.map((d, i) => ({ id: d.id, number: i + 1, text: d.text, actionItems: d._count.actionItems })),
      actionItems: items.map((i) => ({
        id: i.id, title: i.title, owner: i.owner.name, division: i.division?.name ?? null, dueDate: i.dueDate, status: i.status, decisionId: i.decisionId,
      })),
      members,
    };
  });
}
