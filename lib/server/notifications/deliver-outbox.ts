import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import type { Db } from "@/lib/server/db";
import { asSystem } from "@/lib/server/access/as-system";
import type { EmailAttachment } from "./queue-email";

/** After this many failed attempts an e-mail is marked FAILED and kept with its last error. */
export const MAX_ATTEMPTS = 6;

/**
 * A claim older than this is taken to belong to a sender that died mid-send (a restart, a
 * crash): the e-mail goes back to the queue. SMTP gives up long before (nodemailer's own
 * timeouts are minutes), so a live sender is never overtaken.
 */
export const CLAIM_LEASE_MS = 15 * 60_000;

export type DeliveryResult = { sent: number; logged: number; failed: number; retrying: number };

type Options = {
  /** The time of this run (injected: tests and the retry back-off depend on it). */
  now: Date;
  client?: Db;
  /** Defaults to SMTP_URL; null or missing: write to the log instead. */
  smtpUrl?: string | null;
  from?: string;
  /** How many e-mails one run takes on. */
  limit?: number;
  /** Where "written to the log" goes (the server's log by default). */
  log?: (line: string) => void;
};

const transports = new Map<string, Transporter>();
function transportFor(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  return transport;
}

/**
 * Sends what waits in the outbox. Each e-mail is claimed first (PENDING → SENDING, a
 * conditional update that only one sender can win, in this process or another instance), so
 * it is sent once; a failure puts it back with a growing delay, up to MAX_ATTEMPTS. A claim
 * left behind by a sender that died mid-send is released after CLAIM_LEASE_MS and the e-mail
 * tried again (it may then arrive twice — rather than never), within the same MAX_ATTEMPTS.
 * Without SMTP the e-mail is written to the log and kept in the outbox as LOGGED. Runs as
 * varna_system (asSystem): the app role cannot read the outbox.
 */
export async function deliverOutbox(options: Options): Promise<DeliveryResult> {
  const config = env();
  const client = options.client;
  const smtpUrl = options.smtpUrl === undefined ? (config.SMTP_URL ?? null) : options.smtpUrl;
  const from = options.from ?? config.SMTP_FROM;
  const log = options.log ?? ((line: string) => console.info(line));
  const { now } = options;
  const result: DeliveryResult = { sent: 0, logged: 0, failed: 0, retrying: 0 };

  // Claims abandoned by a sender that died: back to the queue, or FAILED when out of attempts.
  const abandoned = { status: "SENDING" as const, claimedAt: { lt: new Date(now.getTime() - CLAIM_LEASE_MS) } };
  const lost = "Avbröts under sändningen (servern startades om?); försöker igen.";
  await asSystem(async (tx) => {
    await tx.emailOutbox.updateMany({ where: { ...abandoned, attempts: { gte: MAX_ATTEMPTS } }, data: { status: "FAILED", lastError: lost } });
    await tx.emailOutbox.updateMany({ where: abandoned, data: { status: "PENDING", lastError: lost, nextAttemptAt: now } });
  }, { client });

  const candidates = await asSystem((tx) => tx.emailOutbox.findMany({
    where: { status: "PENDING", nextAttemptAt: { lte: now } },
    orderBy: { createdAt: "asc" },
    take: options.limit ?? 50,
    select: { id: true },
  }), { client });

  for (const { id } of candidates) {
    // The claim: of two senders racing for this row, the second finds it no longer PENDING.
    const claim = await asSystem((tx) => tx.emailOutbox.updateMany({
      where: { id, status: "PENDING" },
      data: { status: "SENDING", claimedAt: now, attempts: { increment: 1 } },
    }), { client });
    if (claim.count === 0) continue;
    const email = await asSystem((tx) => tx.emailOutbox.findUniqueOrThrow({ where: { id } }), { client });

    if (!smtpUrl) {
      log(
        `[e-post, ingen SMTP_URL] till ${email.toAddress} – ${email.subject}\n${email.text}` +
          (Array.isArray(email.attachments) && email.attachments.length ? `\n(${email.attachments.length} bilaga/bilagor)` : ""),
      );
      await asSystem((tx) => tx.emailOutbox.update({ where: { id }, data: { status: "LOGGED", sentAt: now } }), { client });
      result.logged++;
      continue;
    }

    try {
      const attachments = (email.attachments as EmailAttachment[] | null) ?? [];
      await transportFor(smtpUrl).sendMail({
        from,
        to: email.toAddress,
        subject: email.subject,
        text: email.text,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
      });
      await asSystem((tx) => tx.emailOutbox.update({ where: { id }, data: { status: "SENT", sentAt: now, lastError: null } }), { client });
      result.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const giveUp = email.attempts >= MAX_ATTEMPTS;
      // 2, 4, 8 … minutes: a short SMTP outage heals by itself, a long one does not flood.
      const delayMs = 2 ** email.attempts * 60_000;
      await asSystem((tx) => tx.emailOutbox.update({
        where: { id },
        data: giveUp
          ? { status: "FAILED", lastError: message }
          : { status: "PENDING", lastError: message, nextAttemptAt: new Date(now.getTime() + delayMs) },
      }), { client });
      if (giveUp) result.failed++;
      else result.retrying++;
    }
  }
  return result;
}
