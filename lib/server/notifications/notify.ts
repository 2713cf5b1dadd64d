import "server-only";
import type { DbTx } from "@/lib/server/db";
import type { NotificationKind, NotificationParams } from "@/lib/notifications/kinds";
import { queueEmail } from "./queue-email";
import { renderNotificationEmail } from "./render";
import { appUrl } from "./app-url";

export type NotifyInput = {
  /** Who is told; inactive accounts and repeats are skipped. */
  userIds: readonly string[];
  kind: NotificationKind;
  /** Fills the kind's catalog texts (`notifications.kinds.<kind>`); `…Date` params are `YYYY-MM-DD`. */
  params?: NotificationParams;
  /** A path inside the app (`/uppfoljning/…`), never an outside address. */
  link?: string | null;
  /**
   * Once per user and key, however often notify() is called with it (e.g.
   * `followUp.returned:<id>:<version>`): the notification and its e-mail are not made again.
   * Without a key every call notifies.
   */
  dedupeKey?: string | null;
  /** Also by e-mail (default): through SMTP when configured, else to the log and the outbox. */
  email?: boolean;
  /** The caller's "now" (the reminder sweep's): its e-mails are due from then. */
  now?: Date;
};

/**
 * Tells users about something, inside the caller's transaction: in-app notifications (the
 * bell) and, per recipient, an e-mail in the outbox — saved with the change that caused them,
 * or not at all. Call it from a use case after its change (it runs under the caller's viewer;
 * row-level security lets any signed-in viewer notify others but only read their own) or from
 * the reminder sweep. Returns how many notifications were new.
 */
export async function notify(tx: DbTx, input: NotifyInput): Promise<number> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return 0;
  const link = input.link ?? null;
  if (link !== null && !(link.startsWith("/") && !link.startsWith("//"))) {
    throw new Error(`notify(): link must be a path inside the app, got ${JSON.stringify(link)}`);
  }
  const params = input.params ?? {};
  const dedupeKey = input.dedupeKey ?? null;
  const recipients = await tx.user.findMany({
    where: { id: { in: userIds }, active: true },
    select: { id: true, name: true, email: true, locale: true },
    orderBy: { id: "asc" },
  });
  if (recipients.length === 0) return 0;

  // createMany: INSERT … ON CONFLICT DO NOTHING without RETURNING, since the caller may not
  // read other users' notifications; the unique (userId, dedupeKey) makes a repeat a no-op.
  const { count } = await tx.notification.createMany({
    data: recipients.map((r) => ({ userId: r.id, kind: input.kind, params, link, dedupeKey })),
    skipDuplicates: true,
  });

  if (input.email !== false) {
    const base = appUrl();
    for (const r of recipients) {
      const { subject, text } = renderNotificationEmail(r, { kind: input.kind, params, link }, base);
      await queueEmail(tx, {
        to: r.email,
        userId: r.id,
        subject,
        text,
        kind: input.kind,
        dedupeKey: dedupeKey === null ? null : `notification:${r.id}:${dedupeKey}`,
        notBefore: input.now,
      });
    }
  }
  return count;
}
