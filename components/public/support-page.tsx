import { getFormatter, getTranslations } from "next-intl/server";
import { telHref } from "@/lib/markup/restricted";
import type { PublicPageData } from "@/lib/server/public-content/page-data";
import { SkipLink } from "@/components/layout/skip-link";
import { RichText } from "./rich-text";

// The public page for worried relatives, shared by /stod, /en/stod and the coordinator's
// preview. Server-rendered HTML only: every path through it is a plain link, so it works
// without JavaScript. Colours are chosen for at least 4.5:1 contrast.

const contactAnchor = (key: string) => `kontakt-${key}`;
const sectionAnchor = (key: string) => `avsnitt-${key}`;

function hostOf(url: string) {
  try {
    return new URL(url).host.replace(/^www\./, "");
  } catch {
    return url;
  }
}

type Props = {
  page: PublicPageData;
  /** The UI language of the page chrome (the content's own language). */
  locale: string;
  /** The coordinator's preview shows a notice above the page and no language switch. */
  preview?: React.ReactNode;
};

export async function SupportPage({ page, locale, preview }: Props) {
  const t = await getTranslations({ locale, namespace: "public.page" });
  const format = await getFormatter({ locale });
  const contacts = new Map(page.contacts.map((c) => [c.key, c]));
  // Urgent situations first, so "call 112" is never below the fold of a phone.
  // Inside the signed-in app (preview) the app already has the page's landmarks.
  const Header = preview ? "div" : "header";
  const Main = preview ? "div" : "main";
  const Footer = preview ? "div" : "footer";
  const guide = [...page.guide.filter((g) => g.urgent), ...page.guide.filter((g) => !g.urgent)];

  return (
    <div lang={locale} className="public-page min-h-screen bg-white text-slate-900">
      {preview}
      {preview ? null : (
        <SkipLink target="innehall" label={t("skipToContent")} />
      )}
      <Header className="border-b border-slate-200 bg-brand-50 print:bg-white">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <p className="font-semibold text-brand-800">{page.title}</p>
          {preview ? null : (
            <nav aria-label={t("languageNav")} className="print:hidden">
              <a
                href={t("otherLanguageHref")}
                hrefLang={t("otherLanguageLang")}
                lang={t("otherLanguageLang")}
                className="public-link inline-block py-2"
              >
                {t("otherLanguage")}
              </a>
            </nav>
          )}
        </div>
      </Header>

      <Main id="innehall" tabIndex={-1} className="mx-auto max-w-3xl px-4 pt-6 pb-12 text-lg leading-relaxed">
        <h1 className="text-3xl leading-tight font-bold text-brand-900 sm:text-4xl">{page.title}</h1>
        <RichText source={page.intro} className="mt-4 text-xl text-slate-800" />

        <nav aria-label={t("onThisPage")} className="mt-6 print:hidden">
          <h2 className="text-base font-semibold text-slate-700">{t("onThisPage")}</h2>
          <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-base">
            <li><a href="#vad-gor-jag" className="public-link inline-block py-1">{t("guideTitle")}</a></li>
            <li><a href="#kontakter" className="public-link inline-block py-1">{t("contactsTitle")}</a></li>
            {page.sections.map((s) => (
              <li key={s.key}>
                <a href={`#${sectionAnchor(s.key)}`} className="public-link inline-block py-1">{s.heading}</a>
              </li>
            ))}
          </ul>
        </nav>

        <section aria-labelledby="vad-gor-jag" className="mt-10">
          <h2 id="vad-gor-jag" className="text-2xl font-bold text-brand-900">{t("guideTitle")}</h2>
          <p className="mt-2 text-slate-700">{t("guideIntro")}</p>
          <ol className="mt-4 space-y-3">
            {guide.map((item, i) => {
              const contact = contacts.get(item.contactKey);
              return (
                <li
                  key={i}
                  className={
                    item.urgent
                      ? "rounded-lg border-2 border-red-700 bg-red-50 p-4 print:border-black"
                      : "rounded-lg border border-slate-300 p-4"
                  }
                >
                  <p className="font-semibold">
                    {item.urgent ? <span className="mr-2 rounded bg-red-800 px-2 py-0.5 text-sm text-white uppercase">{t("urgent")}</span> : null}
                    {item.situation}
                  </p>
                  {contact ? (
                    <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                      {contact.phone ? (
                        <a href={telHref(contact.phone)} className="public-button">
                          {t("call", { phone: contact.phone })}
                        </a>
                      ) : null}
                      <a href={`#${contactAnchor(contact.key)}`} className="public-link inline-block py-2">
                        {t("readMore", { name: contact.name })}
                      </a>
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </section>

        <section aria-labelledby="kontakter" className="mt-12">
          <h2 id="kontakter" className="text-2xl font-bold text-brand-900">{t("contactsTitle")}</h2>
          <ul className="mt-4 space-y-4">
            {page.contacts.map((c) => (
              <li key={c.key} id={contactAnchor(c.key)} className="rounded-lg border border-slate-300 p-4 break-inside-avoid">
                <h3 className="text-xl font-bold">{c.name}</h3>
                {c.description ? <p className="mt-1 text-slate-800">{c.description}</p> : null}
                <dl className="mt-3 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
                  {c.phone ? (
                    <>
                      <dt className="font-semibold">{t("phone")}</dt>
                      <dd>
                        <a href={telHref(c.phone)} className="public-link text-xl font-bold">{c.phone}</a>
                      </dd>
                    </>
                  ) : null}
                  {c.hours ? (
                    <>
                      <dt className="font-semibold">{t("hours")}</dt>
                      <dd>{c.hours}</dd>
                    </>
                  ) : null}
                  {c.url ? (
                    <>
                      <dt className="font-semibold">{t("website")}</dt>
                      <dd>
                        <a href={c.url} rel="noreferrer" className="public-link public-external">
                          {hostOf(c.url)}
                        </a>
                      </dd>
                    </>
                  ) : null}
                </dl>
                <p className="mt-2 text-base print:hidden">
                  <a href="#vad-gor-jag" className="public-link inline-block py-1">{t("backToGuide")}</a>
                </p>
              </li>
            ))}
          </ul>
        </section>

        {page.sections.map((s) => (
          <section key={s.key} id={sectionAnchor(s.key)} aria-labelledby={`${sectionAnchor(s.key)}-rubrik`} className="mt-12">
            <h2 id={`${sectionAnchor(s.key)}-rubrik`} className="text-2xl font-bold text-brand-900">{s.heading}</h2>
            <RichText source={s.body} className="mt-3" />
          </section>
        ))}
      </Main>

      <Footer className="border-t border-slate-200 bg-slate-50 print:bg-white">
        <div className="mx-auto max-w-3xl px-4 py-6 text-base text-slate-700">
          {page.publishedAt ? (
            <p>{t("lastPublished", { date: format.dateTime(new Date(page.publishedAt), { dateStyle: "long" }) })}</p>
          ) : null}
        </div>
      </Footer>
    </div>
  );
}
