import "server-only";
import type { DbTx } from "@/lib/server/db";
import type { Action } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { scopes, within } from "@/lib/server/access/scope";
import { updateVersioned } from "@/lib/server/versioned";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Prisma } from "@/lib/server/generated/prisma/client";
import { canTakeStep, type EntryStep } from "@/lib/situation/workflow";

/**
 * One workflow step on one entry, the same way for every step: the entry within the viewer's
 * scope for `action` (another division's entry is "not found", like a missing one), at the
 * version the form started from (else StaleEditError), in a status where the step applies
 * (else a Swedish domain-rule message), then the versioned update and its audit event — all in
 * the caller's transaction, so nothing is half-saved.
 */
export async function takeEntryStep(
  tx: DbTx,
  viewer: Viewer,
  input: { id: string; version: number; action: Action; step: EntryStep; audit: string; data: Omit<Prisma.SituationEntryUncheckedUpdateManyInput, "version">; details?: Prisma.InputJsonObject },
): Promise<{ id: string; version: number; divisionId: string }> {
  const scope = scopes.situationEntry(viewer, input.action);
  const entry = await tx.situationEntry.findFirst({
    where: within(scope, { id: input.id }),
    select: { id: true, status: true, version: true, divisionId: true },
  });
  if (!entry) throw new NotFoundError("SituationEntry");
  if (entry.version !== input.version) throw new StaleEditError("SituationEntry");
  if (!canTakeStep(viewer.role, input.step, entry.status)) throw new DomainRuleError(`entries.errors.step.${input.step}`);
  await updateVersioned(tx, "situationEntry", { id: entry.id, expectedVersion: input.version, scope, data: input.data });
  await recordAudit(tx, viewer, {
    action: input.audit,
    entityType: "SituationEntry",
    entityId: entry.id,
    divisionId: entry.divisionId,
    details: { from: entry.status, version: input.version + 1, ...(input.details ?? {}) },
  });
  return { id: entry.id, version: input.version + 1, divisionId: entry.divisionId };
}

/** A district the entry may name: an existing, active one (or none: the whole municipality). */
export async function checkDistrict(tx: DbTx, districtId: string | null) {
  if (!districtId) return;
  const found = await tx.district.findFirst({ where: { id: districtId, active: true }, select: { id: true } });
  if (!found) throw new DomainRuleError("entries.errors.districtUnknown", "districtId");
}
