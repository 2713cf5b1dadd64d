import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getFollowUp } from "@/lib/server/follow-up/get-follow-up";
import { EDITABLE, LINE_STATUSES } from "@/lib/server/follow-up/rules";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { startOfTodayUtc } from "@/lib/dates";
import { PageHeader } from "@/components/layout/page-header";
import { FollowUpForm } from "../_components/follow-up-form";
import { ReviewForm } from "../_components/review-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("followUp"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function FollowUpDetailPage({ params }: Props) {
  const viewer = await requireViewer("followUp", "read");
  const { id } = await routeParams(idParams, params);
  const [t, format, followUp] = await Promise.all([getTranslations("followUp"), getFormatter(), orNotFound(getFollowUp(viewer, id, startOfTodayUtc()))]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const editable = may(viewer.role, "followUp", "update") && EDITABLE.includes(followUp.status) && !followUp.cycleClosed;
  const reviewable = may(viewer.role, "followUp", "review") && followUp.status === "SUBMITTED" && !followUp.cycleClosed;

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/uppfoljning" className="text-brand-700 underline">{t("detail.back")}</Link></p>
      <PageHeader title={t("detail.heading", { cycle: followUp.cycle.title, division: followUp.division })} />
      <dl className="mb-6 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-700">
        <div><dt className="sr-only">{t("list.columns.status")}</dt><dd data-testid="follow-up-status" className="font-semibold">{t(`statuses.${followUp.status}`)}{followUp.overdue ? <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">{t("overdue")}</span> : null}</dd></div>
        <div><dd>{t("detail.due", { date: date(followUp.cycle.dueDate) })}</dd></div>
        <div><dd>{t("detail.period", { start: date(followUp.cycle.periodStart), end: date(followUp.cycle.periodEnd) })}</dd></div>
        {followUp.submittedAt ? <div><dd>{t("detail.submittedAt", { date: date(followUp.submittedAt) })}</dd></div> : null}
        {followUp.reviewedAt ? <div><dd>{t("detail.reviewedAt", { date: date(followUp.reviewedAt) })}</dd></div> : null}
      </dl>
      {followUp.status === "RETURNED" && followUp.reviewComment ? (
        <p role="note" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">{t("detail.returnedNotice", { comment: followUp.reviewComment })}</p>
      ) : null}

      {editable ? (
        <FollowUpForm
          lines={followUp.lines.map((l) => ({ id: l.id, kind: l.kind, title: l.title ?? t("detail.hidden"), statuses: LINE_STATUSES[l.kind] }))}
          values={{
            id: followUp.id,
            version: followUp.version,
            assessment: followUp.assessment,
            comment: followUp.comment,
            genderPerspective: followUp.genderPerspective,
            submit: false,
            items: followUp.lines.map((l) => ({ id: l.id, reportedStatus: l.reportedStatus || (l.currentStatus ?? ""), assessment: l.assessment, comment: l.comment })),
          }}
        />
      ) : (
        <div className="space-y-6">
          <p className="text-sm text-slate-600">{followUp.cycleClosed ? t("detail.cycleClosed") : t("detail.readOnly")}</p>
          <section aria-labelledby="lines-heading">
            <h2 id="lines-heading" className="mb-2 text-lg font-semibold">{t("detail.lines")}</h2>
            {followUp.lines.length === 0 ? <p className="text-sm text-slate-600">{t("detail.noLines")}</p> : (
              <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
                {followUp.lines.map((l) => (
                  <li key={l.id} className="px-4 py-3 text-sm">
                    <span className="mr-2 rounded bg-slate-100 px-2 py-0.5 text-xs">{t(`kinds.${l.kind}`)}</span>
                    <span className="font-medium">{l.title ?? t("detail.hidden")}</span>
                    {l.reportedStatus ? <span className="ml-2">{t(`lineStatuses.${l.kind}.${l.reportedStatus}` as never)}</span> : null}
                    {l.assessment ? <span className="ml-2 font-semibold">{t(`assessments.${l.assessment}`)}</span> : null}
                    {l.comment ? <p className="mt-1 text-slate-700">{l.comment}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="overall-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 id="overall-heading" className="mb-2 text-lg font-semibold">{t("detail.overall")}</h2>
            <dl className="space-y-2">
              <div><dt className="font-medium">{t("form.overallAssessment")}</dt><dd>{followUp.assessment ? t(`assessments.${followUp.assessment}`) : "–"}</dd></div>
              <div><dt className="font-medium">{t("form.overallComment")}</dt><dd className="whitespace-pre-line">{followUp.comment || "–"}</dd></div>
              <div><dt className="font-medium">{t("form.genderPerspective")}</dt><dd className="whitespace-pre-line">{followUp.genderPerspective || "–"}</dd></div>
              {followUp.reviewComment ? <div><dt className="font-medium">{t("detail.reviewComment")}</dt><dd className="whitespace-pre-line">{followUp.reviewComment}</dd></div> : null}
            </dl>
          </section>
          {reviewable ? <ReviewForm id={followUp.id} version={followUp.version} /> : null}
        </div>
      )}
    </>
  );
}
