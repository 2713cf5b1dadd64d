// npm run reminders:sweep — one reminder sweep and one outbox delivery now, e.g. from cron
// when REMINDER_SWEEP_INTERVAL_SECONDS=0. Safe beside running app instances: the sweep takes
// an advisory lock and every reminder and e-mail happens once.
// Exit code 0 when it ran (or another instance was sweeping), 2 when it could not run.
import { createPrismaClient } from "@/lib/server/db";
import { runReminderSweep } from "@/lib/server/notifications/reminders";
import { deliverOutbox } from "@/lib/server/notifications/deliver-outbox";
import { withDatabase } from "../db/cli-database";

async function main() {
  await withDatabase(async (url) => {
    const client = createPrismaClient(url, { max: 2 });
    try {
      const now = new Date();
      const sweep = await runReminderSweep({ now, client });
      console.log(
        sweep.ran
          ? `Påminnelser ${sweep.today}: ${sweep.due} aktuella, ${sweep.created} nya notiser.`
          : "En annan instans gör just nu samma körning – inget att göra här.",
      );
      const sent = await deliverOutbox({ now, client });
      console.log(`E-post: ${sent.sent} skickade, ${sent.logged} skrivna till loggen (ingen SMTP_URL), ${sent.retrying} försöks igen, ${sent.failed} misslyckade.`);
    } finally {
      await client.$disconnect();
    }
  }, { as: "runtime" });
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  })
  .finally(() => process.exit());
