import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may, readsFiguresOnly } from "@/lib/access/permissions";
import { listFollowUps } from "@/lib/server/follow-up/list-follow-ups";
import { followUpFilterSchema } from "@/lib/schemas/follow-up-filter";
import { FOLLOW_UP_STATUSES } from "@/lib/schemas/follow-up";
import { searchParamsOf } from "@/lib/route-params";
import { startOfTodayUtc } from "@/lib/dates";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/layout/pagination";
import { EmptyState } from "@/components/layout/empty-state";
import { DataTable } from "@/components/layout/data-table";
import { StatCard } from "@/components/layout/stat-card";
import { OpenCycleForm } from "./_components/open-cycle-form";
import { CloseCycle } from "./_components/close-cycle";
import { CycleFigures } from "./_components/cycle-figures";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUp"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FollowUpPage({ searchParams }: Props) {
  const signedIn = await requireViewer();
  // A reader of figures only (the observer) gets the cycles as counts: no single follow-up,
  // no division (decision 021). Anyone else who may not list follow-ups: 403, audited.
  if (!may(signedIn.role, "followUp", "list") && readsFiguresOnly(signedIn.role, "followUp")) return <CycleFigures viewer={signedIn} />;
  const viewer = await requireViewer("followUp", "list");
  const filter = await searchParamsOf(followUpFilterSchema, searchParams);
  const today = startOfTodayUtc();
  const [t, format, result] = await Promise.all([getTranslations("followUp"), getFormatter(), listFollowUps(viewer, filter, today)]);
  const cycles = result.cycles;
  // A closed cycle leaves the open list (its follow-ups are frozen) but stays reachable below.
  const openCycles = cycles.filter((c) => c.status !== "CLOSED");
  const closedCycles = cycles.filter((c) => c.status === "CLOSED");
  const canClose = may(viewer.role, "followUp", "finalize");
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const f = result.figures;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {may(viewer.role, "evaluation", "read") ? (
        <p className="-mt-4 mb-6 text-sm"><Link href="/uppfoljning/arsutvardering" className="text-brand-700 underline">{t("evaluationLink")}</Link></p>
      ) : null}
      <section aria-labelledby="figures" className="mb-6">
        <h2 id="figures" className="sr-only">{t("figures.label")}</h2>
        <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" data-testid="follow-up-figures">
          <StatCard label={t("figures.overdue")} value={String(f.overdue)} detail={t("figures.overdueDetail")} tone={f.overdue > 0 ? "warning" : "neutral"} />
          <StatCard label={t("figures.awaitingReview")} value={String(f.awaitingReview)} />
          <StatCard label={t("figures.returned")} value={String(f.returned)} />
          <StatCard label={t("figures.reviewed")} value={String(f.reviewed)} />
        </dl>
      </section>

      {may(viewer.role, "followUp", "create") ? (
        <section className="mb-8 space-y-4">
          <OpenCycleForm />
          <h2 className="text-lg font-semibold">{t("cycles.title")}</h2>
          {openCycles.length === 0 ? (
            <EmptyState title={t("cycles.empty")} />
          ) : (
            <DataTable headers={(["title", "dueDate", "followUps", "overdue", "reviewed", "actions"] as const).map((c) => t(`cycles.columns.${c}`))}>
              {openCycles.map((c) => (
                <tr key={c.id}>
                  <td className="px-3 py-2">
                    <Link href={`/uppfoljning?cycle=${c.id}`} className="text-brand-700 underline" aria-label={t("cycles.show", { title: c.title })}>{c.title}</Link>
                  </td>
                  <td className="px-3 py-2 whitespace-nowrap">{date(c.dueDate)}</td>
                  <td className="px-3 py-2">{c.followUps}</td>
                  <td className={`px-3 py-2 ${c.overdue > 0 ? "font-semibold text-amber-800" : ""}`}>{c.overdue}</td>
                  <td className="px-3 py-2">{c.reviewed}</td>
                  <td className="px-3 py-2">
                    {canClose ? <CloseCycle id={c.id} version={c.version} title={c.title} unapproved={c.followUps - c.reviewed} /> : null}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
          {closedCycles.length > 0 ? (
            <>
              <h2 className="text-lg font-semibold">{t("cycles.closedTitle")}</h2>
              <DataTable headers={(["title", "dueDate", "followUps", "reviewed"] as const).map((c) => t(`cycles.columns.${c}`))}>
                {closedCycles.map((c) => (
                  <tr key={c.id} data-testid="closed-cycle">
                    <td className="px-3 py-2">
                      <Link href={`/uppfoljning?cycle=${c.id}`} className="text-brand-700 underline" aria-label={t("cycles.show", { title: c.title })}>{c.title}</Link>
                    </td>
                    <td className="px-3 py-2 whitespace-nowrap">{date(c.dueDate)}</td>
                    <td className="px-3 py-2">{c.followUps}</td>
                    <td className="px-3 py-2">{c.reviewed}</td>
                  </tr>
                ))}
              </DataTable>
            </>
          ) : null}
        </section>
      ) : null}

      <h2 className="mb-2 text-lg font-semibold">{t("list.title")}</h2>
      <form method="get" aria-label={t("list.filters")} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        {filter.division ? <input type="hidden" name="division" value={filter.division} /> : null}
        {cycles.length > 0 ? (
          <label className="text-sm font-medium">
            {t("list.columns.cycle")}
            <select name="cycle" defaultValue={filter.cycle ?? ""} className={select}>
              <option value="">{t("list.allCycles")}</option>
              {cycles.map((c) => <option key={c.id} value={c.id}>{c.title}</option>)}
            </select>
          </label>
        ) : null}
        <label className="text-sm font-medium">
          {t("list.columns.status")}
          <select name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("list.allStatuses")}</option>
            {FOLLOW_UP_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="overdue" value="ja" defaultChecked={filter.overdue === "ja"} />
          {t("list.onlyOverdue")}
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("list.apply")}</button>
      </form>
      <p className="mb-2 text-sm text-slate-600" role="status" data-testid="list-count">{t("list.count", { total: result.total })}</p>

      {result.rows.length === 0 ? (
        <EmptyState title={t("list.empty")} text={t("list.emptyHint")} />
      ) : (
        <DataTable headers={(["division", "cycle", "dueDate", "status"] as const).map((c) => t(`list.columns.${c}`))}>
          {result.rows.map((row) => (
            <tr key={row.id}>
              <td className="px-3 py-2">
                <Link href={`/uppfoljning/${row.id}`} className="text-brand-700 underline" aria-label={t("list.openOne", { division: row.division, cycle: row.cycle })}>
                  {row.division}
                </Link>
              </td>
              <td className="px-3 py-2">{row.cycle}</td>
              <td className="px-3 py-2 whitespace-nowrap">{date(row.dueDate)}</td>
              <td className="px-3 py-2">
                {t(`statuses.${row.status}`)}
                {row.overdue ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">{t("overdue")}</span> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={result.page} pages={result.pages} query={{ cycle: filter.cycle, division: filter.division, status: filter.status, overdue: filter.overdue }} />
    </>
  );
}
