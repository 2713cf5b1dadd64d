import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { orNotFound } from "@/lib/server/not-found";
import { getSituationReport, type CitedEntry } from "@/lib/server/situation-reports/get-report";
import { listLegalBases } from "@/lib/server/situation-reports/legal-bases";
import { isoDate } from "@/lib/situation-reports/figures";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/layout/data-table";
import { EmptyState } from "@/components/layout/empty-state";
import { FiguresView } from "../_components/figures-view";
import { ReportTextForm } from "../_components/report-text-form";
import { EntryToggle } from "../_components/entry-toggle";
import { DeleteDraftForm, FinalizeForm } from "../_components/confirm-forms";
import { ShareForm } from "../_components/share-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function ReportPage({ params }: Props) {
  const viewer = await requireViewer("situationReport", "read");
  const { id } = await routeParams(idParams, params);
  const report = await orNotFound(getSituationReport(viewer, id));
  const [t, ts, format] = await Promise.all([getTranslations("reports"), getTranslations("situation"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const period = (a: Date, b: Date) => `${date(a)} – ${date(b)}`;
  const draft = report.status === "DRAFT";
  const mayEdit = draft && may(viewer.role, "situationReport", "update");
  const mayShare = !draft && may(viewer.role, "situationReport", "share");
  const bases = mayShare ? (await listLegalBases(viewer)).filter((b) => b.active) : [];
  const environmentLabels = Object.fromEntries(report.sections.map((s) => [s.environment, ts(`environments.${s.environment}`)]));

  const entryTable = (entries: CitedEntry[], include: boolean | null) => (
    <DataTable headers={[...(["observedOn", "environment", "activity", "source", "reliability", "division", "district", "description"] as const).map((c) => t(`detail.entryColumns.${c}`)), ...(include === null ? [] : [""])]}>
      {entries.map((e) => (
        <tr key={e.entryId}>
          <td className="px-3 py-2 whitespace-nowrap">
            {draft ? <Link href={`/lagesbild/${e.entryId}`} className="text-brand-700 underline">{date(e.observedOn)}</Link> : date(e.observedOn)}
          </td>
          <td className="px-3 py-2">{ts(`environments.${e.environment}`)}</td>
          <td className="px-3 py-2">{ts(`activities.${e.activityType}`)}</td>
          <td className="px-3 py-2">{ts(`sources.${e.source}`)}</td>
          <td className="px-3 py-2">{ts(`reliabilities.${e.reliability}`)}</td>
          <td className="px-3 py-2">{e.division}</td>
          <td className="px-3 py-2">{e.district ?? ts("noDistrict")}</td>
          <td className="max-w-md px-3 py-2">{e.description}</td>
          {include === null ? null : (
            <td className="px-3 py-2">
              <EntryToggle reportId={report.id} entryId={e.entryId} expectedVersion={report.version} include={include} date={date(e.observedOn)} />
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );

  return (
    <>
      <Link href="/lagesbild/rapporter" className="mb-4 inline-block text-sm text-brand-700 underline">{t("back")}</Link>
      <PageHeader title={report.title} description={`${t("detail.period", { period: period(report.periodStart, report.periodEnd) })} · ${t(`statuses.${report.status}`)}`} />
      <div className="mb-6 space-y-2">
        <p className="max-w-3xl text-sm text-slate-700">
          {draft ? t("detail.draftNote") : t("detail.finalNote", { date: report.finalizedAt ? date(report.finalizedAt) : "–" })}
        </p>
        {report.suppressedBelow ? <p className="text-sm text-slate-700">{t("observerNote", { threshold: report.suppressedBelow })}</p> : null}
        {report.figures ? (
          <p className="text-sm text-slate-600">{t("detail.previousPeriod", { period: `${report.figures.previousPeriod.start} – ${report.figures.previousPeriod.end}` })}</p>
        ) : null}
        <div className="flex flex-wrap gap-3">
          <a href={`/lagesbild/rapporter/${report.id}/pdf`} className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("detail.pdf")}</a>
          {report.figures ? (
            <a href={`/lagesbild/rapporter/${report.id}/xlsx`} className="inline-block rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">{t("detail.xlsx")}</a>
          ) : null}
        </div>
      </div>

      <div className="space-y-8">
        {report.figures ? <FiguresView figures={report.figures} /> : <EmptyState title={t("detail.noFigures")} />}

        {mayEdit ? (
          <ReportTextForm
            environmentLabels={environmentLabels}
            values={{
              id: report.id,
              expectedVersion: report.version,
              title: report.title,
              trends: report.trends,
              assessment: report.assessment,
              recommendedMeasures: report.recommendedMeasures,
              sections: report.sections.map((s) => ({ environment: s.environment, summary: s.summary, presence: s.presence, activities: s.activities })),
            }}
          />
        ) : (
          <section aria-labelledby="texts" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5">
            <h2 id="texts" className="text-lg font-semibold">{t("detail.sections")}</h2>
            {report.sections.map((s) => (
              <div key={s.environment}>
                <h3 className="font-medium">{ts(`environments.${s.environment}`)}</h3>
                {s.summary ? <p className="whitespace-pre-line">{s.summary}</p> : null}
                <p className="whitespace-pre-line"><span className="font-medium">{t("detail.presence")}:</span> {s.presence || "–"}</p>
                <p className="whitespace-pre-line"><span className="font-medium">{t("detail.activities")}:</span> {s.activities || "–"}</p>
              </div>
            ))}
            {([["trendsText", report.trends], ["assessment", report.assessment], ["recommendedMeasures", report.recommendedMeasures]] as const).map(([key, text]) => (
              <div key={key}>
                <h3 className="font-medium">{t(`detail.${key}`)}</h3>
                <p className="whitespace-pre-line">{text || "–"}</p>
              </div>
            ))}
          </section>
        )}

        {report.cited ? (
          <section aria-labelledby="cited" className="space-y-3">
            <h2 id="cited" className="text-lg font-semibold">{t("detail.cited")}</h2>
            {report.cited.length ? entryTable(report.cited, mayEdit ? false : null) : <EmptyState title={t("detail.citedNone")} />}
          </section>
        ) : null}
        {report.candidates && mayEdit ? (
          <section aria-labelledby="candidates" className="space-y-3">
            <h2 id="candidates" className="text-lg font-semibold">{t("detail.candidates")}</h2>
            {report.candidates.length ? entryTable(report.candidates, true) : <EmptyState title={t("detail.candidatesNone")} />}
          </section>
        ) : null}

        {mayEdit && may(viewer.role, "situationReport", "finalize") ? (
          <div className="grid gap-4 md:grid-cols-2">
            <FinalizeForm id={report.id} expectedVersion={report.version} />
            {may(viewer.role, "situationReport", "delete") ? <DeleteDraftForm id={report.id} expectedVersion={report.version} /> : null}
          </div>
        ) : null}

        {report.shares ? (
          <section aria-labelledby="sharing" className="space-y-3">
            <h2 id="sharing" className="text-lg font-semibold">{t("share.title")}</h2>
            {draft ? <p className="text-sm text-slate-700">{t("share.onlyFinal")}</p> : <p className="text-sm text-slate-700">{t("share.intro")}</p>}
            {mayShare ? (
              <ShareForm
                reportId={report.id}
                today={isoDate(new Date())}
                bases={bases.map((b) => ({ value: b.id, label: b.toBeCheckedByLawyer ? `${b.label} ${t("share.toBeChecked")}` : b.label }))}
              />
            ) : null}
            <h3 className="font-medium">{t("share.history")}</h3>
            {report.shares.length === 0 ? (
              <EmptyState title={t("share.none")} />
            ) : (
              <DataTable headers={[t("share.sharedOn"), t("share.recipient"), t("share.legalBasis"), t("share.sharedBy"), t("share.note")]}>
                {report.shares.map((s) => (
                  <tr key={s.id}>
                    <td className="px-3 py-2 whitespace-nowrap">{date(s.sharedOn)}</td>
                    <td className="px-3 py-2">{s.recipient}</td>
                    <td className="px-3 py-2">{s.legalBasis}</td>
                    <td className="px-3 py-2">{s.sharedBy}</td>
                    <td className="px-3 py-2">{s.note || "–"}</td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        ) : null}
      </div>
    </>
  );
}
