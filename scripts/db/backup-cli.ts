// npm run db:backup [-- <file>]  |  npm run db:restore -- <file> [--replace]  (see backup.ts)
import { statSync } from "node:fs";
import { backup, restore, UsageError } from "./backup";

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const args = rest.filter((a) => !a.startsWith("--"));
  if (command === "backup") {
    const out = await backup(args[0]);
    console.log(`Säkerhetskopia skriven: ${out} (${Math.round(statSync(out).size / 1024)} kB). Flytta en kopia till en annan maskin.`);
  } else if (command === "restore") {
    const target = await restore(args[0], { replace: rest.includes("--replace") });
    console.log(`Återställd: ${target}. Kör npm run audit:verify för att kontrollera granskningsloggens kedja.`);
  } else {
    throw new UsageError("Användning: tsx scripts/db/backup.ts <backup [fil]|restore <fil> [--replace]>");
  }
}

main()
  .catch((error) => {
    console.error(error instanceof UsageError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => setTimeout(() => process.exit(), 10));
