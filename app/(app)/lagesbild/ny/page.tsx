import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listEntryOptions } from "@/lib/server/situation/list-entry-options";
import { PageHeader } from "@/components/layout/page-header";
import { CreateEntryForm } from "../_components/entry-form";
import { entryFormOptions } from "../_components/options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("entries"))("newTitle") };
}

export default async function NewSituationEntryPage() {
  const viewer = await requireViewer("situationEntry", "create");
  const [t, options] = await Promise.all([getTranslations("entries"), listEntryOptions(viewer, "create")]);
  // The date field's default; the user changes it to the day of the observation.
  const today = new Date().toISOString().slice(0, 10);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <CreateEntryForm options={await entryFormOptions(options)} today={today} />
    </>
  );
}
