import "server-only";
import { createTranslator } from "use-intl/core";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { queueEmail } from "@/lib/server/notifications/queue-email";
import { appUrl } from "@/lib/server/notifications/app-url";
import { MESSAGES } from "@/lib/i18n/messages";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/config";
import { MEETING_TIME_ZONE } from "@/lib/network/stockholm-time";
import type { Viewer } from "@/lib/access/viewer";
import { buildInvitation } from "./meeting-invitation";

export type InviteInput = {
  id: string;
  /** How many times the invitation had gone out when the coordinator pressed the button (the page's view). */
  invitationsSent: number;
  /** Required to send it again: resending asks for a confirmation first. */
  resend?: boolean;
};

export type InviteResult = { queued: number; recipients: number; sendNumber: number };

type MeetingFacts = { id: string; title: string; scheduledAt: Date; location: string | null; videoUrl: string | null; agenda: string };

/** An invitation e-mail in the recipient's language (the catalog's `network.invitationEmail`). */
export function renderInvitationEmail(
  recipient: { name: string; locale: string },
  meeting: MeetingFacts,
  organizer: string,
  baseUrl: string,
): { subject: string; text: string } {
  const locale: Locale = isLocale(recipient.locale) ? recipient.locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: MESSAGES[locale], timeZone: MEETING_TIME_ZONE, namespace: "network.invitationEmail" });
  const when = new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "full", timeStyle: "short", timeZone: MEETING_TIME_ZONE,
  }).format(meeting.scheduledAt);
  const lines = [t("greeting", { name: recipient.name }), "", t("intro"), "", t("title", { title: meeting.title }), t("when", { when })];
  if (meeting.location) lines.push(t("place", { place: meeting.location }));
  if (meeting.videoUrl) lines.push(t("video", { url: meeting.videoUrl }));
  lines.push("", t("agenda"), meeting.agenda.trim() || t("noAgenda"), "", t("calendar"));
  lines.push(t("link", { url: new URL(`/natverk/moten/${meeting.id}`, baseUrl).toString() }), "", "—", t("footer", { organizer }));
  return { subject: t("subject", { title: meeting.title, when }), text: lines.join("\n") };
}

/**
 * Sends every active network member the planned meeting's invitation by e-mail: one message
 * each (Swedish subject and body: title, time in Stockholm, place or link, agenda) with the
 * meeting's iCalendar file (METHOD:REQUEST) attached as text/calendar. The e-mails go into the
 * outbox inside this transaction (sent after it commits, through SMTP or to the log). A meeting
 * whose invitation already went out is sent again only with `resend` (the page asks first);
 * `invitationsSent` is the count the coordinator saw, so two presses at once send once — the
 * second finds the count moved, and each send's outbox keys are unique per member. Audited.
 */
export async function inviteMembersByEmail(viewer: Viewer, input: InviteInput): Promise<InviteResult> {
  authorize(viewer, "networkMeeting", "update");
  return withViewer(viewer, async (tx) => {
    const meeting = await tx.networkMeeting.findUnique({
      where: { id: input.id },
      select: { id: true, title: true, scheduledAt: true, location: true, videoUrl: true, agenda: true, status: true, invitationsSent: true },
    });
    if (!meeting) throw new NotFoundError("NetworkMeeting");
    if (meeting.status !== "PLANNED") throw new DomainRuleError("network.errors.meetingNotPlanned");
    if (meeting.invitationsSent > 0 && !input.resend) throw new DomainRuleError("network.errors.alreadyInvited");
    if (meeting.invitationsSent !== input.invitationsSent) throw new StaleEditError("networkMeeting");
    const sendNumber = meeting.invitationsSent + 1;
    // The claim: of two presses at once, only one moves the count from what both saw.
    const { count } = await tx.networkMeeting.updateMany({
      where: { id: meeting.id, invitationsSent: meeting.invitationsSent, status: "PLANNED" },
      data: { invitationsSent: sendNumber, invitationsSentAt: new Date() },
    });
    if (count === 0) throw new StaleEditError("networkMeeting");

    const invitation = await buildInvitation(tx, meeting.id, { name: viewer.name, email: viewer.email });
    const base = appUrl();
    let queued = 0;
    for (const recipient of invitation.recipients) {
      const { subject, text } = renderInvitationEmail(recipient, meeting, viewer.name, base);
      const added = await queueEmail(tx, {
        to: recipient.email,
        userId: recipient.id,
        subject,
        text,
        kind: "meetingInvitation",
        dedupeKey: `meetingInvitation:${meeting.id}:${sendNumber}:${recipient.id}`,
        attachments: [{ filename: invitation.filename, contentType: "text/calendar; charset=utf-8; method=REQUEST", content: invitation.body }],
      });
      if (added) queued++;
    }
    await recordAudit(tx, viewer, {
      action: "networkMeeting.invite",
      entityType: "NetworkMeeting",
      entityId: meeting.id,
      // Who was invited (user ids, not addresses) and which sending this was.
      details: { sendNumber, queued, recipientIds: invitation.recipients.map((r) => r.id) },
    });
    return { queued, recipients: invitation.recipients.length, sendNumber };
  });
}
