import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getActionItem } from "@/lib/server/network/get-action-item";
import { getRoster } from "@/lib/server/network/roster";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { dateOnly, stockholmToday } from "@/lib/network/stockholm-time";
import { PageHeader } from "@/components/layout/page-header";
import { EditActionItemForm } from "../_components/action-item-form";
import { ProgressForm } from "../_components/progress-form";
import { ownerOptions } from "../_components/owners";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("actionItems.title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function ActionItemPage({ params }: Props) {
  const viewer = await requireViewer("actionItem", "read");
  const { id } = await routeParams(idParams, params);
  const today = stockholmToday(new Date());
  const redefines = may(viewer.role, "actionItem", "create");
  const [t, format] = await Promise.all([getTranslations("network"), getFormatter()]);
  // One transaction at a time: a page must not hold several pooled connections at once.
  const item = await orNotFound(getActionItem(viewer, id, today));
  const roster = redefines ? await getRoster(viewer) : null;
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "UTC" });
  const box = "rounded-lg border border-slate-200 bg-white p-4";

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/atgarder" className="text-brand-700 underline">{t("items.back")}</Link></p>
      <PageHeader title={item.title} />
      <dl className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className={box}><dt className="text-sm text-slate-600">{t("items.columns.owner")}</dt><dd>{item.owner}</dd></div>
        <div className={box}><dt className="text-sm text-slate-600">{t("items.columns.division")}</dt><dd>{item.division ?? t("items.networkWide")}</dd></div>
        <div className={`${box} ${item.overdue ? "border-amber-400" : ""}`}>
          <dt className="text-sm text-slate-600">{t("items.columns.due")}</dt>
          <dd className={item.overdue ? "font-medium text-red-800" : undefined}>{date(item.dueDate)}{item.overdue ? ` – ${t("items.overdue")}` : ""}</dd>
        </div>
        <div className={box}><dt className="text-sm text-slate-600">{t("items.columns.status")}</dt>
          <dd data-testid="action-item-status">{t(`items.statuses.${item.status}`)}</dd>
          {item.completedAt ? <dd className="text-sm text-slate-600">{t("items.completedAt", { date: format.dateTime(item.completedAt, { dateStyle: "medium" }) })}</dd> : null}
        </div>
      </dl>
      {item.meeting ? (
        <p className="mb-2">{t("items.fromMeeting")}: <Link href={`/natverk/moten/${item.meeting.id}`} className="text-brand-700 underline">{item.meeting.title}</Link></p>
      ) : null}
      {item.decision ? <p className="mb-4 text-slate-700">{t("items.fromDecision", { number: item.decision.number, text: item.decision.text })}</p> : null}
      <section className="mb-6">
        <h2 className="mb-1 text-lg font-semibold">{t("items.descriptionLabel")}</h2>
        <p className="whitespace-pre-line">{item.description || "–"}</p>
      </section>
      <section className="mb-8">
        <h2 className="mb-1 text-lg font-semibold">{t("items.comment")}</h2>
        <p className="whitespace-pre-line" data-testid="action-item-comment">{item.comment || t("items.noComment")}</p>
      </section>

      {redefines && roster ? (
        <section aria-labelledby="edit-title" className={box}>
          <h2 id="edit-title" className="mb-3 text-lg font-semibold">{t("items.editTitle")}</h2>
          <EditActionItemForm owners={ownerOptions(roster.members)} item={{
            id: item.id, version: item.version, title: item.title, description: item.description, ownerId: item.ownerId,
            divisionId: item.divisionId, dueDate: dateOnly(item.dueDate), status: item.status, comment: item.comment,
          }} />
        </section>
      ) : item.canReport ? (
        <section aria-labelledby="report-title" className={box}>
          <h2 id="report-title" className="mb-3 text-lg font-semibold">{t("items.reportTitle")}</h2>
          <ProgressForm item={{ id: item.id, version: item.version, status: item.status, comment: item.comment }} />
        </section>
      ) : (
        <p className="text-sm text-slate-600">{t("items.readOnly")}</p>
      )}
    </>
  );
}
