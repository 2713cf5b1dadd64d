import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { scopeFor } from "@/lib/access/permissions";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { ENTRY_STATUSES, ENVIRONMENTS, situationFilterSchema } from "@/lib/schemas/situation-filter";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { firstValues } from "@/lib/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("situation"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SituationPage({ searchParams }: Props) {
  const viewer = await requireViewer("situationEntry", "list");
  const filter = situationFilterSchema.parse(await firstValues(searchParams));
  const [t, format, result] = await Promise.all([getTranslations("situation"), getFormatter(), listSituationEntries(viewer, filter)]);
  const scope = scopeFor(viewer.role, "situationEntry", "list") === "all" ? t("scopeAll") : t("scopeOwn", { count: viewer.divisionIds.length });
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });

  return (
    <>
      <PageHeader title={t("title")} description={`${t("description")} ${scope}`} />
      <form method="get" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium">
          {t("columns.environment")}
          <select name="environment" defaultValue={filter.environment ?? ""} className={select}>
            <option value="">{t("allEnvironments")}</option>
            {ENVIRONMENTS.map((e) => <option key={e} value={e}>{t(`environments.${e}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("columns.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("allStatuses")}</option>
            {ENTRY_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
        <span className="ml-auto text-sm text-slate-600">{t("count", { total: result.total })}</span>
      </form>

      {result.rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DataTable headers={(["observedOn", "environment", "activity", "division", "district", "status"] as const).map((c) => t(`columns.${c}`))}>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2 whitespace-nowrap">
                <Link href={`/lagesbild/${row.id}`} className="text-brand-700 underline" aria-label={t("open", { date: date(row.observedOn) })}>
                  {date(row.observedOn)}
                </Link>
              </td>
              <td className="px-3 py-2">{t(`environments.${row.environment}`)}</td>
              <td className="px-3 py-2">{t(`activities.${row.activityType}`)}</td>
              <td className="px-3 py-2">{row.division}</td>
              <td className="px-3 py-2">{row.district ?? t("noDistrict")}</td>
              <td className="px-3 py-2">{t(`statuses.${row.status}`)}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pages={result.pages}
        query={{ environment: filter.environment, status: filter.status }}
      />
    </>
  );
}
