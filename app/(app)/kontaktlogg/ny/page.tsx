import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { contactDivisionOptions } from "@/lib/server/contact-log/contacts";
import { isoDate } from "@/lib/situation-reports/figures";
import { PageHeader } from "@/components/layout/page-header";
import { ContactForm } from "../_components/contact-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactLog"))("newTitle") };
}

export default async function NewContactPage() {
  const viewer = await requireViewer("contactLog", "create");
  const [t, divisions] = await Promise.all([getTranslations("contactLog"), contactDivisionOptions(viewer)]);
  return (
    <>
      <Link href="/kontaktlogg" className="mb-4 inline-block text-sm text-brand-700 underline">{t("back")}</Link>
      <PageHeader title={t("newTitle")} />
      <ContactForm
        divisions={divisions}
        values={{
          id: "", expectedVersion: 0,
          divisionId: divisions[0]?.id ?? "", contactedOn: isoDate(new Date()), channel: "PHONE", requester: "RELATIVE",
          environment: "", gender: "UNKNOWN", ageBand: "UNKNOWN", referral: "NONE", note: "",
        }}
      />
    </>
  );
}
