// npm run audit:verify — checks the audit trail's hash chain; exit code 1 when broken.
import { createPrismaClient } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/server/audit/verify-chain";
import { withDatabase } from "../db/cli-database";

async function main() {
  const report = await withDatabase(async (url) => {
    const client = createPrismaClient(url, { max: 1, statementTimeoutMs: 600_000 });
    try {
      return await client.$transaction((tx) => verifyAuditChain(tx), { timeout: 600_000 });
    } finally {
      await client.$disconnect();
    }
  });
  if (report.ok) {
    console.log(`Granskningsloggen är obruten: ${report.events} händelser verifierade.`);
  } else {
    const why = report.reason === "hash" ? "innehållet stämmer inte med sin kontrollsumma" : "länken till föregående händelse är bruten";
    console.error(`GRANSKNINGSLOGGEN ÄR MANIPULERAD: händelse ${report.firstBrokenId} – ${why} (${report.events} händelser).`);
    process.exitCode = 1;
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  })
  .finally(() => setTimeout(() => process.exit(), 10));
