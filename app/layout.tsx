import type { Metadata } from "next";
import { headers } from "next/headers";
import { GeistSans } from "geist/font/sans";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { PUBLIC_PAGE_HEADER } from "@/lib/i18n/config";
import { clientMessages } from "@/lib/i18n/client-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s – ${t("name")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages, requestHeaders] = await Promise.all([getLocale(), getMessages(), headers()]);
  // The public page has no client components of its own: only the error page's texts. Other
  // pages get the global namespaces here and their area's own from the area's layout.
  const publicPage = requestHeaders.get(PUBLIC_PAGE_HEADER) === "1";
  return (
    <html lang={locale} className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider messages={publicPage ? { errors: messages.errors } : clientMessages(messages)}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
