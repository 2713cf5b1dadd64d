import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { auditFilterSchema } from "@/lib/schemas/audit-filter";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { firstValues } from "@/lib/pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const viewer = await requireViewer("auditEvent", "list");
  const filter = auditFilterSchema.parse(await firstValues(searchParams));
  const [t, format, result] = await Promise.all([getTranslations("audit"), getFormatter(), listAuditEvents(viewer, filter)]);
  const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";
  const query = { action: filter.action, entityType: filter.entityType, actor: filter.actor, from: filter.from, to: filter.to };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <p
        role="status"
        className={`mb-4 rounded-md border px-3 py-2 text-sm ${result.chain.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
      >
        {result.chain.ok ? t("chainOk", { events: result.chain.events }) : t("chainBroken", { id: result.chain.firstBrokenId })}
      </p>

      <form method="get" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6" aria-label={t("filters")}>
        <label className="text-sm font-medium lg:col-span-2">{t("action")}<input name="action" defaultValue={filter.action} className={input} /></label>
        <label className="text-sm font-medium">{t("entityType")}<input name="entityType" defaultValue={filter.entityType} className={input} /></label>
        <label className="text-sm font-medium">{t("actor")}<input name="actor" defaultValue={filter.actor} className={input} /></label>
        <label className="text-sm font-medium">{t("from")}<input type="date" name="from" defaultValue={filter.from} className={input} /></label>
        <label className="text-sm font-medium">{t("to")}<input type="date" name="to" defaultValue={filter.to} className={input} /></label>
        <div className="flex items-center gap-3 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("apply")}</button>
          <Link href="/admin/logg" className="text-sm text-brand-700 underline">{t("clear")}</Link>
          <span className="ml-auto text-sm text-slate-600">{t("count", { total: result.total })}</span>
        </div>
      </form>

      {result.rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DataTable headers={(["when", "actor", "action", "entity", "ip"] as const).map((c) => t(`columns.${c}`))}>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2 whitespace-nowrap">{format.dateTime(row.occurredAt, { dateStyle: "short", timeStyle: "medium" })}</td>
              <td className="px-3 py-2">{row.actor ?? t("system")}</td>
              <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
              <td className="px-3 py-2">{row.entityType}{row.entityId ? <span className="ml-1 font-mono text-xs text-slate-500">{row.entityId}</span> : null}</td>
              <td className="px-3 py-2 font-mono text-xs">{row.ip ?? "–"}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination
        page={result.page}
        pages={result.pages}
        query={query}
      />
    </>
  );
}
