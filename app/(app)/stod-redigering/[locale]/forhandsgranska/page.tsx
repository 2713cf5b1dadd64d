import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { routeParams } from "@/lib/route-params";
import { localeParams } from "@/lib/schemas/params";
import { getPreview } from "@/lib/server/public-content/get-preview";
import { NotFoundError } from "@/lib/server/errors";
import { SupportPage } from "@/components/public/support-page";
import { PublishButton } from "../../_components/publish-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("public.editor.preview"))("title") };
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const viewer = await requireViewer("publicContent", "update");
  const { locale } = await routeParams(localeParams, params);
  const t = await getTranslations("public.editor");
  const draft = await getPreview(viewer, locale).catch((error) => {
    // No draft (e.g. just published): the overview shows the language's state.
    if (error instanceof NotFoundError) redirect("/stod-redigering");
    throw error;
  });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{t("preview.title")}</h1>
      <div className="rounded-md border border-amber-400 bg-amber-50 p-4">
        <p className="font-medium">{t("preview.draftNotice", { number: draft.versionNumber })}</p>
        <div className="mt-3 flex flex-wrap items-start gap-4">
          <PublishButton draftId={draft.id} expectedVersion={draft.version} locale={locale} />
          <Link href={`/stod-redigering/${locale}`} className="py-2 text-brand-700 underline">{t("preview.edit")}</Link>
          <Link href="/stod-redigering" className="py-2 text-brand-700 underline">{t("form.back")}</Link>
        </div>
      </div>
      <div className="overflow-hidden rounded-lg border border-slate-300" data-testid="preview">
        <SupportPage page={draft} locale={locale} preview={<span hidden />} />
      </div>
    </div>
  );
}
