import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listUnits } from "@/lib/server/organisation/list-units";
import { organisationListQuerySchema, UNIT_KINDS } from "@/lib/schemas/organisation";
import { searchParamsOf } from "@/lib/route-params";
import { may } from "@/lib/access/permissions";
import { DataTable } from "@/components/layout/data-table";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { CreateUnitForm } from "./_components/unit-form";
import { OrganisationNav } from "./_components/organisation-nav";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("organisation.title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer("organisation", "list");
  const query = await searchParamsOf(organisationListQuerySchema, searchParams);
  const kind = query.typ;
  const { rows, total, page, pages } = await listUnits(viewer, { kind, page: query.page });
  const t = await getTranslations();
  const headers = [
    t("organisation.columns.name"),
    ...(kind === "division" ? [t("organisation.columns.code")] : []),
    t("organisation.columns.sortOrder"),
    t("organisation.columns.status"),
    t("organisation.columns.usage"),
    ...(kind === "division" ? [t("organisation.columns.members")] : []),
  ];

  return (
    <>
      <PageHeader title={t("pages.organisation.title")} description={t("pages.organisation.description")} />
      <OrganisationNav viewer={viewer} />
      <nav aria-label={t("organisation.tabsLabel")} className="mb-4 border-b border-slate-200">
        <ul className="flex flex-wrap gap-1">
          {UNIT_KINDS.map((k) => (
            <li key={k}>
              <Link
                href={`/admin/organisation?typ=${k}`}
                aria-current={k === kind ? "page" : undefined}
                className={`inline-block rounded-t-md px-4 py-2 font-medium ${k === kind ? "border border-b-white border-slate-200 bg-white text-brand-800" : "text-slate-700 hover:text-brand-800"}`}
              >
                {t(`organisation.kinds.${k}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">{t("organisation.total", { count: total })}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("organisation.empty")} />
      ) : (
        <DataTable headers={headers}>
          {rows.map((unit) => (
            <tr key={unit.id} className={unit.active ? undefined : "text-slate-500"}>
              <td className="px-3 py-2">
                <Link href={`/admin/organisation/${kind}/${unit.id}`} className="font-medium text-brand-800 underline">{unit.name}</Link>
                {unit.isCoordinating ? <span className="ml-2 rounded bg-brand-100 px-2 py-0.5 text-xs text-brand-900">{t("organisation.hostsCoordinator")}</span> : null}
              </td>
              {kind === "division" ? <td className="px-3 py-2">{unit.code}</td> : null}
              <td className="px-3 py-2">{unit.sortOrder}</td>
              <td className="px-3 py-2">{unit.active ? t("organisation.active") : t("organisation.inactive")}</td>
              <td className="px-3 py-2">{unit.inUse > 0 ? t("organisation.records", { count: unit.inUse }) : t("organisation.notInUse")}</td>
              {kind === "division" ? <td className="px-3 py-2">{unit.members}</td> : null}
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={page} pages={pages} query={{ typ: kind }} />
      {may(viewer.role, "organisation", "create") ? <CreateUnitForm key={kind} kind={kind} /> : null}
    </>
  );
}
