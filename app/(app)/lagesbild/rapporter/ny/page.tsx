import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { searchParamsOf } from "@/lib/route-params";
import { newReportQuerySchema } from "@/lib/schemas/situation-report";
import { defaultPeriod, isoDate } from "@/lib/situation-reports/figures";
import { PageHeader } from "@/components/layout/page-header";
import { CreateReportForm } from "../_components/create-report-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports"))("create.title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewReportPage({ searchParams }: Props) {
  await requireViewer("situationReport", "create");
  const query = await searchParamsOf(newReportQuerySchema, searchParams);
  const t = await getTranslations("reports");
  // The previous calendar month by default: a report usually looks back on a month.
  const period = defaultPeriod(new Date());
  const start = query.fran ?? isoDate(period.start);
  const end = query.till ?? isoDate(period.end);
  return (
    <>
      <Link href="/lagesbild/rapporter" className="mb-4 inline-block text-sm text-brand-700 underline">{t("back")}</Link>
      <PageHeader title={t("create.title")} description={t("create.intro")} />
      <CreateReportForm defaults={{ title: t("create.defaultTitle", { period: start.slice(0, 7) }), periodStart: start, periodEnd: end }} />
    </>
  );
}
