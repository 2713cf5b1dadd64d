// The report page on a busy database (issue 8's CI failure: after a save, the page's refresh
// and a reload rendered the report at once and "Fastställ lägesbilden" never appeared). Reading
// a report is audited, and every audited transaction waits for the audit chain's lock (and on
// the embedded database for the transaction before it). Prisma's default allows a transaction
// 5 s in all, waiting included: the second render ran out of time and the page failed. The
// report's use cases allow for the wait; here another audited transaction holds the chain for
// longer than those 5 s while the coordinator opens, saves and finalises the report.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { createSituationReport } from "@/lib/server/situation-reports/create-report";
import { getSituationReport } from "@/lib/server/situation-reports/get-report";
import { updateSituationReport } from "@/lib/server/situation-reports/update-report";
import { finalizeSituationReport } from "@/lib/server/situation-reports/finalize-report";
import { createReportSchema, updateReportSchema } from "@/lib/schemas/situation-report";
import { createDivision, createSituationEntry, createUser } from "@/prisma/factories";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
let coordinator: Viewer;
let reportId = "";

beforeAll(async () => {
  const x = ownerDb();
  const division = (await createDivision(x)).id;
  const c = await createUser(x, { role: "COORDINATOR" });
  coordinator = { id: c.id, role: "COORDINATOR", divisionIds: [], name: c.name, email: c.email };
  await createSituationEntry(x, { status: "REVIEWED", divisionId: division, createdById: c.id, observedOn: day("2032-05-05"), environment: "RIGHT_WING" });
  ({ id: reportId } = await createSituationReport(coordinator, createReportSchema.parse({ title: "Maj 2032", periodStart: "2032-05-01", periodEnd: "2032-05-31" })));
});

/** Another request's audited transaction, holding the audit chain until `release()`. */
async function holdAuditChain() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let holding!: () => void;
  const held = new Promise<void>((resolve) => (holding = resolve));
  const done = ownerDb().$transaction(async (tx) => {
    await recordAudit(tx, coordinator, { action: "test.holdChain", entityType: "Test" });
    holding();
    await released;
  }, { timeout: 60_000 });
  await held;
  return { release, done };
}

/** Lets `work` wait behind the held chain for longer than Prisma's default 5 s, then releases it. */
async function behindABusyChain<T>(work: () => Promise<T>): Promise<T> {
  // Connections opened beforehand, as a running app has them: the embedded database accepts no
  // new connection while a transaction is open (the pool's connect timeout would end the wait).
  await Promise.all([1, 2, 3].map(() => ownerDb().$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
  const { release, done } = await holdAuditChain();
  const result = work();
  // The work is blocked on the chain's lock now; it must outlast the default transaction time.
  const timer = setTimeout(release, 7_000);
  try {
    return await result;
  } finally {
    clearTimeout(timer);
    release();
    await done;
  }
}

describe("a report's use cases while the database is busy", () => {
  it("reads, saves and finalises the report although each waited longer than 5 s for the audit chain", { timeout: 90_000 }, async () => {
    const read = await behindABusyChain(() => getSituationReport(coordinator, reportId));
    expect(read).toMatchObject({ id: reportId, status: "DRAFT" });

    const input = updateReportSchema.parse({
      id: reportId, expectedVersion: read.version, title: read.title, trends: "", assessment: "Låg närvaro.", recommendedMeasures: "",
      sections: read.sections.map((s) => ({ environment: s.environment, summary: s.summary, presence: s.presence, activities: s.activities })),
    });
    const { version } = await behindABusyChain(() => updateSituationReport(coordinator, input));
    await behindABusyChain(() => finalizeSituationReport(coordinator, { id: reportId, expectedVersion: version }));
    expect(await getSituationReport(coordinator, reportId)).toMatchObject({ status: "FINAL", assessment: "Låg närvaro." });
  });
});
