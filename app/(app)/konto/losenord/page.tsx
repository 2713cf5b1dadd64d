import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { hasLocalPassword } from "@/lib/server/auth/passwords";
import { PageHeader } from "@/components/layout/page-header";
import { ChangePasswordForm } from "./_components/change-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("password"))("changeTitle") };
}

export default async function Page() {
  const viewer = await requireViewer();
  const t = await getTranslations("password");
  return (
    <>
      <PageHeader title={t("changeTitle")} description={t("changeIntro")} />
      {(await hasLocalPassword(viewer)) ? <ChangePasswordForm /> : <p className="max-w-xl text-sm">{t("noLocalPassword")}</p>}
    </>
  );
}
