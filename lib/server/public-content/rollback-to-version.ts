import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { PAGE_SELECT, toPageData } from "./page-data";
import { lockLocale, nextVersionNumber, syncContactRegister } from "./versioning";

/**
 * Puts an earlier version back on the public page. It is published as a new version (a copy)
 * rather than by reviving the old row, so the history reads in order and shows who rolled
 * back to what. Refused when the published version has changed since the coordinator looked.
 */
export async function rollbackToVersion(
  viewer: Viewer,
  input: { targetId: string; expectedPublishedVersion: number },
): Promise<{ locale: string; versionNumber: number; restoredVersionNumber: number }> {
  authorize(viewer, "publicContent", "publish");
  return withViewer(viewer, async (tx) => {
    const found = await tx.publicContent.findUnique({ where: { id: input.targetId }, select: { locale: true } });
    if (!found) throw new NotFoundError("publicContent");
    await lockLocale(tx, found.locale);
    const target = await tx.publicContent.findUnique({ where: { id: input.targetId }, select: PAGE_SELECT });
    if (!target) throw new NotFoundError("publicContent");
    if (target.status === "DRAFT") throw new DomainRuleError("public.errors.rollbackDraft");
    const current = await tx.publicContent.findFirst({
      where: { locale: target.locale, status: "PUBLISHED" },
      select: { id: true, versionNumber: true },
    });
    if ((current?.versionNumber ?? 0) !== input.expectedPublishedVersion) throw new StaleEditError("publicContent");
    if (current?.id === target.id) throw new DomainRuleError("public.errors.alreadyPublished");

    if (current) {
      await tx.publicContent.update({ where: { id: current.id }, data: { status: "ARCHIVED", version: { increment: 1 } } });
    }
    const versionNumber = await nextVersionNumber(tx, target.locale);
    const restored = await tx.publicContent.create({
      data: {
        locale: target.locale,
        versionNumber,
        status: "PUBLISHED",
        title: target.title,
        intro: target.intro,
        sections: target.sections ?? [],
        contacts: target.contacts ?? [],
        guide: target.guide ?? [],
        createdById: viewer.id,
        publishedAt: new Date(),
        publishedById: viewer.id,
      },
      select: { id: true },
    });
    await syncContactRegister(tx, viewer, target.locale, toPageData(target).contacts);
    await recordAudit(tx, viewer, {
      action: "publicContent.rollback",
      entityType: "PublicContent",
      entityId: restored.id,
      details: {
        locale: target.locale,
        versionNumber,
        restoredVersionNumber: target.versionNumber,
        replacedVersionNumber: current?.versionNumber ?? null,
      },
    });
    return { locale: target.locale, versionNumber, restoredVersionNumber: target.versionNumber };
  });
}
