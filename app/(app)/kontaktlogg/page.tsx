import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may, scopeFor } from "@/lib/access/permissions";
import { contactDivisionOptions, listContacts } from "@/lib/server/contact-log/contacts";
import { contactFilterSchema } from "@/lib/schemas/contact-log";
import { searchParamsOf } from "@/lib/route-params";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactLog"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContactLogPage({ searchParams }: Props) {
  const viewer = await requireViewer("contactLog", "list");
  const filter = await searchParamsOf(contactFilterSchema, searchParams);
  const [t, ts, format, result, divisions] = await Promise.all([
    getTranslations("contactLog"), getTranslations("situation"), getFormatter(), listContacts(viewer, filter), contactDivisionOptions(viewer, "list"),
  ]);
  const all = scopeFor(viewer.role, "contactLog", "list") === "all";
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

  return (
    <>
      <PageHeader title={t("title")} description={`${t("description")} ${all ? t("scopeAll") : t("scopeOwn", { count: viewer.divisionIds.length })}`} />
      {may(viewer.role, "contactLog", "create") ? (
        <Link href="/kontaktlogg/ny" className="mb-4 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("new")}</Link>
      ) : null}
      <form method="get" aria-label={t("filters")} className="mb-6 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm font-medium">
          {t("from")}
          <input type="date" name="fran" defaultValue={filter.fran ?? ""} className={input} />
        </label>
        <label className="text-sm font-medium">
          {t("to")}
          <input type="date" name="till" defaultValue={filter.till ?? ""} className={input} />
        </label>
        {divisions.length > 1 ? (
          <label className="text-sm font-medium">
            {t("division")}
            <select name="division" defaultValue={filter.division ?? ""} className={input}>
              <option value="">{t("allDivisions")}</option>
              {divisions.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
          </label>
        ) : null}
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
        <span className="ml-auto text-sm text-slate-600">{t("count", { total: result.total })}</span>
      </form>

      {result.rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DataTable headers={[t("fields.contactedOn"), t("fields.channel"), t("fields.requester"), t("fields.environment"), t("fields.gender"), t("fields.ageBand"), t("fields.referral"), t("division"), ""]}>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2 whitespace-nowrap">{date(row.contactedOn)}</td>
              <td className="px-3 py-2">{t(`channels.${row.channel}`)}</td>
              <td className="px-3 py-2">{t(`requesters.${row.requester}`)}</td>
              <td className="px-3 py-2">{row.environment ? ts(`environments.${row.environment}`) : t("fields.environmentUnknown")}</td>
              <td className="px-3 py-2">{t(`genders.${row.gender}`)}</td>
              <td className="px-3 py-2">{t(`ageBands.${row.ageBand}`)}</td>
              <td className="px-3 py-2">{t(`referrals.${row.referral}`)}</td>
              <td className="px-3 py-2">{row.division}</td>
              <td className="px-3 py-2">
                {may(viewer.role, "contactLog", "update") ? (
                  <Link href={`/kontaktlogg/${row.id}`} className="text-brand-700 underline" aria-label={t("editLabel", { date: date(row.contactedOn) })}>{t("edit")}</Link>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pages={result.pages} query={{ fran: filter.fran, till: filter.till, division: filter.division }} />
    </>
  );
}
