import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getMeasure } from "@/lib/server/measures/get-measure";
import { getMeasureFormOptions } from "@/lib/server/measures/form-options";
import { listReportOptions } from "@/lib/server/measures/findings";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { PageHeader } from "@/components/layout/page-header";
import { EditMeasureForm } from "../_components/measure-form";
import { DeleteMeasure } from "../_components/delete-measure";
import { LinkFindingForm, UnlinkFindingButton } from "../_components/finding-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measures"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function MeasurePage({ params }: Props) {
  const viewer = await requireViewer("measure", "read");
  const { id } = await routeParams(idParams, params);
  const measure = await orNotFound(getMeasure(viewer, id));
  const canEdit = may(viewer.role, "measure", "update");
  const linksReports = canEdit && may(viewer.role, "situationReport", "read");
  const options = canEdit ? await getMeasureFormOptions(viewer, "update", measure.values.ownerDivisionId) : null;
  const reports = linksReports ? await listReportOptions(viewer) : [];
  const [t, tr] = await Promise.all([getTranslations("measures"), getTranslations("recommendations")]);
  const tSituation = await getTranslations("situation");
  const v = measure.values;

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/insatser" className="text-brand-700 underline">{t("title")}</Link></p>
      <PageHeader title={v.title} description={`${t(`levels.${v.level}`)} · ${measure.division} · ${t(`statuses.${v.status}`)}`} />
      {options ? (
        <section className="mb-8 space-y-4">
          <h2 className="text-lg font-semibold">{t("edit")}</h2>
          <EditMeasureForm options={options} values={v} />
          {may(viewer.role, "measure", "delete") ? <DeleteMeasure id={v.id} version={v.version} /> : null}
        </section>
      ) : (
        <dl className="mb-8 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-2">
          <div><dt className="font-medium">{t("columns.targetGroup")}</dt><dd>{v.targetGroup}</dd></div>
          <div><dt className="font-medium">{t("columns.responsible")}</dt><dd>{measure.responsible ?? t("noResponsible")}</dd></div>
          <div><dt className="font-medium">{t("columns.nextReview")}</dt><dd>{v.nextReviewDate}</dd></div>
          <div><dt className="font-medium">{t("columns.section")}</dt><dd>{measure.planSection ? `${measure.planSection.number}. ${measure.planSection.title}` : t("noSection")}</dd></div>
          <div className="md:col-span-2"><dt className="font-medium">{t("form.description")}</dt><dd className="whitespace-pre-line">{v.description || "–"}</dd></div>
          <div><dt className="font-medium">{t("form.resources")}</dt><dd>{v.resources || "–"}</dd></div>
          <div><dt className="font-medium">{t("form.genderPerspective")}</dt><dd>{v.genderPerspective || "–"}</dd></div>
          {v.isSpecial ? <div><dt className="font-medium">{t("special")}</dt><dd>{v.investigationStatus ? t(`investigation.${v.investigationStatus}`) : "–"}</dd></div> : null}
        </dl>
      )}

      <section aria-labelledby="trace" className="space-y-4">
        <h2 id="trace" className="text-lg font-semibold">{t("trace.title")}</h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="mb-2 font-medium">{t("trace.recommendations")}</h3>
          {measure.recommendations.length === 0 ? <p className="text-sm text-slate-600">{t("trace.noRecommendations")}</p> : (
            <ul className="list-disc space-y-1 pl-5 text-sm">
              {measure.recommendations.map((r) => (
                <li key={r.id}><Link href={`/rekommendationer/${r.id}`} className="text-brand-700 underline">{r.number}. {r.title}</Link> – {tr(`statuses.${r.status}`)}</li>
              ))}
            </ul>
          )}
        </div>
        {linksReports ? (
          <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-medium">{t("trace.findings")}</h3>
            {measure.findings.length === 0 ? <p className="text-sm text-slate-600">{t("trace.noFindings")}</p> : (
              <ul className="space-y-2 text-sm">
                {measure.findings.map((f) => (
                  <li key={f.id} className="flex flex-wrap items-baseline gap-2">
                    <span className="font-medium">{f.report.title}</span>
                    <span>{f.environment ? tSituation(`environments.${f.environment}` as never) : t("trace.wholeReport")}</span>
                    {f.note ? <span className="text-slate-700">– {f.note}</span> : null}
                    <UnlinkFindingButton id={f.id} />
                  </li>
                ))}
              </ul>
            )}
            <LinkFindingForm
              measureId={v.id}
              reports={reports.map((r) => ({ id: r.id, title: r.title, sections: r.sections.map((s) => ({ id: s.id, label: tSituation(`environments.${s.environment}` as never) })) }))}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}
