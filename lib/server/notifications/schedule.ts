import "server-only";
import { env } from "@/lib/env";
import { runReminderSweep } from "./reminders";
import { deliverOutbox } from "./deliver-outbox";

/** How often the outbox is looked at between sweeps: e-mails of a user's action go out soon. */
const DELIVERY_INTERVAL_MS = 30_000;

const started = Symbol.for("varna.reminder-schedule");

/**
 * Started once per server process (instrumentation.ts): the reminder sweep every
 * REMINDER_SWEEP_INTERVAL_SECONDS and outbox delivery every 30 s. Nothing here is state that
 * matters: the schedule is the data itself (due dates and dedupe keys in PostgreSQL), so any
 * number of instances may run it — the advisory lock and the outbox claim keep each reminder
 * and each e-mail to one. A failed run is logged and the next one tries again.
 */
export function startReminderSchedule(): void {
  const g = globalThis as { [started]?: boolean };
  if (g[started]) return;
  const seconds = env().REMINDER_SWEEP_INTERVAL_SECONDS;
  if (seconds === 0) return;
  g[started] = true;

  let busy = false;
  const run = async (sweep: boolean) => {
    if (busy) return;
    busy = true;
    try {
      const now = new Date();
      if (sweep) await runReminderSweep({ now });
      await deliverOutbox({ now });
    } catch (error) {
      console.error("Påminnelser/e-post: körningen misslyckades, nästa försöker igen.", error);
    } finally {
      busy = false;
    }
  };
  // The first sweep shortly after start, not during it (migrations, the first requests).
  setTimeout(() => void run(true), 10_000).unref();
  setInterval(() => void run(true), seconds * 1000).unref();
  setInterval(() => void run(false), Math.min(DELIVERY_INTERVAL_MS, seconds * 1000)).unref();
}
