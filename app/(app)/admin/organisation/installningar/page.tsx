import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getSettings } from "@/lib/server/organisation/settings";
import { PageHeader } from "@/components/layout/page-header";
import { SettingsForm } from "../_components/settings-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation.settings"))("title") };
}

export default async function Page() {
  const viewer = await requireViewer("organisation", "update");
  const { values, versions } = await getSettings(viewer);
  const t = await getTranslations("organisation");
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/organisation" className="text-brand-800 underline">{t("links.back")}</Link></p>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <SettingsForm values={values} versions={versions} />
    </>
  );
}
