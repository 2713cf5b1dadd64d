import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { listLegalBases } from "@/lib/server/situation-reports/legal-bases";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/layout/empty-state";
import { LegalBasisForm } from "../_components/legal-basis-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("legal.title") };
}

export default async function LegalBasesPage() {
  const viewer = await requireViewer("legalBasis", "list");
  const [t, bases] = await Promise.all([getTranslations("reports"), listLegalBases(viewer)]);
  return (
    <>
      <Link href="/lagesbild/rapporter" className="mb-4 inline-block text-sm text-brand-700 underline">{t("back")}</Link>
      <PageHeader title={t("legal.title")} description={t("legal.intro")} />
      <div className="space-y-4">
        {bases.length === 0 ? <EmptyState title={t("legal.empty")} /> : null}
        {bases.map((b) => (
          <LegalBasisForm
            key={b.id}
            uses={t("legal.usesCount", { count: b.uses })}
            values={{ id: b.id, expectedVersion: b.version, label: b.label, note: b.note, toBeCheckedByLawyer: b.toBeCheckedByLawyer, active: b.active }}
          />
        ))}
        <LegalBasisForm values={{ id: "", expectedVersion: 0, label: "", note: "", toBeCheckedByLawyer: true, active: true }} />
      </div>
    </>
  );
}
