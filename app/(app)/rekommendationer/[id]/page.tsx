import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getRecommendation } from "@/lib/server/recommendations/get-recommendation";
import { listMeasureOptions } from "@/lib/server/recommendations/link-measure";
import { getMeasureFormOptions } from "@/lib/server/measures/form-options";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { PageHeader } from "@/components/layout/page-header";
import { LinkMeasureForm, RecommendationForm, UnlinkMeasureButton } from "../_components/recommendation-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("recommendations"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function RecommendationPage({ params }: Props) {
  const viewer = await requireViewer("recommendation", "read");
  const { id } = await routeParams(idParams, params);
  const r = await orNotFound(getRecommendation(viewer, id));
  const canEdit = may(viewer.role, "recommendation", "update");
  const measureOptions = canEdit ? await listMeasureOptions(viewer) : [];
  const formOptions = canEdit ? await getMeasureFormOptions(viewer, "update") : null;
  const [t, tm, ts] = await Promise.all([getTranslations("recommendations"), getTranslations("measures"), getTranslations("situation")]);
  const linked = new Set(r.measures.map((m) => m.id));
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/rekommendationer" className="text-brand-700 underline">{t("detail.back")}</Link></p>
      <PageHeader title={`${t("detail.heading", { number: r.number })}: ${r.title}`} description={r.description || undefined} />
      <p className="mb-6 flex flex-wrap items-center gap-3 text-sm">
        <span className={`rounded px-2 py-0.5 text-xs font-semibold ${r.isParaphrase ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}>{r.isParaphrase ? t("paraphrase") : t("official")}</span>
        <span>{t(`statuses.${r.status}`)}</span>
        {r.isParaphrase ? <span className="text-slate-600">{t("paraphraseNote")}</span> : null}
      </p>
      {!canEdit ? (
        <section className="mb-6 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 className="font-medium">{t("columns.evidence")}</h2>
          <p className="whitespace-pre-line">{r.evidence || t("noEvidence")}</p>
        </section>
      ) : null}

      <section aria-labelledby="measures" className="mb-8 space-y-3">
        <h2 id="measures" className="text-lg font-semibold">{t("detail.measures")}</h2>
        {r.linkedMeasures ? (
          <p className="text-sm" data-testid="linked-measures">
            {typeof r.linkedMeasures.count === "number"
              ? t("detail.measuresCounted", { count: r.linkedMeasures.count })
              : t("detail.measuresCountedSuppressed", { threshold: r.linkedMeasures.threshold })}
          </p>
        ) : r.measures.length === 0 ? <p className="text-sm text-slate-600">{t("detail.noMeasures")}</p> : (
          <ul className="space-y-3">
            {r.measures.map((m) => (
              <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
                <div className="flex flex-wrap items-baseline gap-2">
                  <Link href={`/insatser/${m.id}`} className="font-medium text-brand-700 underline">{m.title}</Link>
                  <span className="text-slate-600">{m.division} · {tm(`levels.${m.level}`)} · {tm(`statuses.${m.status}`)}</span>
                  {canEdit ? <UnlinkMeasureButton recommendationId={r.id} measureId={m.id} /> : null}
                </div>
                {may(viewer.role, "situationReport", "read") ? (
                  <div className="mt-2">
                    <h3 className="text-xs font-semibold uppercase text-slate-600">{t("detail.why")}</h3>
                    {m.findings.length === 0 ? <p className="text-slate-600">{t("detail.noWhy")}</p> : (
                      <ul className="list-disc pl-5">
                        {m.findings.map((f) => (
                          <li key={f.id}>{f.report.title}{f.environment ? ` – ${ts(`environments.${f.environment}` as never)}` : ""}{f.note ? `: ${f.note}` : ""}</li>
                        ))}
                      </ul>
                    )}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canEdit ? (
          <div className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="mb-2 font-medium">{t("form.linkMeasure")}</h3>
            <LinkMeasureForm recommendationId={r.id} measures={measureOptions.filter((m) => !linked.has(m.id))} />
          </div>
        ) : null}
      </section>

      {canEdit && formOptions ? (
        <RecommendationForm
          values={r.values}
          planSections={formOptions.planSections.map((s) => ({ id: s.id, label: `${s.number}. ${s.title}` }))}
          people={formOptions.people.map((p) => ({ id: p.id, label: p.name }))}
        />
      ) : null}
    </>
  );
}
