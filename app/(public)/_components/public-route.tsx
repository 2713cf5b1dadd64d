import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { getPublishedPage } from "@/lib/server/public-content/get-published-page";
import { SupportPage } from "@/components/public/support-page";

// What /stod and /en/stod share. The route renders per request (`connection()`), which keeps
// Next's per-request CSP nonces working; the page data of the published version comes from the
// cache (see get-published-page.ts: which version is published is asked each request).

export const PUBLIC_PATHS: Record<string, string> = { sv: "/stod", en: "/en/stod" };

async function siteBase(): Promise<URL> {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured);
  const host = (await headers()).get("host") ?? "localhost";
  return new URL(`http://${host}`);
}

export async function publicMetadata(locale: string): Promise<Metadata> {
  const [page, t, base] = await Promise.all([
    getPublishedPage(locale),
    getTranslations({ locale, namespace: "public.page" }),
    siteBase(),
  ]);
  return {
    metadataBase: base,
    title: { absolute: page?.title ?? t("notPublished") },
    description: t("description"),
    alternates: {
      canonical: PUBLIC_PATHS[locale],
      languages: { ...PUBLIC_PATHS, "x-default": PUBLIC_PATHS.sv! },
    },
    // Visitors of this page may not want the sites they go on to to know where they came from.
    referrer: "no-referrer",
  };
}

export async function PublicRoute({ locale }: { locale: string }) {
  await connection();
  const page = await getPublishedPage(locale);
  if (!page) notFound();
  return <SupportPage page={page} locale={locale} />;
}
