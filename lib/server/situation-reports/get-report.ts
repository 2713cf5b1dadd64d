import "server-only";
import { readLetterhead, readSetting } from "@/lib/server/organisation/settings";
import type { Letterhead } from "@/lib/server/documents/pdf";
import { may } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { recordRefusal } from "@/lib/server/audit/refusal";
import { NotFoundError } from "@/lib/server/errors";
import { suppressFigures, unsuppressed, type ReportFigures, type SuppressedFigures } from "@/lib/situation-reports/figures";
import type {
  ActivityType, ExtremistEnvironment, InformationSource, Reliability, SituationReportStatus,
} from "@/lib/server/generated/prisma/enums";
import { currentFigures, REPORTABLE, REPORT_TX } from "./compile";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cited entry as the report shows it: live for a draft, the frozen copy for a final report. */
export type CitedEntry = {
  entryId: string;
  observedOn: Date;
  environment: ExtremistEnvironment;
  activityType: ActivityType;
  source: InformationSource;
  reliability: Reliability;
  division: string;
  district: string | null;
  description: string;
  genderPerspective: string;
};

export type ReportShare = { id: string; recipient: string; sharedOn: Date; sharedBy: string; legalBasis: string; note: string; createdAt: Date };

export type ReportView = {
  id: string;
  title: string;
  periodStart: Date;
  periodEnd: Date;
  status: SituationReportStatus;
  madeWithPolice: boolean;
  trends: string;
  assessment: string;
  recommendedMeasures: string;
  version: number;
  finalizedAt: Date | null;
  sections: { environment: ExtremistEnvironment; summary: string; presence: string; activities: string }[];
  /** Null for a final report recorded without frozen figures (before reports were compiled here). */
  figures: SuppressedFigures | null;
  /** Counts below this were replaced by "<threshold" (observers); null: every count as it is. */
  suppressedBelow: number | null;
  /** The entries the report cites, for whoever reads entries (the coordinator); null otherwise. */
  cited: CitedEntry[] | null;
  /** A draft's reviewed entries of the period it does not cite (yet); null when final or not the coordinator's. */
  candidates: CitedEntry[] | null;
  /** Sharing history, for whoever may share; null otherwise. */
  shares: ReportShare[] | null;
  /** The municipality's name and logo text (the organisation settings), for the document. */
  letterhead: Letterhead;
};

const ENTRY_SELECT = {
  id: true, observedOn: true, environment: true, activityType: true, source: true, reliability: true,
  description: true, genderPerspective: true, division: { select: { name: true } }, district: { select: { name: true } },
} as const;

type EntryRow = {
  id: string; observedOn: Date; environment: ExtremistEnvironment; activityType: ActivityType; source: InformationSource;
  reliability: Reliability; description: string; genderPerspective: string; division: { name: string }; district: { name: string } | null;
};
const cite = (e: EntryRow): CitedEntry => ({
  entryId: e.id, observedOn: e.observedOn, environment: e.environment, activityType: e.activityType, source: e.source,
  reliability: e.reliability, description: e.description, genderPerspective: e.genderPerspective,
  division: e.division.name, district: e.district?.name ?? null,
});

/**
 * One situation report as the viewer may read it. The coordinator sees a draft's live figures
 * and the entries it cites (and could cite); a final report is read from what was frozen when
 * it was finalized. An observer reads final reports only, its counts below the suppression
 * threshold shown as "<5", and never an entry. Reading a report's entries is audited like
 * reading the entries themselves; `purpose` tells a read from an export (the PDF).
 */
export async function getSituationReport(viewer: Viewer, id: string, purpose: "read" | "export" = "read", format?: "pdf" | "xlsx"): Promise<ReportView> {
  const scope = scopes.situationReport(viewer, purpose);
  if (!UUID.test(id)) throw new NotFoundError("SituationReport");
  const readsEntries = may(viewer.role, "situationEntry", "read") && may(viewer.role, "situationReport", "update");
  const found = await withViewer(viewer, async (tx) => {
    const report = await tx.situationReport.findFirst({
      where: within(scope, { id }),
      select: {
        id: true, title: true, periodStart: true, periodEnd: true, status: true, madeWithPolice: true, trends: true,
        assessment: true, recommendedMeasures: true, version: true, finalizedAt: true, figures: true,
        sections: { select: { environment: true, summary: true, presence: true, activities: true } },
      },
    });
    if (!report) return null;
    const final = report.status === "FINAL";
    const raw = final ? ((report.figures as unknown as ReportFigures | null) ?? null) : await currentFigures(tx, viewer, report);
    const threshold = viewer.role === "OBSERVER" ? await readSetting(tx, "suppressionThreshold") : null;
    const letterhead = await readLetterhead(tx);

    let cited: CitedEntry[] | null = null;
    let candidates: CitedEntry[] | null = null;
    if (readsEntries) {
      if (final) {
        const rows = await tx.situationReportCitation.findMany({ where: { reportId: report.id }, orderBy: [{ observedOn: "asc" }, { entryId: "asc" }] });
        cited = rows.map((c) => ({ ...c, division: c.divisionName, district: c.districtName }));
      } else {
        const entryScope = scopes.situationEntry(viewer, "read");
        cited = (await tx.situationEntry.findMany({
          where: within(entryScope, { reports: { some: { id: report.id } } }),
          orderBy: [{ observedOn: "asc" }, { id: "asc" }],
          select: ENTRY_SELECT,
        })).map(cite);
        candidates = (await tx.situationEntry.findMany({
          where: within(entryScope, {
            status: { in: [...REPORTABLE] },
            observedOn: { gte: report.periodStart, lte: report.periodEnd },
            reports: { none: { id: report.id } },
          }),
          orderBy: [{ observedOn: "asc" }, { id: "asc" }],
          select: ENTRY_SELECT,
        })).map(cite);
      }
    }
    const shares = may(viewer.role, "situationReport", "share")
      ? (await tx.situationReportShare.findMany({ where: { reportId: report.id }, orderBy: [{ sharedOn: "desc" }, { createdAt: "desc" }] })).map((s) => ({
          id: s.id, recipient: s.recipient, sharedOn: s.sharedOn, sharedBy: s.sharedByName, legalBasis: s.legalBasisLabel, note: s.note, createdAt: s.createdAt,
        }))
      : null;

    await recordAudit(tx, viewer, {
      action: `situationReport.${purpose}`,
      entityType: "SituationReport",
      entityId: report.id,
      // Which entries were shown with it, so "who saw entry X" finds this read too.
      details: { status: report.status, ...(format ? { format } : {}), entryIds: [...(cited ?? []), ...(candidates ?? [])].map((e) => e.entryId) },
    });
    return {
      id: report.id, title: report.title, periodStart: report.periodStart, periodEnd: report.periodEnd, status: report.status,
      madeWithPolice: report.madeWithPolice, trends: report.trends, assessment: report.assessment,
      recommendedMeasures: report.recommendedMeasures, version: report.version, finalizedAt: report.finalizedAt,
      sections: [...report.sections].sort((a, b) => ORDER.indexOf(a.environment) - ORDER.indexOf(b.environment)),
      figures: raw === null ? null : threshold === null ? unsuppressed(raw) : suppressFigures(raw, threshold),
      suppressedBelow: threshold,
      cited,
      candidates,
      shares,
      letterhead,
    } satisfies ReportView;
  }, REPORT_TX);
  if (!found) {
    await recordRefusal(viewer, "access.notFound", { entityType: "SituationReport", entityId: id });
    throw new NotFoundError("SituationReport");
  }
  return found;
}

const ORDER: ExtremistEnvironment[] = ["RIGHT_WING", "LEFT_WING", "ISLAMIST", "OTHER_UNCLEAR"];
