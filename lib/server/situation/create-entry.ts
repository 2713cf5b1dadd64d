import "server-only";
import { scopes } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { AccessDeniedError, DomainRuleError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { CreateEntryInput } from "@/lib/schemas/situation-entry";
import { checkDistrict } from "./entry-step";

/**
 * A new situation entry, as a draft of one of the viewer's divisions (a coordinator's: any
 * division). The text is never copied into the audit event — only which entry, where.
 */
export async function createSituationEntry(viewer: Viewer, input: CreateEntryInput): Promise<{ id: string; version: number }> {
  const scope = scopes.situationEntry(viewer, "create");
  // An `own` scope is a list of the viewer's divisions; another division is not the viewer's to write.
  const own = "divisionId" in scope;
  if (own && !viewer.divisionIds.includes(input.divisionId)) throw new AccessDeniedError("situationEntry", "create");
  return withViewer(viewer, async (tx) => {
    const division = await tx.division.findFirst({ where: { id: input.divisionId, active: true }, select: { id: true } });
    if (!division) throw new DomainRuleError("entries.errors.divisionUnknown", "divisionId");
    await checkDistrict(tx, input.districtId || null);
    const created = await tx.situationEntry.create({
      data: {
        divisionId: input.divisionId,
        districtId: input.districtId || null,
        observedOn: new Date(`${input.observedOn}T00:00:00Z`),
        environment: input.environment,
        activityType: input.activityType,
        source: input.source,
        reliability: input.reliability,
        genderPerspective: input.genderPerspective,
        description: input.description,
        createdById: viewer.id,
      },
      select: { id: true, version: true },
    });
    await recordAudit(tx, viewer, {
      action: "situationEntry.create",
      entityType: "SituationEntry",
      entityId: created.id,
      divisionId: input.divisionId,
      details: { environment: input.environment, activityType: input.activityType },
    });
    return created;
  });
}
