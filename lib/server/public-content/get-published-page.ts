import "server-only";
import { asSystem } from "@/lib/server/access/as-system";
import { cache } from "react";
import { unstable_cache } from "next/cache";
import { PAGE_SELECT, PUBLIC_CONTENT_TAG, toPageData, type PublicPageData } from "./page-data";

/**
 * The published version of the public page in a language, or null. Public: no viewer, since
 * the page is for residents who never sign in; it only ever returns PUBLISHED content.
 */
export async function loadPublishedPage(locale: string): Promise<PublicPageData | null> {
  const row = await asSystem((tx) => tx.publicContent.findFirst({
    where: { locale, status: "PUBLISHED" },
    orderBy: { versionNumber: "desc" },
    select: PAGE_SELECT,
  }));
  return row ? toPageData(row) : null;
}

/**
 * One published version's page data, from Next's data cache. The key is the row's id and the
 * moment it was last written (a rollback re-publishes an old row): what a key names never changes.
 */
const cachedVersion = unstable_cache(
  async (id: string, writtenAt: string): Promise<PublicPageData | null> => {
    const row = await asSystem((tx) => tx.publicContent.findFirst({ where: { id, updatedAt: new Date(writtenAt) }, select: PAGE_SELECT }));
    return row ? toPageData(row) : null;
  },
  ["public-content:published-version"],
  { tags: [PUBLIC_CONTENT_TAG], revalidate: 3600 },
);

/**
 * The published page, correct on every app instance at once. Next's data cache lives in each
 * process's memory, so an instance cannot learn from its own cache that another instance has
 * published: each request asks the database which version is published (one indexed query for
 * the id and the moment it was published or rolled back to) and takes that version's page data
 * from the cache. Publishing on one instance is therefore served by all at the next request.
 * Deduplicated per request (`cache`): metadata and page share the answer.
 */
export const getPublishedPage = cache(async (locale: string): Promise<PublicPageData | null> => {
  const current = await asSystem((tx) => tx.publicContent.findFirst({
    where: { locale, status: "PUBLISHED" },
    orderBy: { versionNumber: "desc" },
    select: { id: true, updatedAt: true },
  }));
  if (!current) return null;
  // Null only when a publication landed between the two queries: then read it straight.
  return (await cachedVersion(current.id, current.updatedAt.toISOString())) ?? loadPublishedPage(locale);
});
