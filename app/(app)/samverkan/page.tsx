import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { listPartners } from "@/lib/server/partners/list-partners";
import { PARTNER_CATEGORIES, PARTNER_KINDS, PARTNER_SORTS, partnerListSchema } from "@/lib/schemas/network";
import { stockholmToday } from "@/lib/network/stockholm-time";
import { searchParamsOf } from "@/lib/route-params";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/layout/data-table";
import { EmptyState } from "@/components/layout/empty-state";
import { Pagination } from "@/components/layout/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("partners.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnersPage({ searchParams }: Props) {
  const viewer = await requireViewer("partner", "list");
  const query = await searchParamsOf(partnerListSchema, searchParams);
  const [t, format, result] = await Promise.all([getTranslations("network.partners"), getFormatter(), listPartners(viewer, query, stockholmToday(new Date()))]);
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const filterQuery = { kind: query.kind, category: query.category, stale: query.stale, q: query.q, sort: query.sort === "name" ? undefined : query.sort };
  const exportQuery = new URLSearchParams(Object.entries(filterQuery).filter(([, v]) => v) as [string, string][]).toString();
  const filtered = Object.values(filterQuery).some(Boolean);

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{t("reviewRule", { months: result.reviewAfterMonths })}</p>
        <div className="flex flex-wrap gap-2">
          {may(viewer.role, "partner", "create") ? (
            <Link href="/samverkan/ny" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("new")}</Link>
          ) : null}
          {may(viewer.role, "partner", "export") ? (
            <>
              <a href={`/samverkan/export/csv${exportQuery ? `?${exportQuery}` : ""}`} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t("exportCsv")}</a>
              <a href={`/samverkan/export/xlsx${exportQuery ? `?${exportQuery}` : ""}`} className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t("exportXlsx")}</a>
            </>
          ) : null}
        </div>
      </div>
      <form method="get" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium">
          {t("kind")}
          <select name="kind" defaultValue={query.kind ?? ""} className={select}>
            <option value="">{t("allKinds")}</option>
            {PARTNER_KINDS.map((k) => <option key={k} value={k}>{t(`kinds.${k}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("category")}
          <select name="category" defaultValue={query.category ?? ""} className={select}>
            <option value="">{t("allCategories")}</option>
            {PARTNER_CATEGORIES.map((c) => <option key={c} value={c}>{t(`categories.${c}`)}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">
          {t("search")}
          <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={100} className={select} />
        </label>
        <label className="text-sm font-medium">
          {t("sort")}
          <select name="sort" defaultValue={query.sort} className={select}>
            {PARTNER_SORTS.map((s) => <option key={s} value={s}>{t(`sorts.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="stale" value="1" defaultChecked={!!query.stale} />{t("onlyStale")}</label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
        <span className="ml-auto text-sm text-slate-600">{t("count", { total: result.total })}</span>
      </form>
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} />
      ) : (
        <DataTable headers={(["name", "kind", "category", "contacts", "freshness"] as const).map((c) => t(`columns.${c}`))}>
          {result.rows.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2">
                <Link href={`/samverkan/${p.id}`} className="text-brand-700 underline">{p.name}</Link>
                {p.active ? null : <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs">{t("inactive")}</span>}
              </td>
              <td className="px-3 py-2">{t(`kinds.${p.kind}`)}</td>
              <td className="px-3 py-2">{t(`categories.${p.category}`)}</td>
              <td className="px-3 py-2">{t("contactsCount", { count: p.contacts.length })}</td>
              <td className="px-3 py-2">
                {p.contacts.length === 0 ? "–" : p.needsReview
                  ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-sm text-amber-900">{t("needsReview")}</span>
                  : <span className="text-sm text-green-900">{t("fresh")}</span>}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pages={result.pages} query={filterQuery} />
      <p className="sr-only">{format.number(result.total)}</p>
    </>
  );
}
