import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listUsers } from "@/lib/server/users/list-users";
import { userListQuerySchema } from "@/lib/schemas/user";
import { searchParamsOf } from "@/lib/route-params";
import { may } from "@/lib/access/permissions";
import { DataTable } from "@/components/layout/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("users.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("user", "list");
  const query = await searchParamsOf(userListQuerySchema, searchParams);
  const { rows: items, total, page, pages } = await listUsers(viewer, query);
  const t = await getTranslations();
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t("pages.users.title")} description={t("pages.users.description")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" className="flex items-end gap-2">
          <div>
            <label htmlFor="user-search" className="block text-sm font-medium text-slate-800">{t("users.searchLabel")}</label>
            <input id="user-search" name="q" type="search" defaultValue={query.q} className="mt-1 rounded-md border border-slate-300 px-3 py-2" />
          </div>
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">{t("users.search")}</button>
        </form>
        {may(viewer.role, "user", "create") ? (
          <Link href="/admin/anvandare/ny" className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("users.newUser")}
          </Link>
        ) : null}
      </div>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">{t("users.total", { count: total })}</p>
      {items.length === 0 ? (
        <EmptyState title={t("users.empty")} />
      ) : (
        <DataTable headers={(["name", "email", "role", "divisions", "status", "lastLogin"] as const).map((c) => t(`users.columns.${c}`))}>
          {items.map((user) => (
            <tr key={user.id}>
              <td className="px-3 py-2">
                <Link href={`/admin/anvandare/${user.id}`} className="font-medium text-brand-800 underline">{user.name}</Link>
              </td>
              <td className="px-3 py-2">{user.email}</td>
              <td className="px-3 py-2">{t(`roles.${user.role}`)}</td>
              <td className="px-3 py-2">{user.divisions.join(", ")}</td>
              <td className="px-3 py-2">{user.active ? t("users.active") : t("users.inactive")}</td>
              <td className="px-3 py-2">
                {user.lastLoginAt ? format.dateTime(user.lastLoginAt, { dateStyle: "medium", timeStyle: "short" }) : t("users.never")}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pages={pages} query={{ q: query.q }} />
    </>
  );
}
