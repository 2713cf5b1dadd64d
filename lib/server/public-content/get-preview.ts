import "server-only";
import { db } from "@/lib/server/db";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/server/auth/viewer";
import { assertMayEdit, PAGE_SELECT, toPageData, type PublicPageData } from "./page-data";

/**
 * Any version of a language — the draft when no number is given — for the coordinator to look
 * at before publishing or rolling back. Never served to the public.
 */
export async function getPreview(
  viewer: Viewer,
  locale: string,
  versionNumber?: number,
): Promise<PublicPageData & { version: number }> {
  assertMayEdit(viewer);
  const row = await db().publicContent.findFirst({
    where: versionNumber === undefined ? { locale, status: "DRAFT" } : { locale, versionNumber },
    select: { ...PAGE_SELECT, version: true },
  });
  if (!row) throw new NotFoundError("publicContent");
  return { ...toPageData(row), version: row.version };
}
