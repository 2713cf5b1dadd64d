import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { DraftInput } from "@/lib/schemas/public-content";
import type { Locale } from "@/lib/i18n/config";
import { PAGE_SELECT, toPageData } from "./page-data";

/**
 * What the editor's form starts from: the language's draft when there is one, otherwise a
 * copy of the published version (saving it creates the draft).
 */
export async function getDraftForEditing(viewer: Viewer, locale: Locale): Promise<{ values: DraftInput; basedOnVersion: number }> {
  authorize(viewer, "publicContent", "update");
  const { draft, source } = await withViewer(viewer, async (tx) => {
    const draft = await tx.publicContent.findFirst({
      where: { locale, status: "DRAFT" },
      select: { ...PAGE_SELECT, version: true },
    });
    const source =
      draft ??
      (await tx.publicContent.findFirst({
        where: { locale, status: "PUBLISHED" },
        select: { ...PAGE_SELECT, version: true },
      }));
    return { draft, source };
  });
  if (!source) throw new NotFoundError("publicContent");
  const page = toPageData(source);
  return {
    basedOnVersion: page.versionNumber,
    values: {
      locale,
      draftId: draft ? draft.id : "",
      expectedVersion: draft ? draft.version : 0,
      title: page.title,
      intro: page.intro,
      sections: page.sections,
      contacts: page.contacts,
      guide: page.guide,
    },
  };
}
