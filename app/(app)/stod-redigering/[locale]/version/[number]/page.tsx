import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getPreview } from "@/lib/server/public-content/get-preview";
import { orNotFound } from "@/lib/server/not-found";
import { SupportPage } from "@/components/public/support-page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.editor.preview"))("title") };
}

export default async function Page({ params }: { params: Promise<{ locale: string; number: string }> }) {
  const viewer = await requireViewer("publicContent", "update");
  const { locale, number } = await params;
  const versionNumber = Number(number);
  if (!Number.isInteger(versionNumber) || versionNumber < 1) notFound();
  const t = await getTranslations("public.editor");
  const page = await orNotFound(getPreview(viewer, locale, versionNumber));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("view", { number: page.versionNumber })}</h1>
      <p className="rounded-md border border-slate-300 bg-slate-100 p-3">
        {t("preview.versionNotice", { number: page.versionNumber, status: t(`status.${page.status}`) })}{" "}
        <Link href="/stod-redigering" className="text-brand-700 underline">{t("form.back")}</Link>
      </p>
      <div className="overflow-hidden rounded-lg border border-slate-300">
        <SupportPage page={page} locale={locale} preview={<span hidden />} />
      </div>
    </div>
  );
}
