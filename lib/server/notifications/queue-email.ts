import "server-only";
import type { DbTx } from "@/lib/server/db";

export type EmailAttachment = { filename: string; contentType: string; content: string };

export type QueuedEmail = {
  to: string;
  /** The recipient's account, when they have one (null for an external guest). */
  userId?: string | null;
  subject: string;
  text: string;
  /** What the e-mail is about, e.g. a notification kind or `meetingInvitation`. */
  kind: string;
  /** Once per key: queueing a second e-mail with the same key does nothing. */
  dedupeKey?: string | null;
  /** Text attachments, e.g. an iCalendar invitation (`text/calendar; method=REQUEST`). */
  attachments?: EmailAttachment[];
  /**
   * When it may first be sent: the caller's "now" when it has one of its own (the reminder
   * sweep runs at an injected time); otherwise the database's clock at the insert.
   */
  notBefore?: Date;
};

/**
 * Puts an e-mail in the outbox inside the caller's transaction: it is sent (or, without SMTP,
 * written to the log) after the change commits, and never when the change rolls back. The
 * outbox row is the e-mail's durable record, so nothing is lost when SMTP is down — the
 * sender retries. Returns whether it was queued (false: an e-mail with this key already was).
 */
export async function queueEmail(tx: DbTx, email: QueuedEmail): Promise<boolean> {
  // createMany: a plain INSERT … ON CONFLICT DO NOTHING without RETURNING — the app role may
  // add to the outbox but not read it (other people's addresses).
  const { count } = await tx.emailOutbox.createMany({
    data: [
      {
        toAddress: email.to,
        userId: email.userId ?? null,
        subject: email.subject.slice(0, 300),
        text: email.text,
        kind: email.kind,
        dedupeKey: email.dedupeKey ?? null,
        attachments: email.attachments ?? [],
        ...(email.notBefore ? { nextAttemptAt: email.notBefore } : {}),
      },
    ],
    skipDuplicates: true,
  });
  return count > 0;
}
