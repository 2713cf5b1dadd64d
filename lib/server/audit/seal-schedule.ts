import "server-only";
import { env } from "@/lib/env";
import { sealAuditEvents } from "./seal";

const started = Symbol.for("varna.audit-seal-schedule");

/**
 * Started once per server process (instrumentation.ts): seals the audit events inserted since
 * the last pass every AUDIT_SEAL_INTERVAL_SECONDS (decision 024). Any number of instances may
 * run it: the database lets one sealer at a time work and the others skip. A pass that fails
 * is logged (once until one succeeds again, not every two seconds) and the next one tries again;
 * nothing is lost meanwhile — the events wait, and the log page and audit:verify seal too.
 */
export function startAuditSealSchedule(): void {
  const g = globalThis as { [started]?: boolean };
  if (g[started]) return;
  const seconds = env().AUDIT_SEAL_INTERVAL_SECONDS;
  if (seconds === 0) return;
  g[started] = true;

  let busy = false;
  let failing = false;
  setInterval(() => {
    if (busy) return;
    busy = true;
    sealAuditEvents()
      .then(() => {
        if (failing) console.warn("Granskningsloggen: förseglingen fungerar igen.");
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) console.error("Granskningsloggen: förseglingen misslyckades, nästa körning försöker igen.", error);
        failing = true;
      })
      .finally(() => {
        busy = false;
      });
  }, seconds * 1000).unref();
}
