import "server-only";
import type { Db, DbTx } from "@/lib/server/db";
import { asSystem } from "@/lib/server/access/as-system";
import { recordAudit } from "@/lib/server/audit/record";
import type { NotificationKind, NotificationParams } from "@/lib/notifications/kinds";
import { readSetting } from "@/lib/server/organisation/settings";
import { notify } from "./notify";

// The reminder schedule. What is due lives in the domain's own rows (a follow-up cycle's due
// date, an action item's due date, entries waiting for review); what has been reminded lives
// in the notifications' unique (user, dedupe key). A sweep compares the two at an injected
// "now" and makes what is missing, so the schedule is durable (a sweep after a day of
// downtime catches up) and each reminder happens exactly once: a concurrent sweep on another
// instance finds the advisory lock taken and stops, and a later one finds the keys taken.

/** Days before its due date when an action item's "due soon" reminder goes out. A follow-up's
 * goes out the organisation setting `followUp.reminderLeadDays` ahead (default 7, issue 16). */
export const DUE_SOON_DAYS = 7;
/** pg_advisory_xact_lock key of the sweep (the audit chain uses 7660136017). */
export const SWEEP_LOCK_KEY = 7660136018n;

const TIME_ZONE = "Europe/Stockholm";

/** The calendar day in Stockholm at `now`, as `YYYY-MM-DD` (what "due" and "overdue" are counted in). */
export function stockholmDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export type Reminder = {
  userIds: string[];
  kind: NotificationKind;
  params: NotificationParams;
  link: string;
  dedupeKey: string;
};

/** What the rules read: open follow-ups, open action items, entries waiting, and who is told. */
export type ReminderInput = {
  /** How many days before its due date a follow-up is reminded (the setting). */
  followUpLeadDays: number;
  followUps: { id: string; cycleTitle: string; dueDate: string; divisionName: string; headIds: string[] }[];
  actionItems: { id: string; title: string; dueDate: string; ownerId: string }[];
  entriesAwaitingReview: number;
  coordinatorIds: string[];
};

/**
 * The rules, pure: given what is open and today's date (Stockholm), the reminders that are due.
 * A key names the record and its due date, so a moved due date is reminded again; the "due
 * soon" and "overdue" reminders are separate keys, each made once.
 */
export function dueReminders(input: ReminderInput, today: string): Reminder[] {
  const followUpHorizon = addDays(today, input.followUpLeadDays);
  const horizon = addDays(today, DUE_SOON_DAYS);
  const out: Reminder[] = [];
  for (const f of input.followUps) {
    if (f.dueDate > followUpHorizon || f.headIds.length === 0) continue;
    const overdue = f.dueDate < today;
    out.push({
      userIds: f.headIds,
      kind: overdue ? "followUpOverdue" : "followUpDueSoon",
      params: { cycle: f.cycleTitle, division: f.divisionName, dueDate: f.dueDate },
      link: "/uppfoljning",
      dedupeKey: `followUp.${overdue ? "overdue" : "dueSoon"}:${f.id}:${f.dueDate}`,
    });
  }
  for (const a of input.actionItems) {
    if (a.dueDate > horizon) continue;
    const overdue = a.dueDate < today;
    out.push({
      userIds: [a.ownerId],
      kind: overdue ? "actionItemOverdue" : "actionItemDueSoon",
      params: { title: a.title, dueDate: a.dueDate },
      link: "/atgarder",
      dedupeKey: `actionItem.${overdue ? "overdue" : "dueSoon"}:${a.id}:${a.dueDate}`,
    });
  }
  // One reminder a day while anything waits, not one per entry: the coordinator reviews them
  // together, and the notification names no entry (the situation picture is read in the app).
  if (input.entriesAwaitingReview > 0 && input.coordinatorIds.length > 0) {
    out.push({
      userIds: input.coordinatorIds,
      kind: "entriesAwaitingReview",
      params: { count: input.entriesAwaitingReview },
      link: "/lagesbild?status=SUBMITTED",
      dedupeKey: `situationEntries.awaitingReview:${today}`,
    });
  }
  return out;
}

/** Reads what the rules need, as the system (a system job: every division, no viewer). */
export async function loadReminderInput(tx: DbTx, today: string): Promise<ReminderInput> {
  const followUpLeadDays = await readSetting(tx, "reminderLeadDays");
  const followUpHorizon = new Date(`${addDays(today, followUpLeadDays)}T00:00:00Z`);
  const horizon = new Date(`${addDays(today, DUE_SOON_DAYS)}T00:00:00Z`);
  const [followUps, actionItems, entriesAwaitingReview, coordinators] = await Promise.all([
    tx.followUp.findMany({
      where: { status: { in: ["NOT_STARTED", "DRAFT", "RETURNED"] }, cycle: { status: "OPEN", dueDate: { lte: followUpHorizon } } },
      select: {
        id: true,
        cycle: { select: { title: true, dueDate: true } },
        division: {
          select: {
            name: true,
            memberships: { where: { user: { role: "DIVISION_HEAD", active: true } }, select: { userId: true } },
          },
        },
      },
      orderBy: { id: "asc" },
    }),
    tx.actionItem.findMany({
      where: { status: { in: ["OPEN", "IN_PROGRESS"] }, dueDate: { lte: horizon }, owner: { active: true } },
      select: { id: true, title: true, dueDate: true, ownerId: true },
      orderBy: { id: "asc" },
    }),
    tx.situationEntry.count({ where: { status: "SUBMITTED" } }),
    tx.user.findMany({ where: { role: "COORDINATOR", active: true }, select: { id: true }, orderBy: { id: "asc" } }),
  ]);
  return {
    followUpLeadDays,
    followUps: followUps.map((f) => ({
      id: f.id,
      cycleTitle: f.cycle.title,
      dueDate: isoDate(f.cycle.dueDate),
      divisionName: f.division.name,
      headIds: f.division.memberships.map((m) => m.userId),
    })),
    actionItems: actionItems.map((a) => ({ id: a.id, title: a.title, dueDate: isoDate(a.dueDate), ownerId: a.ownerId })),
    entriesAwaitingReview,
    coordinatorIds: coordinators.map((c) => c.id),
  };
}

export type SweepResult =
  | { ran: false }
  | { ran: true; today: string; due: number; created: number };

/**
 * One sweep at `now`: under a transaction-scoped advisory lock (another instance sweeping at
 * the same moment returns `{ ran: false }`), makes the reminders that are due and not yet
 * made — notifications and their e-mails in the outbox — in one transaction, audited.
 * E-mails go out afterwards with deliverOutbox().
 */
export async function runReminderSweep({ now, client }: { now: Date; client?: Db }): Promise<SweepResult> {
  return asSystem(
    async (tx) => {
      const lock = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SWEEP_LOCK_KEY}) AS locked`;
      if (!lock[0]?.locked) return { ran: false } as const;
      const today = stockholmDate(now);
      const reminders = dueReminders(await loadReminderInput(tx, today), today);
      let created = 0;
      for (const r of reminders) created += await notify(tx, { ...r, now });
      if (created > 0) {
        await recordAudit(tx, null, {
          action: "reminders.sweep",
          entityType: "reminder",
          details: { today, due: reminders.length, created },
        });
      }
      return { ran: true, today, due: reminders.length, created } as const;
    },
    { maxWait: 30_000, timeout: 60_000, client },
  );
}
