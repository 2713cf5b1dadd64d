import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { getSituationEntry } from "@/lib/server/situation/get-entry";
import { listEntryOptions } from "@/lib/server/situation/list-entry-options";
import { orNotFound } from "@/lib/server/not-found";
import { canTakeStep } from "@/lib/situation/workflow";
import { PageHeader } from "@/components/layout/page-header";
import { EditEntryForm } from "../../_components/entry-form";
import { entryFormOptions } from "../../_components/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("editTitle") };
}

type Props = { params: Promise<{ id: string }> };

export default async function EditSituationEntryPage({ params }: Props) {
  const viewer = await requireViewer("situationEntry", "update");
  const { id } = await routeParams(idParams, params);
  const entry = await orNotFound(getSituationEntry(viewer, id));
  if (!canTakeStep(viewer.role, "edit", entry.status)) notFound();
  const [t, options] = await Promise.all([getTranslations("entries"), listEntryOptions(viewer, "update")]);
  return (
    <>
      <PageHeader title={t("editTitle")} />
      <EditEntryForm
        id={entry.id}
        version={entry.version}
        options={await entryFormOptions(options)}
        values={{
          observedOn: entry.observedOn.toISOString().slice(0, 10),
          districtId: entry.districtId ?? "",
          environment: entry.environment,
          activityType: entry.activityType,
          source: entry.source,
          reliability: entry.reliability,
          genderPerspective: entry.genderPerspective,
          description: entry.description,
        }}
      />
    </>
  );
}
