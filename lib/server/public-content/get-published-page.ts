import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/server/db";
import { PAGE_SELECT, PUBLIC_CONTENT_TAG, toPageData, type PublicPageData } from "./page-data";

/**
 * The published version of the public page in a language, or null. Public: no viewer, since
 * the page is for residents who never sign in; it only ever returns PUBLISHED content.
 */
export async function loadPublishedPage(locale: string): Promise<PublicPageData | null> {
  const row = await db().publicContent.findFirst({
    where: { locale, status: "PUBLISHED" },
    orderBy: { versionNumber: "desc" },
    select: PAGE_SELECT,
  });
  return row ? toPageData(row) : null;
}

/**
 * The same, from Next's data cache: the page itself renders per request (so the per-request
 * CSP nonce reaches Next's inline scripts) but does not query the database each time.
 * Publishing or rolling back expires the tag; the hour is only a safety net for changes made
 * outside the app (e.g. a restored backup).
 */
export const getPublishedPage = unstable_cache(loadPublishedPage, ["public-content:published"], {
  tags: [PUBLIC_CONTENT_TAG],
  revalidate: 3600,
});
