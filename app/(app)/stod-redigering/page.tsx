import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { getEditorOverview } from "@/lib/server/public-content/get-editor-overview";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/layout/empty-state";
import { PUBLIC_PATHS } from "@/app/(public)/_components/public-route";
import { RollbackButton } from "./_components/rollback-button";
import { MarkVerifiedButton } from "./_components/mark-verified-button";
import { ReviewIntervalForm } from "./_components/review-interval-form";
import { OwnerSelect } from "./_components/owner-select";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pages"))("publicContent.title") };
}

const link = "text-brand-700 underline hover:text-brand-900";

export default async function Page({ searchParams }: { searchParams: Promise<{ publicerad?: string; sprak?: string }> }) {
  const viewer = await requireViewer("publicContent", "update");
  const { publicerad, sprak } = await searchParams;
  const justPublished = publicerad && /^\d+$/.test(publicerad) ? Number(publicerad) : null;
  const [overview, t, format] = await Promise.all([
    getEditorOverview(viewer),
    getTranslations("public.editor"),
    getFormatter(),
  ]);
  const date = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "–");
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const languageName = (locale: string) =>
    t.has(`language.${locale}` as never) ? t(`language.${locale}` as never) : t("languageFallback", { locale });
  const dueCount = overview.contacts.filter((c) => c.needsReview).length;

  return (
    <div className="max-w-5xl space-y-10">
      <PageHeader title={t("title")} description={t("intro")} />
      <div role="status" aria-live="polite">
        {justPublished !== null ? (
          <p className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900">
            {t("preview.published", { number: justPublished })}{" "}
            {sprak && PUBLIC_PATHS[sprak] ? <a href={PUBLIC_PATHS[sprak]} className={link}>{t("viewPublic")}</a> : null}
          </p>
        ) : null}
      </div>

      {overview.locales.map((l) => (
        <section key={l.locale} aria-labelledby={`lang-${l.locale}`} className="rounded-lg border border-slate-200 bg-white p-5">
          <h2 id={`lang-${l.locale}`} className="text-xl font-semibold">{languageName(l.locale)}</h2>
          <p className="mt-2 text-sm" data-testid={`published-${l.locale}`}>
            {l.published
              ? l.published.publishedBy
                ? t("published", { number: l.published.versionNumber, date: date(l.published.publishedAt), name: l.published.publishedBy })
                : t("publishedUnknown", { number: l.published.versionNumber, date: date(l.published.publishedAt) })
              : t("notPublished")}
            {l.published && PUBLIC_PATHS[l.locale] ? (
              <>
                {" "}
                <a href={PUBLIC_PATHS[l.locale]} className={link}>{t("viewPublic")}</a>
              </>
            ) : null}
          </p>
          <p className="mt-1 text-sm">
            {l.draft ? t("draft", { number: l.draft.versionNumber, date: date(l.draft.updatedAt) }) : t("noDraft")}
          </p>
          <p className="mt-3 flex flex-wrap gap-4">
            <Link href={`/stod-redigering/${l.locale}`} className={link}>{l.draft ? t("editDraft") : t("startDraft")}</Link>
            {l.draft ? <Link href={`/stod-redigering/${l.locale}/forhandsgranska`} className={link}>{t("previewDraft")}</Link> : null}
          </p>

          <h3 className="mt-6 font-semibold">{t("history")}</h3>
          {l.history.length === 0 ? (
            <EmptyState title={t("historyEmpty")} />
          ) : (
            <div className="overflow-x-auto">
              <table className="mt-2 w-full text-left text-sm">
                <caption className="sr-only">{t("historyCaption", { language: languageName(l.locale) })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-4">{t("columns.version")}</th>
                    <th scope="col" className="py-2 pr-4">{t("columns.status")}</th>
                    <th scope="col" className="py-2 pr-4">{t("columns.publishedAt")}</th>
                    <th scope="col" className="py-2 pr-4">{t("columns.publishedBy")}</th>
                    <th scope="col" className="py-2">{t("columns.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {l.history.map((v) => (
                    <tr key={v.id} className="border-b border-slate-100 align-top" data-testid={`version-${l.locale}-${v.versionNumber}`}>
                      <th scope="row" className="py-2 pr-4 font-medium">{v.versionNumber}</th>
                      <td className="py-2 pr-4">{t(`status.${v.status}`)}</td>
                      <td className="py-2 pr-4">{date(v.publishedAt)}</td>
                      <td className="py-2 pr-4">{v.publishedBy ?? "–"}</td>
                      <td className="space-y-2 py-2">
                        <Link href={`/stod-redigering/${l.locale}/version/${v.versionNumber}`} className={link}>
                          {t("view", { number: v.versionNumber })}
                        </Link>
                        {v.status === "ARCHIVED" ? (
                          <RollbackButton
                            targetId={v.id}
                            versionNumber={v.versionNumber}
                            expectedPublishedVersion={l.published?.versionNumber ?? 0}
                          />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}

      <section aria-labelledby="contacts-title" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="contacts-title" className="text-xl font-semibold">{t("contacts.title")}</h2>
        <p className="mt-2 text-sm text-slate-700">{t("contacts.intro", { months: overview.reviewAfterMonths })}</p>
        {dueCount > 0 ? (
          <p className="mt-2 font-medium text-amber-900" data-testid="review-count">{t("contacts.reviewNeeded", { count: dueCount })}</p>
        ) : null}
        {overview.phoneMismatches.map((m) => (
          <p key={m.key} className="mt-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm">
            {t("contacts.phoneMismatch", {
              name: m.name,
              phones: Object.entries(m.phones).map(([locale, phone]) => `${languageName(locale)}: ${phone || "–"}`).join(", "),
            })}
          </p>
        ))}
        <div className="mt-4 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("contacts.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">{t("contacts.name")}</th>
                <th scope="col" className="py-2 pr-4">{t("contacts.phone")}</th>
                <th scope="col" className="py-2 pr-4">{t("contacts.owner")}</th>
                <th scope="col" className="py-2 pr-4">{t("contacts.lastVerified")}</th>
                <th scope="col" className="py-2 pr-4">{t("contacts.state")}</th>
                <th scope="col" className="py-2"><span className="sr-only">{t("columns.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {overview.contacts.map((c) => (
                <tr key={c.id} className="border-b border-slate-100 align-top" data-testid={`contact-${c.key}`}>
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {c.name}
                    {c.reviewNote ? <p className="mt-1 max-w-md font-normal text-amber-900">{c.reviewNote}</p> : null}
                  </th>
                  <td className="py-2 pr-4 whitespace-nowrap">{c.phone ?? "–"}</td>
                  <td className="py-2 pr-4">
                    <OwnerSelect
                      contactId={c.id}
                      contactName={c.name}
                      expectedVersion={c.version}
                      ownerId={c.ownerId}
                      owners={overview.possibleOwners}
                    />
                  </td>
                  <td className="py-2 pr-4">{c.lastVerifiedAt ? day(c.lastVerifiedAt) : t("contacts.never")}</td>
                  <td className="py-2 pr-4">
                    {c.needsReview ? (
                      <span className="rounded bg-amber-100 px-2 py-0.5 font-medium text-amber-900">{t("contacts.needsReview")}</span>
                    ) : (
                      t("contacts.ok", { date: day(c.reviewDueAt!) })
                    )}
                  </td>
                  <td className="py-2">
                    <MarkVerifiedButton contactId={c.id} expectedVersion={c.version} name={c.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="mt-6">
          <ReviewIntervalForm months={overview.reviewAfterMonths} expectedVersion={overview.reviewSettingVersion} />
        </div>
      </section>
    </div>
  );
}
