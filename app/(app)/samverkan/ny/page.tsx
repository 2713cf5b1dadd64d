import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { PageHeader } from "@/components/layout/page-header";
import { CreatePartnerForm } from "../_components/partner-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("network.partners"))("newTitle") };
}

export default async function NewPartnerPage() {
  await requireViewer("partner", "create");
  const t = await getTranslations("network.partners");
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/samverkan" className="text-brand-700 underline">{t("back")}</Link></p>
      <PageHeader title={t("newTitle")} />
      <CreatePartnerForm />
    </>
  );
}
