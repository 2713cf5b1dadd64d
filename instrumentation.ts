// Next.js calls register() once when a server process starts (not during the build).
// The reminder schedule and the audit sealer run in the Node.js runtime only, never in the edge
// runtime of proxy.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startReminderSchedule } = await import("@/lib/server/notifications/schedule");
  startReminderSchedule();
  const { startAuditSealSchedule } = await import("@/lib/server/audit/seal-schedule");
  startAuditSealSchedule();
}
