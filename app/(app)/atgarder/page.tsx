import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { listActionItemDivisions, listActionItems } from "@/lib/server/network/list-action-items";
import { ACTION_SORTS, actionItemListSchema } from "@/lib/schemas/network";
import { ACTION_STATUSES } from "@/lib/network/overdue";
import { stockholmToday } from "@/lib/network/stockholm-time";
import { searchParamsOf } from "@/lib/route-params";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/layout/data-table";
import { EmptyState } from "@/components/layout/empty-state";
import { Pagination } from "@/components/layout/pagination";
import { StatCard } from "@/components/layout/stat-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("actionItems.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ActionItemsPage({ searchParams }: Props) {
  const viewer = await requireViewer("actionItem", "list");
  const query = await searchParamsOf(actionItemListSchema, searchParams);
  const today = stockholmToday(new Date());
  const [t, format] = await Promise.all([getTranslations("network"), getFormatter()]);
  // One transaction at a time: a page must not hold several pooled connections at once.
  const result = await listActionItems(viewer, query, today);
  const divisions = await listActionItemDivisions(viewer);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const filterQuery = { status: query.status, overdue: query.overdue, mine: query.mine, division: query.division, meeting: query.meeting, q: query.q, sort: query.sort === "due" ? undefined : query.sort };
  const exportQuery = new URLSearchParams(Object.entries(filterQuery).filter(([, v]) => v) as [string, string][]).toString();
  const filtered = Object.values(filterQuery).some(Boolean);

  return (
    <>
      <PageHeader title={t("items.title")} description={t("items.description")} />
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <dl className="min-w-56" data-testid="overdue-count" data-count={result.overdueCount}>
          <StatCard label={t("items.overdueLabel")} value={format.number(result.overdueCount)} detail={t("items.overdueCount", { count: result.overdueCount })}
            tone={result.overdueCount > 0 ? "warning" : "neutral"} />
        </dl>
        <div className="flex flex-wrap gap-2">
          {may(viewer.role, "actionItem", "create") ? (
            <Link href="/atgarder/ny" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("items.new")}</Link>
          ) : null}
          {may(viewer.role, "actionItem", "export") ? (
            <>
              <a href={`/atgarder/export/csv${exportQuery ? `?${exportQuery}` : ""}`} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t("items.exportCsv")}</a>
              <a href={`/atgarder/export/xlsx${exportQuery ? `?${exportQuery}` : ""}`} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t("items.exportXlsx")}</a>
            </>
          ) : null}
        </div>
      </div>

      <form method="get" aria-label={t("items.filters")} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium">
          {t("items.status")}
          <select name="status" defaultValue={query.status ?? ""} className={select}>
            <option value="">{t("items.allStatuses")}</option>
            <option value="active">{t("items.activeStatuses")}</option>
            {ACTION_STATUSES.map((s) => <option key={s} value={s}>{t(`items.statuses.${s}`)}</option>)}
          </select>
        </label>
        {divisions.length > 1 ? (
          <label className="text-sm font-medium">
            {t("items.division")}
            <select name="division" defaultValue={query.division ?? ""} className={select}>
              <option value="">{t("items.allDivisions")}</option>
              {divisions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="text-sm font-medium">
          {t("items.search")}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} className={select} />
        </label>
        <label className="text-sm font-medium">
          {t("items.sort")}
          <select name="sort" defaultValue={query.sort} className={select}>
            {ACTION_SORTS.map((s) => <option key={s} value={s}>{t(`items.sorts.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="overdue" value="1" defaultChecked={!!query.overdue} />{t("items.onlyOverdue")}</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="mine" value="1" defaultChecked={!!query.mine} />{t("items.onlyMine")}</label>
        {query.meeting ? <input type="hidden" name="meeting" value={query.meeting} /> : null}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("items.apply")}</button>
        <span className="ml-auto text-sm text-slate-600" data-testid="action-item-count">{t("items.count", { total: result.total })}</span>
      </form>

      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? t("items.emptyFiltered") : t("items.empty")} text={filtered ? undefined : t("items.emptyText")} />
      ) : (
        <DataTable headers={(["title", "owner", "division", "due", "status", "meeting"] as const).map((c) => t(`items.columns.${c}`))}>
          {result.rows.map((row) => (
            <tr key={row.id} className={row.overdue ? "bg-amber-50" : undefined}>
              <td className="px-3 py-2"><Link href={`/atgarder/${row.id}`} className="text-brand-700 underline">{row.title}</Link></td>
              <td className="px-3 py-2">{row.owner}</td>
              <td className="px-3 py-2">{row.division ?? t("items.networkWide")}</td>
              <td className={`px-3 py-2 whitespace-nowrap ${row.overdue ? "font-medium text-red-800" : ""}`}>
                {date(row.dueDate)}{row.overdue ? <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs">{t("items.overdue")}</span> : null}
              </td>
              <td className="px-3 py-2">{t(`items.statuses.${row.status}`)}</td>
              <td className="px-3 py-2">{row.meeting ? <Link href={`/natverk/moten/${row.meeting.id}`} className="underline">{row.meeting.title}</Link> : t("items.noMeeting")}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pages={result.pages} query={filterQuery} />
    </>
  );
}
