import "server-only";
import type { DbTx } from "@/lib/server/db";
import type { Viewer } from "@/lib/access/viewer";
import { scopes, within } from "@/lib/server/access/scope";
import { computeFigures, previousPeriod, type EntryFacts, type ReportFigures } from "@/lib/situation-reports/figures";

/**
 * The transaction options of every use case that computes a report's figures. Prisma's default
 * lets a transaction wait at most 2 s to start and run 5 s in all; on a busy embedded database,
 * where transactions run one after the other (and every audited one waits for the audit
 * chain's lock), the report page failed with a 500 when it had to wait behind another render
 * of itself — after a save, the page's refresh and a reload (CI: "Fastställ lägesbilden" never
 * appeared). tests/integration/situation-report-busy.test.ts. Like organisation/units.ts.
 */
export const REPORT_TX = { timeout: 20_000, maxWait: 10_000 } as const;

/** Entries a report may be built from: reviewed ones (archived ones were reviewed first). */
export const REPORTABLE = ["REVIEWED", "ARCHIVED"] as const;

const FACTS = { environment: true, activityType: true, source: true, district: { select: { name: true } } } as const;
type FactRow = { environment: EntryFacts["environment"]; activityType: EntryFacts["activityType"]; source: EntryFacts["source"]; district: { name: string } | null };
const facts = (rows: FactRow[]): EntryFacts[] =>
  rows.map((r) => ({ environment: r.environment, activityType: r.activityType, source: r.source, district: r.district?.name ?? null }));

const CONTACT = { channel: true, requester: true, referral: true, gender: true, ageBand: true, environment: true } as const;

/**
 * The figures of a report as they stand now: its cited entries, the reviewed entries of the
 * previous period of the same length (the trend), and the contact log's contacts in both
 * periods. Read inside the caller's transaction, through the scope builders (the coordinator's
 * scope is every division; row-level security applies as well).
 */
export async function currentFigures(
  tx: DbTx,
  viewer: Viewer,
  report: { id: string; periodStart: Date; periodEnd: Date },
): Promise<ReportFigures> {
  const entryScope = scopes.situationEntry(viewer, "read");
  const contactScope = scopes.contactLogEntry(viewer, "read");
  const previous = previousPeriod(report.periodStart, report.periodEnd);
  const [cited, before, contacts, previousContacts] = await Promise.all([
    tx.situationEntry.findMany({ where: within(entryScope, { reports: { some: { id: report.id } } }), select: FACTS }),
    tx.situationEntry.findMany({
      where: within(entryScope, { status: { in: [...REPORTABLE] }, observedOn: { gte: previous.start, lte: previous.end } }),
      select: FACTS,
    }),
    tx.contactLogEntry.findMany({ where: within(contactScope, { contactedOn: { gte: report.periodStart, lte: report.periodEnd } }), select: CONTACT }),
    tx.contactLogEntry.findMany({ where: within(contactScope, { contactedOn: { gte: previous.start, lte: previous.end } }), select: CONTACT }),
  ]);
  return computeFigures({
    period: { start: report.periodStart, end: report.periodEnd },
    entries: facts(cited),
    previousEntries: facts(before),
    contacts,
    previousContacts,
  });
}
