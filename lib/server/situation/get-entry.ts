import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { recordRefusal } from "@/lib/server/audit/refusal";
import type { Viewer } from "@/lib/access/viewer";
import { NotFoundError } from "@/lib/server/errors";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One situation entry, if it is in the viewer's divisions. Another division's entry is
 * "not found" — exactly as a non-existent one, so a guessed id reveals nothing. Audited,
 * and so is the miss (`access.notFound`, rate-limited): a guessed id leaves a trace.
 */
export async function getSituationEntry(viewer: Viewer, id: string) {
  const where = scopes.situationEntry(viewer, "read");
  if (!UUID.test(id)) throw new NotFoundError("SituationEntry");
  const found = await withViewer(viewer, async (tx) => {
    const entry = await tx.situationEntry.findFirst({
      where: within(where, { id }),
      select: {
        id: true, observedOn: true, environment: true, activityType: true, source: true, reliability: true,
        genderPerspective: true, description: true, status: true, submittedAt: true, reviewedAt: true,
        version: true, divisionId: true, districtId: true, reviewComment: true, returnedAt: true, archivedAt: true,
        createdById: true, updatedAt: true,
        division: { select: { name: true } }, district: { select: { name: true } },
      },
    });
    if (!entry) return null;
    await recordAudit(tx, viewer, {
      action: "situationEntry.read",
      entityType: "SituationEntry",
      entityId: entry.id,
      divisionId: entry.divisionId,
    });
    return { ...entry, division: entry.division.name, district: entry.district?.name ?? null };
  });
  if (!found) {
    await recordRefusal(viewer, "access.notFound", { entityType: "SituationEntry", entityId: id });
    throw new NotFoundError("SituationEntry");
  }
  return found;
}
