import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getEvaluation, type Evaluation } from "@/lib/server/evaluation/evaluation";
import { NotFoundError } from "@/lib/server/errors";
import { evaluationQuerySchema } from "@/lib/schemas/evaluation";
import { searchParamsOf } from "@/lib/route-params";
import { startOfTodayUtc } from "@/lib/dates";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/layout/data-table";
import { EmptyState } from "@/components/layout/empty-state";
import { LEVEL_STATUSES, type Shown } from "@/lib/evaluation/shown-figures";
import { EvaluationTextForm, IssueEvaluation } from "./_components/evaluation-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("evaluation"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EvaluationPage({ searchParams }: Props) {
  const viewer = await requireViewer("evaluation", "read");
  const query = await searchParamsOf(evaluationQuerySchema, searchParams);
  const today = startOfTodayUtc();
  const year = query.ar ?? today.getUTCFullYear();
  const [t, tm, ts, format] = await Promise.all([getTranslations("evaluation"), getTranslations("measures"), getTranslations("situation"), getFormatter()]);
  let evaluation: Evaluation | null = null;
  try {
    evaluation = await getEvaluation(viewer, year, today);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error; // an observer: not issued yet
  }
  const years = Array.from({ length: 6 }, (_, i) => today.getUTCFullYear() - i);
  const editable = evaluation?.status === "DRAFT" && may(viewer.role, "evaluation", "update");
  // The figures come suppressed for an observer (getEvaluation): "färre än N" and "–" as in the documents.
  const shown = (value: Shown) =>
    value === "small" ? t("suppressed", { threshold: evaluation?.figures.threshold ?? 5 }) : value === "derived" ? "–" : value;

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/uppfoljning" className="text-brand-700 underline">{(await getTranslations("followUp"))("title")}</Link></p>
      <PageHeader title={`${t("title")} ${year}`} description={t("description")} />
      <form method="get" className="mb-6 flex items-end gap-3">
        <label className="text-sm font-medium">
          {t("year")}
          <select name="ar" defaultValue={String(year)} className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2">
            {years.map((y) => <option key={y} value={y}>{y}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t("show")}</button>
      </form>

      {!evaluation ? <EmptyState title={t("notIssued", { year })} /> : (
        <div className="space-y-8">
          <div className="flex flex-wrap items-center gap-4">
            <span data-testid="evaluation-status" className="rounded bg-slate-100 px-2 py-1 text-sm font-semibold">
              {evaluation.status === "ISSUED" && evaluation.issuedAt ? t("issuedAt", { date: format.dateTime(evaluation.issuedAt, { dateStyle: "medium" }) }) : t("status.DRAFT")}
            </span>
            {may(viewer.role, "evaluation", "export") ? (
              <>
                <a href={`/uppfoljning/arsutvardering/${year}/pdf`} className="text-brand-700 underline">{t("download.pdf")}</a>
                <a href={`/uppfoljning/arsutvardering/${year}/xlsx`} className="text-brand-700 underline">{t("download.xlsx")}</a>
              </>
            ) : null}
          </div>

          <section aria-labelledby="levels" className="space-y-2">
            <h2 id="levels" className="text-lg font-semibold">{t("headings.measuresByLevel")}</h2>
            <DataTable headers={(["level", "planned", "ongoing", "completed", "paused", "cancelled", "total"] as const).map((c) => t(`columns.${c}`))}>
              {evaluation.figures.measuresByLevel.map((r) => (
                <tr key={r.level}>
                  <td className="px-3 py-2">{tm(`levels.${r.level}` as never)}</td>
                  {LEVEL_STATUSES.map((c) => <td key={c} className="px-3 py-2">{shown(r[c])}</td>)}
                  <td className="px-3 py-2 font-semibold">{shown(r.total)}</td>
                </tr>
              ))}
            </DataTable>
            {evaluation.figures.view === "aggregates" ? (
              <p className="text-xs text-slate-600">{`${t("suppressionNote", { threshold: evaluation.figures.threshold })} ${t("derivedNote")}`}</p>
            ) : null}
          </section>

          <section aria-labelledby="follow-ups" className="grid gap-6 md:grid-cols-2">
            <div>
              <h2 id="follow-ups" className="mb-2 text-lg font-semibold">{t("headings.followUps")}</h2>
              <dl className="space-y-1 text-sm">
                {(["cycles", "followUps", "reviewed", "onTrack", "atRisk", "offTrack"] as const).map((k) => (
                  <div key={k} className="flex justify-between gap-4 border-b border-slate-100 py-1"><dt>{t(`figures.${k}`)}</dt><dd className="font-semibold">{shown(evaluation.figures.followUps[k])}</dd></div>
                ))}
              </dl>
            </div>
            <div>
              <h2 className="mb-2 text-lg font-semibold">{t("headings.situation")}</h2>
              <dl className="space-y-1 text-sm">
                {evaluation.figures.situation.map((r) => (
                  <div key={r.environment} className="flex justify-between gap-4 border-b border-slate-100 py-1">
                    <dt>{ts(`environments.${r.environment}` as never)}</dt>
                    <dd className="font-semibold">{shown(r.count)}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-1 text-xs text-slate-600">{t("suppressionNote", { threshold: evaluation.figures.threshold })}</p>
            </div>
          </section>

          {editable ? (
            <section className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
              <EvaluationTextForm
                sections={evaluation.figures.sections.map((s) => ({ number: s.number, title: s.title }))}
                values={{ year, version: evaluation.version, texts: Object.fromEntries(evaluation.figures.sections.map((s) => [String(s.number), evaluation.texts[String(s.number)] ?? ""])) }}
              />
              {evaluation.version > 0 && may(viewer.role, "evaluation", "finalize") ? <IssueEvaluation year={year} version={evaluation.version} /> : null}
            </section>
          ) : (
            <section className="space-y-3">
              {evaluation.status === "ISSUED" ? <p className="text-sm text-slate-600">{t("frozen")}</p> : null}
              {evaluation.figures.sections.map((s) => (
                <div key={s.number} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h2 className="font-semibold">{s.number}. {s.title}</h2>
                  <p className="mt-1 whitespace-pre-line text-sm">{evaluation.texts[String(s.number)] || t("noText")}</p>
                </div>
              ))}
            </section>
          )}
        </div>
      )}
    </>
  );
}
