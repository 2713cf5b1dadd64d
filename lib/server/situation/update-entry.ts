import "server-only";
import { withViewer } from "@/lib/server/access/with-viewer";
import type { Viewer } from "@/lib/access/viewer";
import type { UpdateEntryInput } from "@/lib/schemas/situation-entry";
import { checkDistrict, takeEntryStep } from "./entry-step";

/**
 * Saves an edit of an entry, only over the version the form was opened on: if someone saved
 * in between, StaleEditError and nothing is overwritten (the form offers the current text).
 * A network member edits its own division's drafts; the coordinator any entry not archived.
 */
export async function updateSituationEntry(viewer: Viewer, input: UpdateEntryInput): Promise<{ id: string; version: number }> {
  return withViewer(viewer, async (tx) => {
    await checkDistrict(tx, input.districtId || null);
    const saved = await takeEntryStep(tx, viewer, {
      id: input.id,
      version: input.version,
      action: "update",
      step: "edit",
      audit: "situationEntry.update",
      data: {
        districtId: input.districtId || null,
        observedOn: new Date(`${input.observedOn}T00:00:00Z`),
        environment: input.environment,
        activityType: input.activityType,
        source: input.source,
        reliability: input.reliability,
        genderPerspective: input.genderPerspective,
        description: input.description,
      },
    });
    return { id: saved.id, version: saved.version };
  });
}
