import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { DbTx } from "@/lib/server/db";
import type { createPartnerSchema, updatePartnerSchema } from "@/lib/schemas/network";

async function nameTaken(tx: DbTx, name: string, exceptId?: string) {
  const found = await tx.partner.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  return found !== null;
}

/** A new partner (an internal forum or an external actor) in the register. */
export async function createPartner(viewer: Viewer, input: z.output<typeof createPartnerSchema>): Promise<{ id: string }> {
  authorize(viewer, "partner", "create");
  return withViewer(viewer, async (tx) => {
    if (await nameTaken(tx, input.name)) throw new DomainRuleError("network.errors.partnerNameTaken", "name");
    const partner = await tx.partner.create({ data: input, select: { id: true } });
    await recordAudit(tx, viewer, { action: "partner.create", entityType: "Partner", entityId: partner.id, details: { name: input.name, kind: input.kind, category: input.category } });
    return partner;
  });
}

/** Edits a partner; `active: false` keeps it in the register but out of the default list. */
export async function updatePartner(viewer: Viewer, input: z.output<typeof updatePartnerSchema>): Promise<{ version: number }> {
  authorize(viewer, "partner", "update");
  return withViewer(viewer, async (tx) => {
    const before = await tx.partner.findUnique({ where: { id: input.id }, select: { name: true, active: true } });
    if (!before) throw new NotFoundError("Partner");
    if (await nameTaken(tx, input.name, input.id)) throw new DomainRuleError("network.errors.partnerNameTaken", "name");
    const { id, version, ...data } = input;
    await updateVersioned(tx, "partner", { id, expectedVersion: version, data });
    await recordAudit(tx, viewer, {
      action: "partner.update", entityType: "Partner", entityId: id,
      details: { name: input.name, ...(before.name !== input.name ? { previousName: before.name } : {}), active: input.active },
    });
    return { version: version + 1 };
  });
}
