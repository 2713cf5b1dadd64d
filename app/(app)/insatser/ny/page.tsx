import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getMeasureFormOptions } from "@/lib/server/measures/form-options";
import { isoDate, startOfTodayUtc } from "@/lib/dates";
import { PageHeader } from "@/components/layout/page-header";
import { CreateMeasureForm } from "../_components/measure-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("measures"))("newTitle") };
}

export default async function NewMeasurePage() {
  const viewer = await requireViewer("measure", "create");
  const [t, options] = await Promise.all([getTranslations("measures"), getMeasureFormOptions(viewer, "create")]);
  // A sensible default: the next review three months from today.
  const review = startOfTodayUtc();
  review.setUTCMonth(review.getUTCMonth() + 3);
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/insatser" className="text-brand-700 underline">{t("title")}</Link></p>
      <PageHeader title={t("newTitle")} />
      <CreateMeasureForm
        options={options}
        defaults={{
          title: "", ownerDivisionId: options.divisions.length === 1 ? options.divisions[0]!.id : "", level: "GENERAL", status: "PLANNED",
          targetGroup: "", description: "", responsibleUserId: "", resources: "", genderPerspective: "", planSectionId: "",
          isSpecial: false, investigationStatus: "", startDate: "", endDate: "", nextReviewDate: isoDate(review),
        }}
      />
    </>
  );
}
