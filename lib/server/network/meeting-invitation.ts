import "server-only";
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { authorize } from "@/lib/server/access/authorize";
import { may } from "@/lib/access/permissions";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import { MEETING_TIME_ZONE, stockholmWallClock } from "@/lib/network/stockholm-time";

// Outlook resolves TZID only against a VTIMEZONE in the file itself: Stockholm's rules since
// 1996 (EU summer time: last Sunday of March 02:00 → last Sunday of October 03:00).
const STOCKHOLM_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Stockholm",
  "X-LIC-LOCATION:Europe/Stockholm",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

export type Invitation = { filename: string; body: string; title: string; recipients: { id: string; name: string; email: string; locale: string }[] };

/**
 * The calendar file of one meeting, from a transaction that may read it. As an invitation
 * (`METHOD:REQUEST`, or `CANCEL` once cancelled) the organizer is whoever convenes — the
 * coordinator — and every member an attendee. Anyone else who downloads it gets a plain entry for
 * their own calendar (`METHOD:PUBLISH`, no organizer, no attendees): Outlook would otherwise make
 * the downloading member the meeting's organizer and offer to send it to everyone.
 */
export async function buildInvitation(
  tx: DbTx,
  meetingId: string,
  organizer: { name: string; email: string } | null,
): Promise<Invitation> {
  const meeting = await tx.networkMeeting.findUnique({
    where: { id: meetingId },
    select: { id: true, title: true, scheduledAt: true, durationMinutes: true, location: true, videoUrl: true, agenda: true, status: true, version: true },
  });
  if (!meeting) throw new NotFoundError("NetworkMeeting");
  const members = await tx.networkMembership.findMany({
    where: { active: true, user: { active: true } },
    select: { user: { select: { id: true, name: true, email: true, locale: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const recipients = [...new Map(members.map((m) => [m.user.email, m.user])).values()];
  const calendar = ical({
    prodId: { company: "Värna", product: "VBE-nätverket", language: "SV" },
    name: "VBE-nätverket",
    method: !organizer ? ICalCalendarMethod.PUBLISH : meeting.status === "CANCELLED" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: MEETING_TIME_ZONE, generator: () => STOCKHOLM_VTIMEZONE },
  });
  // ical-generator writes a Date's UTC fields as the time zone's clock time (TOOLCHAIN.md):
  // hand it Stockholm's wall clock, so 09:00 in Nyköping is DTSTART;TZID=Europe/Stockholm:…T090000.
  const start = stockholmWallClock(meeting.scheduledAt);
  const end = stockholmWallClock(new Date(meeting.scheduledAt.getTime() + meeting.durationMinutes * 60_000));
  calendar.createEvent({
    id: `${meeting.id}@varna`,
    sequence: meeting.version,
    start,
    end,
    timezone: MEETING_TIME_ZONE,
    summary: meeting.title,
    description: [meeting.agenda, meeting.videoUrl ? `Videolänk: ${meeting.videoUrl}` : ""].filter(Boolean).join("\n\n"),
    location: meeting.location ?? meeting.videoUrl ?? undefined,
    url: meeting.videoUrl ?? undefined,
    status: meeting.status === "CANCELLED" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    ...(organizer ? { organizer, attendees: recipients.map((r) => ({ name: r.name, email: r.email, rsvp: true })) } : {}),
  });
  const date = start.toISOString().slice(0, 10);
  return { filename: `natverksmote-${date}.ics`, body: calendar.toString(), title: meeting.title, recipients };
}

/**
 * Downloads a meeting's calendar file (.ics) for whoever reads the network's meetings; audited.
 * The one who convenes (may plan meetings: the coordinator) gets the invitation to send; anyone
 * else an entry for their own calendar (see buildInvitation).
 */
export async function getMeetingInvitation(viewer: Viewer, meetingId: string): Promise<Invitation> {
  authorize(viewer, "networkMeeting", "read");
  const convenes = may(viewer.role, "networkMeeting", "create");
  return withViewer(viewer, async (tx) => {
    const invitation = await buildInvitation(tx, meetingId, convenes ? { name: viewer.name, email: viewer.email } : null);
    await recordAudit(tx, viewer, { action: "networkMeeting.invitation", entityType: "NetworkMeeting", entityId: meetingId, details: { format: "ics" } });
    return invitation;
  });
}
