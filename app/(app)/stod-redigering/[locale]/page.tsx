import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { routeParams } from "@/lib/route-params";
import { localeParams } from "@/lib/schemas/params";
import { getDraftForEditing } from "@/lib/server/public-content/get-draft-for-editing";
import { PageHeader } from "@/components/layout/page-header";
import { DraftForm } from "../_components/draft-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("publicContent.title") };
}

export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  const viewer = await requireViewer("publicContent", "update");
  const { locale } = await routeParams(localeParams, params);
  const [{ values, basedOnVersion }, t] = await Promise.all([
    getDraftForEditing(viewer, locale),
    getTranslations("public.editor"),
  ]);
  return (
    <div>
      <PageHeader title={t("form.title", { language: t(`language.${locale}`) })} />
      <DraftForm values={values} basedOnVersion={basedOnVersion} />
    </div>
  );
}
