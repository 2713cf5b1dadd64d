import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { PAGE_SELECT, toPageData, type PublicPageData } from "./page-data";

/**
 * Any version of a language — the draft when no number is given — for the coordinator to look
 * at before publishing or rolling back. Never served to the public.
 */
export async function getPreview(
  viewer: Viewer,
  locale: string,
  versionNumber?: number,
): Promise<PublicPageData & { version: number }> {
  authorize(viewer, "publicContent", "read");
  const row = await withViewer(viewer, (tx) =>
    tx.publicContent.findFirst({
      where: versionNumber === undefined ? { locale, status: "DRAFT" } : { locale, versionNumber },
      select: { ...PAGE_SELECT, version: true },
    }),
  );
  if (!row) throw new NotFoundError("publicContent");
  return { ...toPageData(row), version: row.version };
}
