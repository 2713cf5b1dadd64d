import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { Draft } from "@/lib/schemas/public-content";
import { lockLocale, nextVersionNumber } from "./versioning";

/**
 * Saves the coordinator's draft of one language. There is at most one draft per language:
 * a form opened from the published version (no draftId) creates it; a form opened from the
 * draft must still match the draft's `version`, else someone else saved in between.
 * The public page is untouched until the draft is published.
 */
export async function saveDraft(viewer: Viewer, input: Draft): Promise<{ id: string; version: number; versionNumber: number }> {
  authorize(viewer, "publicContent", "update");
  return withViewer(viewer, async (tx) => {
    await lockLocale(tx, input.locale);
    const content = {
      title: input.title,
      intro: input.intro,
      sections: input.sections,
      contacts: input.contacts,
      guide: input.guide,
    };
    const draft = await tx.publicContent.findFirst({
      where: { locale: input.locale, status: "DRAFT" },
      select: { id: true, version: true, versionNumber: true },
    });

    if (input.draftId === "") {
      if (draft) throw new StaleEditError("publicContent");
      const created = await tx.publicContent.create({
        data: {
          ...content,
          locale: input.locale,
          versionNumber: await nextVersionNumber(tx, input.locale),
          status: "DRAFT",
          createdById: viewer.id,
        },
        select: { id: true, version: true, versionNumber: true },
      });
      await recordAudit(tx, viewer, {
        action: "publicContent.draft.create",
        entityType: "PublicContent",
        entityId: created.id,
        details: { locale: input.locale, versionNumber: created.versionNumber },
      });
      return created;
    }

    if (!draft || draft.id !== input.draftId || draft.version !== input.expectedVersion) {
      throw new StaleEditError("publicContent");
    }
    const updated = await tx.publicContent.update({
      where: { id: draft.id, version: input.expectedVersion },
      data: { ...content, version: { increment: 1 } },
      select: { id: true, version: true, versionNumber: true },
    });
    await recordAudit(tx, viewer, {
      action: "publicContent.draft.update",
      entityType: "PublicContent",
      entityId: updated.id,
      details: { locale: input.locale, versionNumber: updated.versionNumber },
    });
    return updated;
  });
}
