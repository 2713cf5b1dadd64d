import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { EvaluationStatus } from "@/lib/server/generated/prisma/enums";
import { may } from "@/lib/access/permissions";
import { evaluationFiguresFor, type ShownEvaluationFigures } from "@/lib/evaluation/shown-figures";
import { readLetterhead } from "@/lib/server/organisation/settings";
import type { Letterhead } from "@/lib/server/documents/pdf";
import { collectEvaluationFigures, suppressionThreshold, type EvaluationFigures } from "./figures";

export type Evaluation = {
  year: number;
  status: EvaluationStatus;
  /** 0 while nothing is saved. */
  version: number;
  texts: Record<string, string>;
  /** As the viewer may see them: an observer's with small counts suppressed (evaluationFiguresFor). */
  figures: ShownEvaluationFigures;
  issuedAt: Date | null;
  /** The municipality's name and logo text (the organisation settings), for the documents. */
  letterhead: Letterhead;
};

const textsOf = (value: unknown): Record<string, string> =>
  value && typeof value === "object" && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === "string")) as Record<string, string>
    : {};

/**
 * The yearly evaluation of `year`: the coordinator's texts and the figures — live from the data
 * while a draft, the frozen snapshot once issued. The coordinator reads any year; an observer
 * only an issued one (scope `final`, and row-level security), which never touches the
 * division tables behind the figures. A viewer who may not list measures (the observer, as on
 * the dashboard) gets counts only: every count suppressed below the threshold, totals that
 * would give a hidden count back hidden too, no measure by name — applied here, at read time,
 * so the page, the PDF and the XLSX show the same and the snapshot keeps the true figures.
 */
export async function getEvaluation(viewer: Viewer, year: number, today: Date): Promise<Evaluation> {
  const scope = authorize(viewer, "evaluation", "read");
  return withViewer(viewer, async (tx) => {
    const row = await tx.yearlyEvaluation.findUnique({ where: { year }, select: { status: true, version: true, sectionTexts: true, snapshot: true, issuedAt: true } });
    if (scope === "final" && row?.status !== "ISSUED") throw new NotFoundError("yearlyEvaluation");
    const letterhead = await readLetterhead(tx);
    const countsOnly = !may(viewer.role, "measure", "list");
    const shown = async (figures: EvaluationFigures) =>
      evaluationFiguresFor(figures, countsOnly ? "aggregates" : "full", countsOnly ? await suppressionThreshold(tx) : figures.threshold);
    if (row?.status === "ISSUED" && row.snapshot) {
      return { year, status: row.status, version: row.version, texts: textsOf(row.sectionTexts), figures: await shown(row.snapshot as unknown as EvaluationFigures), issuedAt: row.issuedAt, letterhead };
    }
    return {
      letterhead,
      year,
      status: row?.status ?? "DRAFT",
      version: row?.version ?? 0,
      texts: textsOf(row?.sectionTexts),
      figures: await shown(await collectEvaluationFigures(tx, year, today)),
      issuedAt: null,
    };
  });
}

/** Saves the coordinator's texts as a draft (the first save creates it); refused once issued or when stale. */
export async function saveEvaluationTexts(viewer: Viewer, input: { year: number; version: number; texts: Record<string, string> }): Promise<{ version: number }> {
  authorize(viewer, "evaluation", "update");
  return withViewer(viewer, async (tx) => {
    const row = await tx.yearlyEvaluation.findUnique({ where: { year: input.year }, select: { id: true, status: true, version: true } });
    if (row?.status === "ISSUED") throw new DomainRuleError("evaluation.errors.issued");
    const sections = new Set((await tx.planSection.findMany({ select: { number: true } })).map((s) => String(s.number)));
    const unknown = Object.keys(input.texts).find((key) => !sections.has(key));
    if (unknown) throw new DomainRuleError("invalid", `texts.${unknown}`);
    let id: string;
    let version: number;
    if (!row) {
      if (input.version !== 0) throw new StaleEditError("yearlyEvaluation");
      id = (await tx.yearlyEvaluation.create({ data: { year: input.year, sectionTexts: input.texts }, select: { id: true } })).id;
      version = 1;
    } else {
      await updateVersioned(tx, "yearlyEvaluation", { id: row.id, expectedVersion: input.version, data: { sectionTexts: input.texts } });
      id = row.id;
      version = input.version + 1;
    }
    await recordAudit(tx, viewer, { action: "evaluation.save", entityType: "YearlyEvaluation", entityId: id, details: { year: input.year, sections: Object.keys(input.texts).length } });
    return { version };
  });
}

/**
 * Issues the evaluation to the board: the texts and the figures as they stand today are
 * frozen (snapshot) and the row can no longer change (row-level security refuses an update of
 * an ISSUED row); observers may read it from now on.
 */
export async function issueEvaluation(viewer: Viewer, input: { year: number; version: number }, today: Date): Promise<void> {
  authorize(viewer, "evaluation", "finalize");
  await withViewer(viewer, async (tx) => {
    const row = await tx.yearlyEvaluation.findUnique({ where: { year: input.year }, select: { id: true, status: true, version: true } });
    if (!row) throw new DomainRuleError("evaluation.errors.saveFirst");
    if (row.status === "ISSUED") throw new DomainRuleError("evaluation.errors.issued");
    const figures = await collectEvaluationFigures(tx, input.year, today);
    await updateVersioned(tx, "yearlyEvaluation", {
      id: row.id,
      expectedVersion: input.version,
      data: { status: "ISSUED", snapshot: figures, issuedAt: new Date(), issuedById: viewer.id },
    });
    await recordAudit(tx, viewer, { action: "evaluation.issue", entityType: "YearlyEvaluation", entityId: row.id, details: { year: input.year } });
  });
}

/** Records that the evaluation was exported (PDF or XLSX), in its own transaction. */
export async function recordEvaluationExport(viewer: Viewer, year: number, format: "pdf" | "xlsx"): Promise<void> {
  authorize(viewer, "evaluation", "export");
  await withViewer(viewer, (tx) => recordAudit(tx, viewer, { action: `export.${format}`, entityType: "YearlyEvaluation", details: { year } }));
}
