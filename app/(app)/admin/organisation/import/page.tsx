import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { CSV_TEMPLATE } from "@/lib/organisation-csv";
import { PageHeader } from "@/components/layout/page-header";
import { ImportForm } from "../_components/import-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("organisation.import"))("title") };
}

export default async function Page() {
  await requireViewer("organisation", "create");
  const t = await getTranslations("organisation");
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/admin/organisation" className="text-brand-800 underline">{t("links.back")}</Link></p>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <p className="mb-2 max-w-3xl text-sm">{t("import.format")}</p>
      <details className="mb-4 text-sm">
        <summary className="cursor-pointer">{t("import.template")}</summary>
        <pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3">{CSV_TEMPLATE}</pre>
      </details>
      <ImportForm template={CSV_TEMPLATE.trim()} />
    </>
  );
}
