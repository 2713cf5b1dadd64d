import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getRoster, listMemberCandidates } from "@/lib/server/network/roster";
import { listMeetings } from "@/lib/server/network/list-meetings";
import { meetingListSchema, MEETING_STATUSES } from "@/lib/schemas/network";
import { searchParamsOf } from "@/lib/route-params";
import { MEETING_TIME_ZONE } from "@/lib/network/stockholm-time";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/layout/data-table";
import { EmptyState } from "@/components/layout/empty-state";
import { Pagination } from "@/components/layout/pagination";
import { AddMemberForm } from "./_components/add-member-form";
import { ConfirmActionButton } from "./_components/confirm-action-button";
import { removeNetworkMemberAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("network.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NetworkPage({ searchParams }: Props) {
  const viewer = await requireViewer("networkMeeting", "list");
  const query = await searchParamsOf(meetingListSchema, searchParams);
  const manages = may(viewer.role, "networkMeeting", "create");
  const [t, tp, format] = await Promise.all([getTranslations("network"), getTranslations("pages"), getFormatter()]);
  // One transaction at a time: a page must not hold several pooled connections at once.
  const roster = await getRoster(viewer);
  const meetings = await listMeetings(viewer, query);
  const candidates = manages ? await listMemberCandidates(viewer) : [];
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short", timeZone: MEETING_TIME_ZONE });
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

  return (
    <>
      <PageHeader title={tp("network.title")} description={tp("network.description")} />

      <section aria-labelledby="coverage-title" className="mb-10">
        <h2 id="coverage-title" className="mb-3 text-lg font-semibold">{t("roster.coverageTitle")}</h2>
        {roster.gaps.length > 0 ? (
          <div role="alert" data-testid="responsibility-gaps" className="mb-3 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">{t("roster.gapsWarning", { count: roster.gaps.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {roster.gaps.map((g) => <li key={g}>{t("roster.gap", { responsibility: t(`responsibilities.${g}`).toLowerCase() })}</li>)}
            </ul>
          </div>
        ) : (
          <p className="mb-3 text-sm text-green-900">{t("roster.noGaps")}</p>
        )}
        <dl className="grid gap-3 sm:grid-cols-2">
          {roster.coverage.map((c) => (
            <div key={c.responsibility} className={`rounded-lg border bg-white p-4 ${c.members.length === 0 ? "border-amber-300" : "border-slate-200"}`}>
              <dt className="font-medium">{t(`responsibilities.${c.responsibility}`)}</dt>
              <dd className="text-sm text-slate-700">
                {c.members.length > 0 ? t("roster.carriedBy", { names: c.members.join(", ") }) : t("roster.gap", { responsibility: t(`responsibilities.${c.responsibility}`).toLowerCase() })}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="roster-title" className="mb-10">
        <h2 id="roster-title" className="mb-3 text-lg font-semibold">{t("roster.title")}</h2>
        {roster.members.length === 0 ? (
          <EmptyState title={t("roster.empty")} text={t("roster.emptyText")} />
        ) : (
          <DataTable headers={[t("roster.columns.name"), t("roster.columns.division"), t("roster.columns.responsibilities"), ...(manages ? [t("roster.columns.actions")] : [])]}>
            {roster.members.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2">{m.name}</td>
                <td className="px-3 py-2">{m.division}</td>
                <td className="px-3 py-2">{m.responsibilities.map((r) => t(`responsibilities.${r}`)).join(", ")}</td>
                {manages ? (
                  <td className="px-3 py-2">
                    <ConfirmActionButton action={removeNetworkMemberAction} input={{ id: m.id, version: m.version }}
                      label={t("roster.remove", { name: m.name })} question={t("roster.removeConfirm", { name: m.name, division: m.division })}
                      yes={t("roster.removeYes")} no={t("meetingForm.cancelNo")} done={t("roster.removed")} />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
        {manages ? (
          <details className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t("roster.addTitle")}</summary>
            <div className="mt-3"><AddMemberForm candidates={candidates} /></div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="meetings-title">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="meetings-title" className="text-lg font-semibold">{t("meetings.title")}</h2>
          {manages ? (
            <Link href="/natverk/moten/ny" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("meetings.plan")}</Link>
          ) : null}
        </div>
        <form method="get" aria-label={t("meetings.filter")} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
          <label className="text-sm font-medium">
            {t("meetings.statusLabel")}
            <select name="status" defaultValue={query.status ?? ""} className={select}>
              <option value="">{t("meetings.allStatuses")}</option>
              {MEETING_STATUSES.map((s) => <option key={s} value={s}>{t(`meetings.statuses.${s}`)}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">{t("meetings.apply")}</button>
          <span className="ml-auto text-sm text-slate-600">{t("meetings.count", { total: meetings.total })}</span>
        </form>
        {meetings.rows.length === 0 ? (
          <EmptyState title={query.status ? t("meetings.emptyFiltered") : t("meetings.empty")} />
        ) : (
          <DataTable headers={(["when", "title", "where", "status", "decisions", "actionItems"] as const).map((c) => t(`meetings.columns.${c}`))}>
            {meetings.rows.map((m) => (
              <tr key={m.id}>
                <td className="px-3 py-2 whitespace-nowrap">{when(m.scheduledAt)}</td>
                <td className="px-3 py-2">
                  <Link href={`/natverk/moten/${m.id}`} className="text-brand-700 underline">{m.title}</Link>
                </td>
                <td className="px-3 py-2">{m.location ?? (m.videoUrl ? t("meetings.videoMeeting") : "")}</td>
                <td className="px-3 py-2">{t(`meetings.statuses.${m.status}`)}</td>
                <td className="px-3 py-2">{format.number(m.decisions)}</td>
                <td className="px-3 py-2">{format.number(m.actionItems)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        <Pagination page={meetings.page} pages={meetings.pages} query={{ status: query.status }} />
      </section>
    </>
  );
}
