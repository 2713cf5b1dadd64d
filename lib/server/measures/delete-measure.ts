import "server-only";
import { scopes, within } from "@/lib/server/access/scope";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";

/**
 * Deletes a measure the viewer may delete, if it is still the version they confirmed and
 * nothing refers to it. A measure that a follow-up line reports on, or that a recommendation or
 * a situation report's finding is linked to, is refused with a Swedish message (set its status
 * to completed or cancelled instead): deleting it would take lines out of submitted, approved
 * and closed follow-ups and evidence out of the checklist. The references are counted in every
 * division (`varna_measure_in_use`, which answers only yes or no), and the foreign keys restrict
 * the delete in the database too. The measure's row is locked first, so a line or link made at
 * the same moment is either seen here or fails on the foreign key afterwards.
 */
export async function deleteMeasure(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  const scope = scopes.measure(viewer, "delete");
  await withViewer(viewer, async (tx) => {
    const found = await tx.measure.findFirst({ where: within(scope, { id: input.id }), select: { title: true, version: true, ownerDivisionId: true } });
    if (!found) throw new NotFoundError("measure");
    if (found.version !== input.version) throw new StaleEditError("measure");
    await tx.$queryRaw`SELECT id FROM "Measure" WHERE id = ${input.id}::uuid FOR UPDATE`;
    const [usage] = await tx.$queryRaw<{ inUse: boolean }[]>`SELECT varna_measure_in_use(${input.id}::uuid) AS "inUse"`;
    if (usage?.inUse) throw new DomainRuleError("measures.errors.inUse");
    const deleted = await tx.measure.deleteMany({ where: within(scope, { id: input.id, version: input.version }) });
    if (deleted.count === 0) throw new StaleEditError("measure");
    await recordAudit(tx, viewer, {
      action: "measure.delete",
      entityType: "Measure",
      entityId: input.id,
      divisionId: found.ownerDivisionId,
      details: { title: found.title },
    });
  });
}
