import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may, scopeFor } from "@/lib/access/permissions";
import { listMeasures } from "@/lib/server/measures/list-measures";
import { getMeasureFormOptions } from "@/lib/server/measures/form-options";
import { measureFilterSchema, MEASURE_STATUSES, PREVENTION_LEVELS } from "@/lib/schemas/measures";
import { searchParamsOf } from "@/lib/route-params";
import { startOfTodayUtc } from "@/lib/dates";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measures"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function MeasuresPage({ searchParams }: Props) {
  const viewer = await requireViewer("measure", "list");
  const filter = await searchParamsOf(measureFilterSchema, searchParams);
  const all = scopeFor(viewer.role, "measure", "list") === "all";
  // One database transaction at a time per page view (the pool is small on the embedded database).
  const result = await listMeasures(viewer, filter, startOfTodayUtc());
  const options = all ? await getMeasureFormOptions(viewer, "create") : null;
  const [t, format] = await Promise.all([getTranslations("measures"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

  return (
    <>
      <PageHeader title={t("title")} description={`${t("description")} ${all ? t("scopeAll") : t("scopeOwn", { count: viewer.divisionIds.length })}`} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className={`text-sm ${result.overdueTotal > 0 ? "font-semibold text-amber-800" : "text-slate-600"}`} data-testid="measures-overdue">
          {t("overdueCount", { count: result.overdueTotal })}
          {result.overdueTotal > 0 ? <> <Link href="/insatser?overdue=ja" className="underline">{t("onlyOverdue")}</Link></> : null}
        </p>
        {may(viewer.role, "measure", "create") ? (
          <Link href="/insatser/ny" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">{t("new")}</Link>
        ) : null}
      </div>
      <form method="get" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium">
          {t("search")}
          <input type="search" name="q" defaultValue={filter.q ?? ""} maxLength={100} className={select} />
        </label>
        <label className="text-sm font-medium">
          {t("columns.level")}
          <select name="level" defaultValue={filter.level ?? ""} className={select}>
            <option value="">{t("allLevels")}</option>
            {PREVENTION_LEVELS.map((l) => <option key={l} value={l}>{t(`levels.${l}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("columns.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("allStatuses")}</option>
            {MEASURE_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </label>
        {options && options.divisions.length > 1 ? (
          <label className="text-sm font-medium">
            {t("columns.division")}
            <select name="division" defaultValue={filter.division ?? ""} className={select}>
              <option value="">{t("allDivisions")}</option>
              {options.divisions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="special" value="ja" defaultChecked={filter.special === "ja"} /> {t("onlySpecial")}
        </label>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="overdue" value="ja" defaultChecked={filter.overdue === "ja"} /> {t("onlyOverdue")}
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
        <span className="ml-auto text-sm text-slate-600" data-testid="list-count">{t("count", { total: result.total })}</span>
      </form>

      {result.rows.length === 0 ? (
        <EmptyState title={t("empty")} text={may(viewer.role, "measure", "create") ? t("emptyHint") : undefined} />
      ) : (
        <DataTable headers={(["title", "level", "division", "targetGroup", "responsible", "status", "nextReview"] as const).map((c) => t(`columns.${c}`))}>
          {result.rows.map((m) => (
            <tr key={m.id}>
              <td className="px-3 py-2">
                <Link href={`/insatser/${m.id}`} className="font-medium text-brand-700 underline">{m.title}</Link>
                {m.isSpecial ? (
                  <span className="ml-2 rounded bg-purple-100 px-2 py-0.5 text-xs font-semibold text-purple-900">
                    {t("special")}{m.investigationStatus ? ` · ${t(`investigation.${m.investigationStatus}`)}` : ""}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2">{t(`levels.${m.level}`)}</td>
              <td className="px-3 py-2">{m.division}</td>
              <td className="px-3 py-2">{m.targetGroup}</td>
              <td className="px-3 py-2">{m.responsible ?? t("noResponsible")}</td>
              <td className="px-3 py-2">{t(`statuses.${m.status}`)}</td>
              <td className="px-3 py-2 whitespace-nowrap">
                {date(m.nextReviewDate)}
                {m.overdue ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("overdue")}</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pages={result.pages} query={{ q: filter.q, level: filter.level, status: filter.status, division: filter.division, special: filter.special, overdue: filter.overdue }} />
    </>
  );
}
