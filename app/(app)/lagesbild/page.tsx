import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may, scopeFor } from "@/lib/access/permissions";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { EXPORT_LIMIT } from "@/lib/server/situation/export-entries";
import { listEntryOptions } from "@/lib/server/situation/list-entry-options";
import { ENTRY_SORTS, ENTRY_STATUSES, ENVIRONMENTS, filterQuery, situationFilterSchema } from "@/lib/schemas/situation-filter";
import { ACTIVITY_TYPES, SOURCES } from "@/lib/schemas/situation-entry";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { searchParamsOf } from "@/lib/route-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("situation"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queryString(query: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  return params.toString();
}

export default async function SituationPage({ searchParams }: Props) {
  const viewer = await requireViewer("situationEntry", "list");
  const filter = await searchParamsOf(situationFilterSchema, searchParams);
  const [t, tf, format, result, options] = await Promise.all([
    getTranslations("situation"), getTranslations("entries"), getFormatter(), listSituationEntries(viewer, filter), listEntryOptions(viewer),
  ]);
  const scope = scopeFor(viewer.role, "situationEntry", "list") === "all" ? t("scopeAll") : t("scopeOwn", { count: viewer.divisionIds.length });
  const control = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const query = filterQuery(filter);
  const exportQuery = queryString(query);
  const select = (name: string, label: string, value: string | undefined, all: string, choices: { value: string; label: string }[]) => (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={value ?? ""} className={control}>
        <option value="">{all}</option>
        {choices.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
      </select>
    </label>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={`${t("description")} ${scope}`}
      />
      {may(viewer.role, "situationEntry", "create") ? (
        <p className="mb-4"><Link href="/lagesbild/ny" className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{tf("new")}</Link></p>
      ) : null}
      <form method="get" role="search" aria-label={t("filters")} className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <label className="text-sm font-medium sm:col-span-2 lg:col-span-4">
          {tf("filters.q")}
          <input type="search" name="q" defaultValue={filter.q ?? ""} maxLength={200} aria-describedby="q-hint" className={control} />
          <span id="q-hint" className="text-xs font-normal text-slate-600">{tf("filters.qHint")}</span>
        </label>
        <label className="text-sm font-medium">
          {tf("filters.from")}
          <input type="date" name="from" defaultValue={filter.from ?? ""} className={control} />
        </label>
        <label className="text-sm font-medium">
          {tf("filters.to")}
          <input type="date" name="to" defaultValue={filter.to ?? ""} className={control} />
        </label>
        {select("environment", t("columns.environment"), filter.environment, t("allEnvironments"), ENVIRONMENTS.map((v) => ({ value: v, label: t(`environments.${v}`) })))}
        {select("activity", tf("filters.activity"), filter.activity, tf("filters.allActivities"), ACTIVITY_TYPES.map((v) => ({ value: v, label: t(`activities.${v}`) })))}
        {select("source", tf("filters.source"), filter.source, tf("filters.allSources"), SOURCES.map((v) => ({ value: v, label: t(`sources.${v}`) })))}
        {select("status", t("columns.status"), filter.status, t("allStatuses"), ENTRY_STATUSES.map((v) => ({ value: v, label: t(`statuses.${v}`) })))}
        {select("district", tf("filters.district"), filter.district, tf("filters.allDistricts"), options.districts.map((d) => ({ value: d.id, label: d.name })))}
        {options.divisions.length > 1
          ? select("division", tf("filters.division"), filter.division, tf("filters.allDivisions"), options.divisions.map((d) => ({ value: d.id, label: d.name })))
          : null}
        <label className="text-sm font-medium">
          {tf("filters.sort")}
          <select name="sort" defaultValue={filter.sort} className={control}>
            {ENTRY_SORTS.map((s) => <option key={s} value={s}>{tf(`filters.sorts.${s}`)}</option>)}
          </select>
        </label>
        <div className="flex items-end gap-3 sm:col-span-2 lg:col-span-4">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
          <Link href="/lagesbild" className="px-2 py-2 text-sm text-brand-700 underline">{tf("filters.reset")}</Link>
          <span className="ml-auto text-sm text-slate-600" role="status" data-testid="list-count">{t("count", { total: result.total })}</span>
        </div>
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
      <Pagination page={result.page} pages={result.pages} query={query} />
      {may(viewer.role, "situationEntry", "export") && result.total > 0 ? (
        <section aria-labelledby="export" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="export" className="font-semibold">{tf("export.heading")}</h2>
          <p className="text-sm text-slate-600">{tf("export.note")}</p>
          {result.total > EXPORT_LIMIT ? (
            <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm" role="note" data-testid="export-limit">
              {tf("export.limited", { total: result.total, limit: EXPORT_LIMIT })}
            </p>
          ) : null}
          <p className="mt-2 flex gap-4">
            <a href={`/lagesbild/export?${exportQuery ? `${exportQuery}&` : ""}format=csv`} className="text-brand-700 underline" download>{tf("export.csv")}</a>
            <a href={`/lagesbild/export?${exportQuery ? `${exportQuery}&` : ""}format=xlsx`} className="text-brand-700 underline" download>{tf("export.xlsx")}</a>
          </p>
        </section>
      ) : null}
    </>
  );
}
