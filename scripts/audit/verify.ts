// npm run audit:verify — checks the audit trail's whole hash chain, in chain order, and
// against the anchors kept outside the database (VARNA_AUDIT_ANCHOR_FILE, default
// <VARNA_DATA_DIR>/audit-anchors.jsonl); when all holds, anchors the current head.
// Exit code 1 when anything is broken (every break is listed), 2 when it could not run.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/server/db";
import { verifyAuditChain, type ChainBreak } from "@/lib/server/audit/verify-chain";
import { appendAnchor, checkAnchors, readAnchors } from "@/lib/server/audit/anchors";
import { projectRoot } from "../db/engine";
import { withDatabase } from "../db/cli-database";

const WHY: Record<ChainBreak["reason"], string> = {
  hash: "innehållet stämmer inte med sin kontrollsumma",
  link: "länken till föregående händelse är bruten",
  unchained: "händelsen saknar plats i kedjan",
  checkpoint: "den senast verifierade händelsen har ändrats",
};

async function main() {
  const env = parseEnv();
  const anchorFile = path.resolve(projectRoot, env.VARNA_AUDIT_ANCHOR_FILE ?? path.join(env.VARNA_DATA_DIR, "audit-anchors.jsonl"));
  const anchors = readAnchors(anchorFile);
  const { report, anchorBreaks } = await withDatabase(async (url) => {
    const client = createPrismaClient(url, { max: 1, statementTimeoutMs: 600_000 });
    try {
      return await client.$transaction(async (tx) => ({
        report: await verifyAuditChain(tx),
        anchorBreaks: await checkAnchors(tx, anchors),
      }), { timeout: 600_000 });
    } finally {
      await client.$disconnect();
    }
  });

  for (const b of report.breaks) {
    console.error(`GRANSKNINGSLOGGEN ÄR MANIPULERAD: händelse ${b.id} (plats ${b.chainSeq ?? "–"} i kedjan) – ${WHY[b.reason]}.`);
  }
  for (const b of anchorBreaks) {
    console.error(
      `GRANSKNINGSLOGGEN ÄR OMSKRIVEN: plats ${b.chainSeq} i kedjan ${b.reason === "missing" ? "finns inte längre" : "har en annan kontrollsumma än när den förankrades"} (${anchorFile}).`,
    );
  }
  if (!report.ok || anchorBreaks.length) {
    console.error(`${report.breaks.length + anchorBreaks.length} fel bland ${report.events} händelser.`);
    process.exitCode = 1;
    return;
  }
  const anchored = report.head ? appendAnchor(anchorFile, report.head, anchors) : false;
  console.log(
    `Granskningsloggen är obruten: ${report.events} händelser verifierade, ${anchors.length} förankringar stämmer` +
      (anchored ? `; ny förankring sparad i ${anchorFile}.` : "."),
  );
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  })
  .finally(() => setTimeout(() => process.exit(), 10));
