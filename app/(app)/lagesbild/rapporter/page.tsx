import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { listSituationReports } from "@/lib/server/situation-reports/list-reports";
import { reportListSchema } from "@/lib/schemas/situation-report";
import { searchParamsOf } from "@/lib/route-params";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  const viewer = await requireViewer("situationReport", "list");
  const query = await searchParamsOf(reportListSchema, searchParams);
  const [t, format, result] = await Promise.all([getTranslations("reports"), getFormatter(), listSituationReports(viewer, query)]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const mayCreate = may(viewer.role, "situationReport", "create");
  const finalOnly = viewer.role === "OBSERVER";

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {mayCreate ? (
        <div className="mb-4 flex flex-wrap gap-3">
          <Link href="/lagesbild/rapporter/ny" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("new")}</Link>
          {may(viewer.role, "legalBasis", "list") ? (
            <Link href="/lagesbild/rapporter/rattsliga-grunder" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">{t("legalBases")}</Link>
          ) : null}
        </div>
      ) : null}
      <p className="mb-3 text-sm text-slate-600">{t("count", { total: result.total })}</p>
      {result.rows.length === 0 ? (
        <EmptyState title={finalOnly ? t("emptyObserver") : t("empty")} />
      ) : (
        <DataTable headers={(["title", "period", "status", "finalizedAt", ...(mayCreate ? (["shares"] as const) : [])] as const).map((c) => t(`columns.${c}`))}>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2">
                <Link href={`/lagesbild/rapporter/${row.id}`} className="text-brand-700 underline">{row.title}</Link>
              </td>
              <td className="px-3 py-2 whitespace-nowrap">{date(row.periodStart)} – {date(row.periodEnd)}</td>
              <td className="px-3 py-2">{t(`statuses.${row.status}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">{row.finalizedAt ? date(row.finalizedAt) : "–"}</td>
              {mayCreate ? <td className="px-3 py-2">{row.shares}</td> : null}
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pages={result.pages} query={{}} />
    </>
  );
}
