import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/server/auth/viewer";
import { navigationFor } from "@/lib/access/navigation";
import { SideNav } from "@/components/layout/side-nav";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { SkipLink } from "@/components/layout/skip-link";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { NotificationBell } from "@/components/layout/notification-bell";
import { changeLocale } from "./_actions/preferences";
import { LOCALES, LOCALE_NAMES } from "@/lib/i18n/config";
import { getAppFrame } from "@/lib/server/app-frame";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  const [t, locale, { unread, municipality, inactiveDivisions }] = await Promise.all([getTranslations(), getLocale(), getAppFrame(viewer)]);
  const items = navigationFor(viewer.role).map((item) => ({
    href: item.href,
    label: t(`nav.${item.label}` as "nav.overview"),
  }));
  return (
    <div className="min-h-screen md:flex" data-app-shell>
      <HydrationMarker />
      <SkipLink target="main" label={t("app.skipToContent")} />
      <aside className="border-b border-brand-900 bg-brand-800 text-white md:sticky md:top-0 md:h-screen md:w-64 md:shrink-0 md:overflow-y-auto md:border-r md:border-b-0">
        <div className="px-5 py-4">
          <p className="text-2xl font-semibold tracking-tight">{t("app.name")}</p>
          <p className="text-xs text-brand-100">{t("app.tagline")}</p>
          <p className="mt-2 text-sm text-brand-50" data-testid="municipality">
            {municipality.logoText ? <span className="mr-2 rounded bg-white px-1.5 py-0.5 text-xs font-bold text-brand-900">{municipality.logoText}</span> : null}
            {municipality.name}
          </p>
        </div>
        <SideNav label={t("nav.label")} items={items} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-end gap-4 border-b border-slate-200 bg-white px-6 py-3 text-sm">
          <p data-testid="signed-in-as">
            <span className="font-medium">{t("nav.signedInAs", { name: viewer.name })}</span>
            <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-slate-700">{t(`roles.${viewer.role}`)}</span>
          </p>
          <NotificationBell
            unread={unread}
            label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}
          />
          <LanguageSwitch
            current={locale}
            label={t("nav.language")}
            action={changeLocale}
            options={LOCALES.map((l) => ({ locale: l, name: LOCALE_NAMES[l] }))}
          />
          <Link href="/konto/losenord" className="underline">{t("nav.changePassword")}</Link>
          <SignOutButton label={t("nav.signOut")} />
        </header>
        <main id="main" tabIndex={-1} className="flex-1 px-6 py-8">
          {inactiveDivisions.length > 0 ? (
            <p role="status" className="mb-6 rounded-md border border-amber-400 bg-amber-50 p-3 text-sm">
              {t("organisation.inactiveNotice", { names: inactiveDivisions.join(", ") })}
            </p>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
