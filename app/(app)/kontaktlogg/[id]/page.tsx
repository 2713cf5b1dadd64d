import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { orNotFound } from "@/lib/server/not-found";
import { contactDivisionOptions, getContact } from "@/lib/server/contact-log/contacts";
import { isoDate } from "@/lib/situation-reports/figures";
import { PageHeader } from "@/components/layout/page-header";
import { ContactForm } from "../_components/contact-form";
import { DeleteContactForm } from "../_components/delete-contact-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contactLog"))("editTitle") };
}

type Props = { params: Promise<{ id: string }> };

export default async function EditContactPage({ params }: Props) {
  const viewer = await requireViewer("contactLog", "update");
  const { id } = await routeParams(idParams, params);
  const contact = await orNotFound(getContact(viewer, id));
  const [t, divisions] = await Promise.all([getTranslations("contactLog"), contactDivisionOptions(viewer)]);
  return (
    <>
      <Link href="/kontaktlogg" className="mb-4 inline-block text-sm text-brand-700 underline">{t("back")}</Link>
      <PageHeader title={t("editTitle")} />
      <div className="space-y-6">
        <ContactForm
          divisions={divisions}
          values={{
            id: contact.id, expectedVersion: contact.version,
            divisionId: contact.divisionId, contactedOn: isoDate(contact.contactedOn), channel: contact.channel, requester: contact.requester,
            environment: contact.environment ?? "", gender: contact.gender, ageBand: contact.ageBand, referral: contact.referral, note: contact.note,
          }}
        />
        {may(viewer.role, "contactLog", "delete") ? <DeleteContactForm id={contact.id} expectedVersion={contact.version} /> : null}
      </div>
    </>
  );
}
