import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { scopeFor } from "@/lib/access/permissions";
import { getOverview, type Figure } from "@/lib/server/dashboard/get-overview";
import { PageHeader } from "@/components/layout/page-header";
import { StatCard } from "@/components/layout/stat-card";
import { DataTable } from "@/components/layout/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("overview"))("title") };
}

export default async function OverviewPage() {
  const viewer = await requireViewer("aggregates", "read");
  const [t, format, overview] = await Promise.all([
    getTranslations("overview"),
    getFormatter(),
    getOverview(viewer),
  ]);
  const scope =
    scopeFor(viewer.role, "aggregates", "read") === "all"
      ? t("scopeAll")
      : t("scopeOwn", { count: viewer.divisionIds.length });
  const show = (figure: Figure) =>
    typeof figure === "number" ? format.number(figure) : t("fewerThan", { threshold: figure.fewerThan });
  const overdueTone = typeof overview.overdueCount === "number" && overview.overdueCount === 0 ? "neutral" : "warning";

  return (
    <>
      <PageHeader title={t("greeting", { name: viewer.name })} description={scope} />
      <dl className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <StatCard label={t("openTrainingNeeds")} value={show(overview.openTrainingNeeds)}
          detail={typeof overview.staffToTrain === "number"
            ? t("staffToTrain", { count: overview.staffToTrain })
            : t("staffToTrainSuppressed", { threshold: overview.staffToTrain.fewerThan })} />
        <StatCard label={t("activeMeasures")} value={show(overview.activeMeasures)} />
        {overview.entriesAwaitingReview !== null ? (
          <StatCard label={t("entriesAwaitingReview")} value={format.number(overview.entriesAwaitingReview)} />
        ) : null}
        <StatCard label={t("overdueTitle")} value={show(overview.overdueCount)} tone={overdueTone} />
      </dl>

      {overview.countsOnly ? (
        <p className="mt-6 text-sm text-slate-600">{t("countsOnly")}</p>
      ) : (
        <section aria-labelledby="overdue-title" className="mt-10">
          <h2 id="overdue-title" className="text-lg font-semibold">{t("overdueTitle")}</h2>
          <p className="mb-3 text-sm text-slate-600">{t("overdueCount", { count: overview.overdueCount as number })}</p>
          {overview.overdue.length === 0 ? (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("overdueEmpty")}</p>
          ) : (
            <DataTable headers={(["what", "kind", "division", "due"] as const).map((c) => t(`columns.${c}`))}>
              {overview.overdue.map((item) => (
                <tr key={`${item.kind}-${item.id}`}>
                  <td className="px-3 py-2">{item.title}</td>
                  <td className="px-3 py-2">{t(`kind.${item.kind}`)}</td>
                  <td className="px-3 py-2">{item.division ?? t("networkWide")}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-red-800">
                    {format.dateTime(item.dueDate, { dateStyle: "medium", timeZone: "UTC" })}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
    </>
  );
}
