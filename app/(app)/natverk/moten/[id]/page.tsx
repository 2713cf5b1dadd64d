import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getMeeting } from "@/lib/server/network/get-meeting";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { dateOnly, MEETING_TIME_ZONE, stockholmToday, toStockholmLocal } from "@/lib/network/stockholm-time";
import { PageHeader } from "@/components/layout/page-header";
import { DataTable } from "@/components/layout/data-table";
import { EditMeetingForm } from "../../_components/meeting-form";
import { RecordMeetingForm } from "../../_components/record-meeting-form";
import { ConfirmActionButton } from "../../_components/confirm-action-button";
import { InviteMembersButton } from "../../_components/invite-members-button";
import { CreateActionItemForm, type OwnerOption } from "../../../atgarder/_components/action-item-form";
import { cancelMeetingAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("network.title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function MeetingPage({ params }: Props) {
  const viewer = await requireViewer("networkMeeting", "read");
  const { id } = await routeParams(idParams, params);
  const [t, format, meeting] = await Promise.all([getTranslations("network"), getFormatter(), orNotFound(getMeeting(viewer, id))]);
  const manages = may(viewer.role, "networkMeeting", "update");
  const createsItems = may(viewer.role, "actionItem", "create");
  const when = (d: Date) => format.dateTime(d, { dateStyle: "full", timeStyle: "short", timeZone: MEETING_TIME_ZONE });
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const owners: OwnerOption[] = [...new Map(meeting.members.map((m) => [m.userId, { userId: m.userId, name: m.name, divisions: [] as { id: string; name: string }[] }])).values()];
  for (const m of meeting.members) owners.find((o) => o.userId === m.userId)!.divisions.push({ id: m.divisionId, name: m.division });
  const defaultDue = dateOnly(new Date(stockholmToday(new Date()).getTime() + 30 * 86_400_000));
  const section = "rounded-lg border border-slate-200 bg-white p-4";

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/natverk" className="text-brand-700 underline">{t("meeting.back")}</Link></p>
      <PageHeader title={meeting.title} description={t(`meetings.statuses.${meeting.status}`)} />
      {meeting.status === "CANCELLED" ? (
        <p role="status" className="mb-4 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
          {meeting.cancelReason ? t("meeting.cancelledReason", { reason: meeting.cancelReason }) : t("meeting.cancelled")}
        </p>
      ) : null}

      <dl className="mb-6 grid gap-3 sm:grid-cols-3">
        <div className={section}><dt className="text-sm text-slate-600">{t("meeting.when")}</dt><dd data-testid="meeting-when">{when(meeting.scheduledAt)}</dd>
          <dd className="text-sm text-slate-600">{t("meeting.duration", { minutes: meeting.durationMinutes })}</dd></div>
        <div className={section}><dt className="text-sm text-slate-600">{t("meeting.where")}</dt><dd>{meeting.location ?? "–"}</dd></div>
        <div className={section}><dt className="text-sm text-slate-600">{t("meeting.video")}</dt>
          <dd>{meeting.videoUrl ? <a href={meeting.videoUrl} className="break-all text-brand-700 underline" rel="noopener noreferrer">{meeting.videoUrl}</a> : "–"}</dd></div>
      </dl>

      <div className="mb-8 flex flex-wrap items-start gap-4">
        <div>
          <a href={`/natverk/moten/${meeting.id}/inbjudan`} download className="inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">
            {t("meeting.downloadIcs")}
          </a>
          <p className="mt-1 max-w-md text-sm text-slate-600">{t("meeting.icsHint")}</p>
        </div>
        {manages && meeting.status === "PLANNED" ? (
          <InviteMembersButton meetingId={meeting.id} invitationsSent={meeting.invitationsSent}
            lastSentAt={meeting.invitationsSentAt ? when(meeting.invitationsSentAt) : null} />
        ) : null}
        {manages && meeting.status === "PLANNED" ? (
          <ConfirmActionButton action={cancelMeetingAction} input={{ id: meeting.id, version: meeting.version }}
            label={t("meeting.cancel")} question={t("meetingForm.cancelConfirm")} reasonLabel={t("meetingForm.cancelReason")}
            yes={t("meetingForm.cancelYes")} no={t("meetingForm.cancelNo")} done={t("meetingForm.cancelledDone")} />
        ) : null}
      </div>

      <section aria-labelledby="agenda-title" className="mb-8">
        <h2 id="agenda-title" className="mb-2 text-lg font-semibold">{t("meeting.agenda")}</h2>
        <p className="whitespace-pre-line">{meeting.agenda || t("meeting.noAgenda")}</p>
      </section>

      <section aria-labelledby="minutes-title" className="mb-8">
        <h2 id="minutes-title" className="mb-2 text-lg font-semibold">{t("meeting.minutes")}</h2>
        <p className="whitespace-pre-line" data-testid="meeting-minutes">{meeting.minutes || t("meeting.noMinutes")}</p>
      </section>

      <section aria-labelledby="attendance-title" className="mb-8">
        <h2 id="attendance-title" className="mb-2 text-lg font-semibold">{t("meeting.attendance")}</h2>
        <ul className="grid gap-1 sm:grid-cols-2" data-testid="meeting-attendance">
          {meeting.attendance.map((a) => (
            <li key={a.userId}>
              {a.name}{a.division ? ` (${a.division})` : ""}: {a.present === null ? t("meeting.notRecorded") : a.present ? t("meeting.present") : t("meeting.absent")}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="decisions-title" className="mb-8">
        <h2 id="decisions-title" className="mb-2 text-lg font-semibold">{t("meeting.decisions")}</h2>
        {meeting.decisions.length === 0 ? <p>{t("meeting.noDecisions")}</p> : (
          <ol className="space-y-3" data-testid="meeting-decisions">
            {meeting.decisions.map((d) => (
              <li key={d.id} className={section}>
                <p><span className="font-semibold">{d.number}.</span> {d.text}</p>
                <p className="text-sm text-slate-600">{t("meeting.decisionItems", { count: d.actionItems })}</p>
                {createsItems ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("meeting.createItem")}</summary>
                    <div className="mt-2">
                      <CreateActionItemForm owners={owners} meetingId={meeting.id} decisionId={d.id} title={d.text} defaultDue={defaultDue}
                        legend={t("meeting.createItemFor", { number: d.number })} />
                    </div>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="items-title" className="mb-8">
        <h2 id="items-title" className="mb-2 text-lg font-semibold">{t("meeting.actionItems")}</h2>
        {meeting.actionItems.length === 0 ? <p>{t("meeting.noActionItems")}</p> : (
          <DataTable headers={(["title", "owner", "division", "due", "status"] as const).map((c) => t(`items.columns.${c}`))}>
            {meeting.actionItems.map((i) => (
              <tr key={i.id}>
                <td className="px-3 py-2"><Link href={`/atgarder/${i.id}`} className="text-brand-700 underline">{i.title}</Link></td>
                <td className="px-3 py-2">{i.owner}</td>
                <td className="px-3 py-2">{i.division ?? t("items.networkWide")}</td>
                <td className="px-3 py-2 whitespace-nowrap">{date(i.dueDate)}</td>
                <td className="px-3 py-2">{t(`items.statuses.${i.status}`)}</td>
              </tr>
            ))}
          </DataTable>
        )}
        {createsItems ? (
          <details className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-medium">{t("meeting.newItem")}</summary>
            <div className="mt-3"><CreateActionItemForm owners={owners} meetingId={meeting.id} defaultDue={defaultDue} /></div>
          </details>
        ) : null}
      </section>

      {manages && meeting.status !== "CANCELLED" ? (
        <section aria-labelledby="record-title" className="mb-8">
          <details className={section}>
            <summary id="record-title" className="cursor-pointer text-lg font-semibold">{meeting.status === "HELD" ? t("meeting.recordCorrect") : t("meeting.record")}</summary>
            <div className="mt-3">
              <RecordMeetingForm id={meeting.id} version={meeting.version} minutes={meeting.minutes}
                decisions={meeting.decisions.map((d) => d.text)} attendance={meeting.attendance} />
            </div>
          </details>
        </section>
      ) : null}

      {manages && meeting.status === "PLANNED" ? (
        <section aria-labelledby="edit-title">
          <details className={section}>
            <summary id="edit-title" className="cursor-pointer text-lg font-semibold">{t("meeting.editPlan")}</summary>
            <div className="mt-3">
              <EditMeetingForm id={meeting.id} version={meeting.version} defaults={{
                title: meeting.title, scheduledAt: toStockholmLocal(meeting.scheduledAt), durationMinutes: meeting.durationMinutes,
                location: meeting.location ?? "", videoUrl: meeting.videoUrl ?? "", agenda: meeting.agenda,
              }} />
            </div>
          </details>
        </section>
      ) : null}
    </>
  );
}
