import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { toPageData, PAGE_SELECT } from "./page-data";
import { lockLocale, nextVersionNumber, syncContactRegister } from "./versioning";

/**
 * Publishes a language's draft: it becomes what the public sees, the version it replaces is
 * archived (and stays available for rollback), and the event is audited in the same
 * transaction. The caller expires the page cache after this returns.
 */
export async function publishDraft(
  viewer: Viewer,
  input: { draftId: string; expectedVersion: number },
): Promise<{ locale: string; versionNumber: number }> {
  authorize(viewer, "publicContent", "publish");
  return withViewer(viewer, async (tx) => {
    const found = await tx.publicContent.findUnique({ where: { id: input.draftId }, select: { locale: true } });
    if (!found) throw new NotFoundError("publicContent");
    await lockLocale(tx, found.locale);
    const draft = await tx.publicContent.findUnique({ where: { id: input.draftId }, select: { ...PAGE_SELECT, version: true } });
    if (!draft || draft.status !== "DRAFT" || draft.version !== input.expectedVersion) {
      throw new StaleEditError("publicContent");
    }
    const previous = await tx.publicContent.findFirst({
      where: { locale: draft.locale, status: "PUBLISHED" },
      select: { id: true, versionNumber: true },
    });
    if (previous) {
      await tx.publicContent.update({ where: { id: previous.id }, data: { status: "ARCHIVED", version: { increment: 1 } } });
    }
    // A rollback made while the draft was open took a higher number: keep numbers in the
    // order versions went public, so "version 5" is always newer than "version 4".
    const next = await nextVersionNumber(tx, draft.locale);
    const versionNumber = draft.versionNumber === next - 1 ? draft.versionNumber : next;
    await tx.publicContent.update({
      where: { id: draft.id, version: input.expectedVersion },
      data: {
        status: "PUBLISHED",
        versionNumber,
        publishedAt: new Date(),
        publishedById: viewer.id,
        version: { increment: 1 },
      },
    });
    await syncContactRegister(tx, viewer, draft.locale, toPageData(draft).contacts);
    await recordAudit(tx, viewer, {
      action: "publicContent.publish",
      entityType: "PublicContent",
      entityId: draft.id,
      details: { locale: draft.locale, versionNumber, replacedVersionNumber: previous?.versionNumber ?? null },
    });
    return { locale: draft.locale, versionNumber };
  });
}
