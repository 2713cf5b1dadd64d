import "server-only";
import { readLetterhead } from "@/lib/server/organisation/settings";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError } from "@/lib/server/errors";
import { buildWorkbook } from "@/lib/server/documents/xlsx";
import { PdfDocument, PdfParagraph, PdfSection, PdfTable, formatDateSv, formatDateTimeSv, renderPdf } from "@/lib/server/documents/pdf";
import type { Viewer } from "@/lib/access/viewer";
import { percent } from "@/lib/training/coverage";
import { getPlanOverview } from "./get-plan";
import { getApprovedPlan } from "./get-approved-plan";

/** The catalog's `training` area, as next-intl's translator gives it (injected: the route handler's, or a test's). */
export type TrainingText = (key: string, values?: Record<string, string | number>) => string;

export type PlanExport = { body: Buffer; filename: string; kind: "xlsx" | "pdf" };

/**
 * The year's plan and its coverage table as a spreadsheet or as a PDF for the board (issue 10
 * point 6): the same figures the page shows, from the same use cases. An approved version
 * (`version`) exports that frozen version's events; otherwise the working plan. Coverage is
 * always the current one. The export is audited.
 */
export async function exportPlan(
  viewer: Viewer,
  input: { year: number; format: "xlsx" | "pdf"; version?: number },
  t: TrainingText,
  now = new Date(),
): Promise<PlanExport> {
  authorize(viewer, "competencePlan", "export");
  const overview = await getPlanOverview(viewer, input.year);
  if (!overview.plan) throw new NotFoundError("competencePlan");
  const approved = input.version !== undefined ? await getApprovedPlan(viewer, input.year, input.version) : null;
  if (input.version !== undefined && !approved) throw new NotFoundError("competencePlanVersion");
  const latest = overview.plan.versions[0];

  const events = approved
    ? approved.snapshot.events.map((e) => ({ ...e, startsAt: new Date(e.startsAt) }))
    : overview.events.map((e) => ({
        title: e.title, level: e.level, status: e.status, startsAt: e.startsAt, provider: e.provider, location: e.location,
        capacity: e.capacity, material: e.material, description: e.description,
        targetStaffCategories: e.targetStaffCategories.map((c) => c.name), targetDivisions: e.targetDivisions.map((d) => d.name),
        linkedNeeds: e.needs.length, linkedHeadcount: e.needs.reduce((s, n) => s + n.headcount, 0),
      }));
  const eventRows = events.map((e) => ({
    title: e.title,
    level: t(`levels.${e.level}`),
    status: t(`eventStatuses.${e.status}`),
    startsAt: formatDateTimeSv(e.startsAt),
    provider: e.provider,
    location: e.location ?? "",
    capacity: e.capacity,
    material: e.material ?? "",
    targetStaffCategories: e.targetStaffCategories.join(", ") || t("events.allCategories"),
    targetDivisions: e.targetDivisions.join(", ") || t("events.allDivisions"),
    linkedNeeds: e.linkedNeeds,
    linkedHeadcount: e.linkedHeadcount,
  }));
  const coverageRows = overview.coverage.rows.map((r) => ({
    division: r.division, level: t(`levels.${r.level}`), staffCategory: r.staffCategory, identified: r.identified, trained: r.trained, ratio: r.ratio,
  }));
  const otherRows = overview.coverage.others.map((o) => ({ division: o.division, managers: o.managers, electedOfficials: o.electedOfficials }));
  const title = t("export.documentTitle", { year: input.year });
  const status = approved
    ? t("export.version", { number: approved.number })
    : latest && !overview.plan.changedSinceApproval
      ? t("export.version", { number: latest.number })
      : t("export.draft");

  const c = (key: string) => t(key);
  let body: Buffer;
  if (input.format === "xlsx") {
    body = await buildWorkbook([
      {
        name: t("export.planSheet"),
        preamble: [title, status],
        columns: [
          { header: c("events.form.title"), key: "title", width: 34 },
          { header: c("events.form.level"), key: "level", width: 14 },
          { header: c("needs.columns.status"), key: "status", width: 12 },
          { header: c("events.when"), key: "startsAt", width: 24 },
          { header: c("events.provider"), key: "provider", width: 24 },
          { header: c("events.location"), key: "location", width: 20 },
          { header: c("events.capacity"), key: "capacity", type: "number", width: 10 },
          { header: c("events.material"), key: "material", width: 20 },
          { header: c("events.targetGroups"), key: "targetStaffCategories", width: 30 },
          { header: c("events.targetDivisions"), key: "targetDivisions", width: 30 },
          { header: c("needs.columns.needs"), key: "linkedNeeds", type: "number", width: 12 },
          { header: c("needs.columns.headcount"), key: "linkedHeadcount", type: "number", width: 14 },
        ],
        rows: eventRows,
      },
      {
        name: t("export.coverageSheet"),
        preamble: [title, t("coverage.description")],
        columns: [
          { header: c("needs.columns.division"), key: "division", width: 28 },
          { header: c("needs.columns.level"), key: "level", width: 14 },
          { header: c("needs.columns.staffCategory"), key: "staffCategory", width: 24 },
          { header: c("coverage.identified"), key: "identified", type: "number", width: 14 },
          { header: c("coverage.trained"), key: "trained", type: "number", width: 12 },
          { header: c("coverage.ratio"), key: "ratio", type: "number", numberFormat: "0%", width: 12 },
        ],
        rows: coverageRows,
      },
      {
        name: t("groups.MANAGERS").slice(0, 31),
        preamble: [title, t("coverage.others")],
        columns: [
          { header: c("needs.columns.division"), key: "division", width: 28 },
          { header: c("groups.MANAGERS"), key: "managers", type: "number", width: 12 },
          { header: c("groups.ELECTED_OFFICIALS"), key: "electedOfficials", type: "number", width: 16 },
        ],
        rows: otherRows,
      },
    ], { created: now });
  } else {
    const goals = approved ? approved.snapshot.goals : overview.plan.goals;
    body = await renderPdf(
      <PdfDocument
        title={title}
        subtitle={approved ? approved.snapshot.title : overview.plan.title}
        letterhead={await withViewer(viewer, (tx) => readLetterhead(tx))}
        meta={[
          [t("plan.year"), String(input.year)],
          [t("needs.columns.status"), status],
          ...(approved ? [[t("plan.versions"), formatDateSv(approved.approvedAt)] as [string, string]] : []),
        ]}
        generatedAt={now}
      >
        <PdfSection title={t("plan.goals")}>
          <PdfParagraph>{goals}</PdfParagraph>
        </PdfSection>
        <PdfSection title={t("events.title")}>
          <PdfTable
            columns={[
              { header: c("events.form.title"), width: 3 }, { header: c("events.form.level"), width: 2 }, { header: c("events.when"), width: 2.2 },
              { header: c("events.provider"), width: 2 }, { header: c("events.capacity"), width: 1, align: "right" },
              { header: c("events.targetDivisions"), width: 2.5 }, { header: c("needs.columns.headcount"), width: 1.2, align: "right" },
            ]}
            rows={eventRows.map((e) => [e.title, e.level, e.startsAt, e.provider, e.capacity, e.targetDivisions, e.linkedHeadcount])}
            emptyText={t("events.empty")}
          />
        </PdfSection>
        <PdfSection title={t("coverage.title")}>
          <PdfParagraph muted>{t("coverage.description")}</PdfParagraph>
          <PdfTable
            columns={[
              { header: c("needs.columns.division"), width: 2.5 }, { header: c("needs.columns.level"), width: 2.2 },
              { header: c("needs.columns.staffCategory"), width: 2.5 }, { header: c("coverage.identified"), width: 1.7, align: "right" },
              { header: c("coverage.trained"), width: 1.2, align: "right" }, { header: c("coverage.ratio"), width: 1.2, align: "right" },
            ]}
            rows={coverageRows.map((r) => [r.division, r.level, r.staffCategory, r.identified, r.trained, r.ratio === null ? null : t("coverage.percent", { value: percent(r.ratio)! })])}
            emptyText={t("coverage.empty")}
          />
        </PdfSection>
        {otherRows.length ? (
          <PdfSection title={t("coverage.others")}>
            <PdfTable
              columns={[{ header: c("needs.columns.division"), width: 3 }, { header: c("groups.MANAGERS"), align: "right" }, { header: c("groups.ELECTED_OFFICIALS"), align: "right" }]}
              rows={otherRows.map((o) => [o.division, o.managers, o.electedOfficials])}
            />
          </PdfSection>
        ) : null}
      </PdfDocument>,
    );
  }
  await withViewer(viewer, (tx) =>
    recordAudit(tx, viewer, {
      action: `export.${input.format}`,
      entityType: "CompetencePlan",
      entityId: overview.plan!.id,
      details: { year: input.year, version: approved?.number ?? null, events: eventRows.length, coverageRows: coverageRows.length },
    }),
  );
  const name = `${title}${approved ? ` v${approved.number}` : ""}.${input.format}`;
  return { body, filename: name, kind: input.format };
}

