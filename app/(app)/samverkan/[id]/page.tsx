import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { may } from "@/lib/access/permissions";
import { getPartner } from "@/lib/server/partners/list-partners";
import { orNotFound } from "@/lib/server/not-found";
import { routeParams } from "@/lib/route-params";
import { idParams } from "@/lib/schemas/params";
import { dateOnly, stockholmToday } from "@/lib/network/stockholm-time";
import { PageHeader } from "@/components/layout/page-header";
import { ConfirmActionButton } from "../../natverk/_components/confirm-action-button";
import { AddContactForm, EditContactForm, EditPartnerForm } from "../_components/partner-forms";
import { VerifyContactButton } from "../_components/verify-button";
import { removePartnerContactAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("partners.title") };
}

type Props = { params: Promise<{ id: string }> };

export default async function PartnerPage({ params }: Props) {
  const viewer = await requireViewer("partner", "read");
  const { id } = await routeParams(idParams, params);
  const today = stockholmToday(new Date());
  const [t, format, partner] = await Promise.all([getTranslations("network.partners"), getFormatter(), orNotFound(getPartner(viewer, id, today))]);
  const edits = may(viewer.role, "partner", "update");
  const box = "rounded-lg border border-slate-200 bg-white p-4";

  return (
    <>
      <p className="mb-2 text-sm"><Link href="/samverkan" className="text-brand-700 underline">{t("back")}</Link></p>
      <PageHeader title={partner.name} description={`${t(`kinds.${partner.kind}`)} · ${t(`categories.${partner.category}`)}`} />
      {partner.description ? <p className="mb-6 max-w-3xl whitespace-pre-line">{partner.description}</p> : null}
      <p className="mb-4 text-sm text-slate-600">{t("reviewRule", { months: partner.reviewAfterMonths })}</p>

      <section aria-labelledby="contacts-title" className="mb-8">
        <h2 id="contacts-title" className="mb-3 text-lg font-semibold">{t("contactsTitle")}</h2>
        {partner.contacts.length === 0 ? <p>{t("noContacts")}</p> : (
          <ul className="space-y-3">
            {partner.contacts.map((c) => (
              <li key={c.id} className={`${box} ${c.needsReview ? "border-amber-400" : ""}`} data-testid="partner-contact">
                <p className="font-medium">{c.name}{c.title ? `, ${c.title}` : ""}</p>
                <p className="text-sm">
                  {c.phone ? <a href={`tel:${c.phone.replace(/[^+\d]/g, "")}`} className="underline">{c.phone}</a> : null}
                  {c.phone && c.email ? " · " : null}
                  {c.email ? <a href={`mailto:${c.email}`} className="underline">{c.email}</a> : null}
                </p>
                <p className={`text-sm ${c.needsReview ? "font-medium text-amber-900" : "text-slate-600"}`}>
                  {c.lastVerifiedAt ? t("verifiedOn", { date: format.dateTime(c.lastVerifiedAt, { dateStyle: "medium", timeZone: "UTC" }) }) : t("neverVerified")}
                  {c.needsReview ? ` – ${t("contactNeedsReview")}` : ""}
                </p>
                {edits ? (
                  <div className="mt-2 flex flex-wrap items-start gap-3">
                    <VerifyContactButton id={c.id} version={c.version} name={c.name} />
                    <ConfirmActionButton action={removePartnerContactAction} input={{ id: c.id, version: c.version }}
                      label={t("removeContact", { name: c.name })} question={t("removeContactConfirm", { name: c.name })}
                      yes={t("removeYes")} no={t("back")} />
                    <details className="w-full">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("editContact", { name: c.name })}</summary>
                      <div className="mt-2">
                        <EditContactForm contact={{
                          id: c.id, version: c.version, name: c.name, title: c.title ?? "", email: c.email ?? "", phone: c.phone ?? "",
                          lastVerifiedAt: c.lastVerifiedAt ? dateOnly(c.lastVerifiedAt) : "",
                        }} />
                      </div>
                    </details>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      {edits ? (
        <>
          <section aria-labelledby="add-contact-title" className={`${box} mb-6`}>
            <h2 id="add-contact-title" className="mb-3 text-lg font-semibold">{t("addContactTitle")}</h2>
            <AddContactForm partnerId={partner.id} today={dateOnly(today)} />
          </section>
          <section aria-labelledby="edit-partner-title" className={box}>
            <h2 id="edit-partner-title" className="mb-3 text-lg font-semibold">{t("editTitle")}</h2>
            <EditPartnerForm partner={{ id: partner.id, version: partner.version, name: partner.name, kind: partner.kind, category: partner.category, description: partner.description, active: partner.active }} />
          </section>
        </>
      ) : null}
    </>
  );
}
