// npm run db:migrate | db:migration -- <name> | db:status | db:seed
// Without DATABASE_URL these work on the embedded database in .data/ (or the one a running
// `npm start` serves).
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { applyMigrations, makeMigration, migrationStatus, projectRoot } from "./engine";
import { withDatabase } from "./cli-database";
import { seed } from "@/prisma/seed/index";
import { demoSeedWanted } from "@/prisma/seed/policy";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  switch (command) {
    case "make": {
      const dir = await makeMigration(args.join(" "));
      console.log(dir ? `Ny migrering: ${path.relative(projectRoot, dir)}` : "Inga schemaändringar – ingen migrering skapad.");
      break;
    }
    case "migrate": {
      const applied = await withDatabase(applyMigrations);
      console.log(applied.length ? `Tillämpade migreringar:\n  ${applied.join("\n  ")}` : "Databasen är redan aktuell.");
      break;
    }
    case "status": {
      const status = await withDatabase(migrationStatus);
      console.log(JSON.stringify(status, null, 2));
      if (status.history || status.failedMigrationNames.length || status.editedMigrationNames.length) {
        process.exitCode = 1;
      }
      break;
    }
    case "seed": {
      const env = parseEnv();
      const demo = demoSeedWanted({ databaseUrl: env.DATABASE_URL, nodeEnv: process.env.NODE_ENV, varnaEnv: env.VARNA_ENV, demoData: env.VARNA_DEMO_DATA });
      const result = await withDatabase((url) => seed(url, { demo }));
      console.log(result.seeded ? "Grunddata inlagda." : "Databasen hade redan data – inget ändrat.");
      break;
    }
    default:
      console.error("Användning: tsx scripts/db/cli.ts <migrate|make <namn>|status|seed>");
      process.exitCode = 2;
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  // The schema engine's pg pool stays open after it is done.
  .finally(() => setTimeout(() => process.exit(), 10));
