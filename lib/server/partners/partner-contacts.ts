import "server-only";
import type { z } from "zod";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { updateVersioned } from "@/lib/server/versioned";
import { NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { parseDateOnly } from "@/lib/network/stockholm-time";
import type { addPartnerContactSchema, updatePartnerContactSchema } from "@/lib/schemas/network";

// A partner's contacts are part of the partner: managed under `partner.update`.

export async function addPartnerContact(viewer: Viewer, input: z.output<typeof addPartnerContactSchema>): Promise<{ id: string }> {
  authorize(viewer, "partner", "update");
  return withViewer(viewer, async (tx) => {
    if (!(await tx.partner.findUnique({ where: { id: input.partnerId }, select: { id: true } }))) throw new NotFoundError("Partner");
    const contact = await tx.partnerContact.create({
      data: {
        partnerId: input.partnerId, name: input.name, title: input.title || null, email: input.email || null,
        phone: input.phone || null, lastVerifiedAt: input.lastVerifiedAt ? parseDateOnly(input.lastVerifiedAt) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, viewer, { action: "partnerContact.create", entityType: "PartnerContact", entityId: contact.id, details: { partnerId: input.partnerId, name: input.name } });
    return contact;
  });
}

export async function updatePartnerContact(viewer: Viewer, input: z.output<typeof updatePartnerContactSchema>): Promise<{ version: number }> {
  authorize(viewer, "partner", "update");
  return withViewer(viewer, async (tx) => {
    const before = await tx.partnerContact.findUnique({ where: { id: input.id }, select: { partnerId: true, name: true } });
    if (!before) throw new NotFoundError("PartnerContact");
    await updateVersioned(tx, "partnerContact", {
      id: input.id,
      expectedVersion: input.version,
      data: { name: input.name, title: input.title || null, email: input.email || null, phone: input.phone || null, lastVerifiedAt: input.lastVerifiedAt ? parseDateOnly(input.lastVerifiedAt) : null },
    });
    await recordAudit(tx, viewer, { action: "partnerContact.update", entityType: "PartnerContact", entityId: input.id, details: { partnerId: before.partnerId, name: input.name } });
    return { version: input.version + 1 };
  });
}

/** Confirms a contact still holds: verified today (`now` from the caller). */
export async function verifyPartnerContact(viewer: Viewer, input: { id: string; version: number }, now: Date): Promise<void> {
  authorize(viewer, "partner", "update");
  await withViewer(viewer, async (tx) => {
    const before = await tx.partnerContact.findUnique({ where: { id: input.id }, select: { partnerId: true } });
    if (!before) throw new NotFoundError("PartnerContact");
    await updateVersioned(tx, "partnerContact", { id: input.id, expectedVersion: input.version, data: { lastVerifiedAt: now } });
    await recordAudit(tx, viewer, { action: "partnerContact.verify", entityType: "PartnerContact", entityId: input.id, details: { partnerId: before.partnerId } });
  });
}

export async function removePartnerContact(viewer: Viewer, input: { id: string; version: number }): Promise<void> {
  authorize(viewer, "partner", "update");
  await withViewer(viewer, async (tx) => {
    const before = await tx.partnerContact.findUnique({ where: { id: input.id }, select: { partnerId: true, name: true, version: true } });
    if (!before) throw new NotFoundError("PartnerContact");
    const { count } = await tx.partnerContact.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw new StaleEditError("PartnerContact");
    await recordAudit(tx, viewer, { action: "partnerContact.delete", entityType: "PartnerContact", entityId: input.id, details: { partnerId: before.partnerId, name: before.name } });
  });
}
