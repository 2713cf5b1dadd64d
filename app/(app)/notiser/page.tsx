import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { notificationListQuerySchema } from "@/lib/schemas/notification";
import { searchParamsOf } from "@/lib/route-params";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { MarkReadButton } from "./_components/mark-read-button";
import { MarkAllReadButton } from "./_components/mark-all-read-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The signed-in user's own notifications (every role has some): newest first, unread marked. */
export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await requireViewer();
  const query = await searchParamsOf(notificationListQuerySchema, searchParams);
  const locale = await getLocale();
  const { rows, total, page, pages, unread } = await listNotifications(viewer, query, locale);
  const t = await getTranslations("notifications");
  const format = await getFormatter();

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 flex flex-wrap items-end justify-between gap-4">
        <form method="get" className="flex items-end gap-2">
          <div>
            <label htmlFor="notification-show" className="block text-sm font-medium text-slate-800">{t("filterLabel")}</label>
            <select id="notification-show" name="show" defaultValue={query.show} className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2">
              <option value="all">{t("filterAll")}</option>
              <option value="unread">{t("filterUnread")}</option>
            </select>
          </div>
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100">{t("apply")}</button>
        </form>
        {/* Always mounted: its "n marked read" status outlives the refresh that leaves nothing unread. */}
        <MarkAllReadButton
            unread={unread}
            label={t("markAllRead")}
            busyLabel={t("marking")}
            doneOne={t("markedAll", { count: 1 })}
            doneMany={t("markedAll", { count: 2 }).replace("2", "{count}")}
          />
      </div>
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {t("total", { count: total })} · {t("unreadTotal", { count: unread })}
      </p>
      {rows.length === 0 ? (
        <EmptyState title={query.show === "unread" ? t("emptyUnread") : t("empty")} text={t("emptyHint")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
          {rows.map((n) => (
            <li key={n.id} className={`flex flex-wrap items-start justify-between gap-3 px-4 py-3 ${n.readAt ? "" : "bg-brand-50"}`} data-unread={n.readAt ? undefined : "true"}>
              <div className="min-w-0 flex-1">
                <p className="font-medium text-slate-900">
                  {n.readAt ? null : <span className="mr-2 rounded bg-brand-700 px-1.5 py-0.5 text-xs font-semibold text-white">{t("unread")}</span>}
                  {n.title}
                </p>
                {n.body ? <p className="mt-1 text-sm text-slate-700">{n.body}</p> : null}
                <p className="mt-1 text-xs text-slate-600">
                  <time dateTime={n.createdAt.toISOString()}>{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  {n.readAt ? <> · {t("read", { date: format.dateTime(n.readAt, { dateStyle: "medium", timeStyle: "short" }) })}</> : null}
                </p>
              </div>
              <div className="flex items-start gap-2">
                {n.link ? (
                  <Link href={n.link} className="rounded-md px-2 py-1 text-sm font-medium text-brand-800 underline">
                    {t("open")}<span className="sr-only">{`: ${n.title}`}</span>
                  </Link>
                ) : null}
                {n.readAt ? null : <MarkReadButton id={n.id} title={n.title} label={t("markRead")} busyLabel={t("marking")} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} query={{ show: query.show === "all" ? undefined : query.show }} />
    </>
  );
}
