// npm run audit:verify — seals what is waiting to be sealed, then checks the audit trail's
// whole hash chain, in chain order, and against the anchors kept outside the database
// (VARNA_AUDIT_ANCHOR_FILE, default <VARNA_DATA_DIR>/audit-anchors.jsonl); when all holds,
// anchors the current head. Exit code 1 when anything is broken (every break is listed, and
// events left unsealed for too long), 2 when it could not run.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createPrismaClient } from "@/lib/server/db";
import { UNSEALED_ALARM_MS, verifyAuditChain, type ChainBreak } from "@/lib/server/audit/verify-chain";
import { sealAllAuditEvents } from "@/lib/server/audit/seal";
import { appendAnchor, checkAnchors, readAnchors } from "@/lib/server/audit/anchors";
import { projectRoot } from "../db/engine";
import { withDatabase } from "../db/cli-database";

const WHY: Record<ChainBreak["reason"], string> = {
  hash: "innehållet stämmer inte med sin kontrollsumma",
  gap: "händelsen före den i kedjan saknas",
  link: "länken till föregående händelse är bruten",
  unchained: "händelsen bär en försegling men saknar plats i kedjan",
  head: "kedjan slutar inte där förseglingen lämnade den (händelser saknas i slutet eller har lagts till efter det)",
  checkpoint: "den senast verifierade händelsen har ändrats",
};

async function main() {
  const env = parseEnv();
  const anchorFile = path.resolve(projectRoot, env.VARNA_AUDIT_ANCHOR_FILE ?? path.join(env.VARNA_DATA_DIR, "audit-anchors.jsonl"));
  const anchors = readAnchors(anchorFile);
  const { sealed, report, anchorBreaks } = await withDatabase(async (url) => {
    const client = createPrismaClient(url, { max: 1, statementTimeoutMs: 600_000 });
    try {
      // What is waiting is sealed first, so "verified" means up to now.
      // A sealer that fails (e.g. on an event forged after the chain's head) must not stop the
      // check: the verification reports what is wrong.
      const sealed = await sealAllAuditEvents(client).catch((error: unknown) => {
        console.error(`Förseglingen misslyckades: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      });
      // One snapshot for the head, the whole walk and the anchors.
      const checked = await client.$transaction(
        async (tx) => ({ report: await verifyAuditChain(tx), anchorBreaks: await checkAnchors(tx, anchors) }),
        { isolationLevel: "RepeatableRead", timeout: 600_000 },
      );
      return { sealed, ...checked };
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
  if (report.pending.stale > 0) {
    console.error(
      `GRANSKNINGSLOGGEN ÄR INTE FÖRSEGLAD: ${report.pending.stale} händelser har väntat på försegling i mer än ` +
        `${UNSEALED_ALARM_MS / 60_000} minuter (den äldsta från ${report.pending.oldestAt?.toISOString() ?? "–"}).`,
    );
  }
  const waiting = report.pending.count > 0 ? ` ${report.pending.count} händelser väntar på försegling (deras transaktioner pågår).` : "";
  if (!report.ok || anchorBreaks.length) {
    console.error(`${report.breaks.length + anchorBreaks.length} fel bland ${report.events} händelser.${waiting}`);
    process.exitCode = 1;
    return;
  }
  const last = report.last;
  const anchored = last?.hash ? appendAnchor(anchorFile, { chainSeq: last.chainSeq, hash: last.hash }, anchors) : false;
  console.log(
    `Granskningsloggen är obruten: ${report.events} händelser verifierade (${sealed} förseglades nu), ${anchors.length} förankringar stämmer` +
      (anchored ? `; ny förankring sparad i ${anchorFile}.` : ".") +
      waiting,
  );
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  })
  .finally(() => setTimeout(() => process.exit(), 10));
