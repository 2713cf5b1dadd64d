import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { PageHeader } from "@/components/layout/page-header";
import { PlanMeetingForm } from "../../_components/meeting-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("network"))("meetings.planTitle") };
}

export default async function PlanMeetingPage() {
  await requireViewer("networkMeeting", "create");
  const t = await getTranslations("network");
  return (
    <>
      <p className="mb-2 text-sm"><Link href="/natverk" className="text-brand-700 underline">{t("meeting.back")}</Link></p>
      <PageHeader title={t("meetings.planTitle")} />
      <PlanMeetingForm defaults={{ title: t("meetings.defaultTitle"), scheduledAt: "", durationMinutes: 90, location: "", videoUrl: "", agenda: "" }} />
    </>
  );
}
