import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { getSituationEntry } from "@/lib/server/situation/get-entry";
import { orNotFound } from "@/lib/server/not-found";
import { PageHeader } from "@/components/layout/page-header";
import { stepsFor } from "@/lib/situation/workflow";
import { WorkflowPanel } from "../_components/workflow-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("situation"))("title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function SituationEntryPage({ params }: Props) {
  const viewer = await requireViewer("situationEntry", "read");
  const { id } = await routeParams(idParams, params);
  const entry = await orNotFound(getSituationEntry(viewer, id));
  const [t, te, format] = await Promise.all([getTranslations("situation"), getTranslations("entries.workflow"), getFormatter()]);
  const facts: [string, string][] = [
    [t("detail.environment"), t(`environments.${entry.environment}`)],
    [t("detail.activity"), t(`activities.${entry.activityType}`)],
    [t("detail.source"), t(`sources.${entry.source}`)],
    [t("detail.reliability"), t(`reliabilities.${entry.reliability}`)],
    [t("detail.district"), entry.district ?? t("noDistrict")],
    [t("detail.division"), entry.division],
    [t("detail.status"), t(`statuses.${entry.status}`)],
  ];
  return (
    <>
      <Link href="/lagesbild" className="mb-4 inline-block text-sm text-brand-700 underline">{t("back")}</Link>
      <PageHeader title={t("detail.title", { date: format.dateTime(entry.observedOn, { dateStyle: "long", timeZone: "UTC" }) })} />
      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 sm:grid-cols-2 lg:grid-cols-4">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      {entry.reviewComment ? (
        <div className="mt-6 max-w-3xl rounded-md border border-amber-200 bg-amber-50 px-4 py-3" data-testid="review-comment">
          <h2 className="font-semibold">{t(`statuses.${entry.status}`)} · {te("reviewComment")}</h2>
          <p className="mt-1 whitespace-pre-line">{entry.status === "DRAFT" && entry.returnedAt ? te("returnedNotice", { comment: entry.reviewComment }) : entry.reviewComment}</p>
        </div>
      ) : null}
      <section aria-labelledby="description" className="mt-6 max-w-3xl">
        <h2 id="description" className="text-lg font-semibold">{t("detail.description")}</h2>
        <p className="mt-1 whitespace-pre-line">{entry.description}</p>
        <h2 className="mt-6 text-lg font-semibold">{t("detail.genderPerspective")}</h2>
        <p className="mt-1 whitespace-pre-line">{entry.genderPerspective}</p>
      </section>
      <WorkflowPanel id={entry.id} version={entry.version} steps={stepsFor(viewer.role, entry.status)} />
    </>
  );
}
