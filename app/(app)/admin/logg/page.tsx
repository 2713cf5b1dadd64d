import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listAuditEvents } from "@/lib/server/audit/list-events";
import { VERIFY_BATCH } from "@/lib/server/audit/checkpoint";
import { UNSEALED_ALARM_MS } from "@/lib/server/audit/verify-chain";
import { auditFilterSchema } from "@/lib/schemas/audit-filter";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { searchParamsOf } from "@/lib/route-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditLogPage({ searchParams }: Props) {
  const viewer = await requireViewer("auditEvent", "list");
  const filter = await searchParamsOf(auditFilterSchema, searchParams);
  const [t, format, result] = await Promise.all([getTranslations("audit"), getFormatter(), listAuditEvents(viewer, filter)]);
  const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";
  const query = { action: filter.action, entityType: filter.entityType, actor: filter.actor, entityId: filter.entityId, from: filter.from, to: filter.to };
  const chain = result.chain;
  // Each view verifies the next batch: going on is viewing the same page (filters and page kept) again.
  const continueHref = `/admin/logg?${new URLSearchParams(
    Object.entries({ ...query, page: filter.page > 1 ? String(filter.page) : undefined }).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString()}`;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div
        role="status"
        className={`mb-4 rounded-md border px-3 py-2 text-sm ${chain.ok ? "border-emerald-200 bg-emerald-50 text-emerald-900" : "border-red-300 bg-red-50 text-red-900"}`}
      >
        <p>
          {chain.breaks.length > 0
            ? t("chainBroken", { count: chain.breaks.length, ids: chain.breaks.slice(0, 20).map((b) => b.id).join(", ") })
            : chain.remaining > 0
              ? t("chainOkSoFar", { events: chain.events, sealed: chain.sealed, remaining: chain.remaining })
              : t("chainOk", { events: chain.events })}
        </p>
        {chain.pending.stale > 0 ? (
          <p className="mt-1">
            {t("chainStale", {
              count: chain.pending.stale,
              minutes: UNSEALED_ALARM_MS / 60_000,
              when: format.dateTime(chain.pending.oldestAt ?? new Date(), { dateStyle: "short", timeStyle: "medium" }),
            })}
          </p>
        ) : chain.pending.count > 0 ? (
          <p className="mt-1">{t("chainPending", { count: chain.pending.count })}</p>
        ) : null}
        <p className="mt-1 text-xs">
          {chain.verifiedAt
            ? t("chainVerifiedAt", { when: format.dateTime(chain.verifiedAt, { dateStyle: "short", timeStyle: "medium" }) })
            : t("chainNeverVerified")}
        </p>
        {chain.breaks.length === 0 && chain.remaining > 0 ? (
          // A plain link, not <Link>: a prefetch must not verify a batch nobody asked for.
          <p className="mt-2">
            <a href={continueHref} className="font-medium underline">{t("chainContinue", { batch: Math.min(VERIFY_BATCH, chain.remaining) })}</a>
          </p>
        ) : null}
      </div>

      <form method="get" className="mb-6 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6" aria-label={t("filters")}>
        <label className="text-sm font-medium lg:col-span-2">{t("action")}<input name="action" defaultValue={filter.action} className={input} /></label>
        <label className="text-sm font-medium">{t("entityType")}<input name="entityType" defaultValue={filter.entityType} className={input} /></label>
        <label className="text-sm font-medium">{t("actor")}<input name="actor" defaultValue={filter.actor} className={input} /></label>
        <label className="text-sm font-medium lg:col-span-2">{t("entityId")}<input name="entityId" defaultValue={filter.entityId} className={input} /></label>
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
