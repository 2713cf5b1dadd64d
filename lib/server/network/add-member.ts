import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { withViewer } from "@/lib/server/access/with-viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import type { addNetworkMemberSchema } from "@/lib/schemas/network";
import type { z } from "zod";

/**
 * Adds a user to the VBE network for one of their divisions with one or more
 * responsibilities; a former member of that division is taken back in (their history stays),
 * and a current one gets the responsibilities given here.
 */
export async function addNetworkMember(viewer: Viewer, input: z.output<typeof addNetworkMemberSchema>): Promise<{ id: string }> {
  authorize(viewer, "networkMeeting", "create");
  return withViewer(viewer, async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: input.userId },
      select: { active: true, role: true, divisions: { where: { divisionId: input.divisionId }, select: { divisionId: true } } },
    });
    if (!user || !user.active || !["NETWORK_MEMBER", "COORDINATOR"].includes(user.role)) {
      throw new DomainRuleError("network.errors.memberNotEligible", "userId");
    }
    if (user.divisions.length === 0) throw new DomainRuleError("network.errors.memberNotInDivision", "divisionId");
    const existing = await tx.networkMembership.findUnique({
      where: { userId_divisionId: { userId: input.userId, divisionId: input.divisionId } },
      select: { id: true, active: true, responsibilities: true },
    });
    const membership = existing
      ? await tx.networkMembership.update({
          where: { id: existing.id },
          data: { active: true, responsibilities: input.responsibilities, version: { increment: 1 }, ...(existing.active ? {} : { joinedAt: new Date() }) },
          select: { id: true },
        })
      : await tx.networkMembership.create({
          data: { userId: input.userId, divisionId: input.divisionId, responsibilities: input.responsibilities },
          select: { id: true },
        });
    await recordAudit(tx, viewer, {
      action: existing?.active ? "networkMember.update" : "networkMember.add",
      entityType: "NetworkMembership",
      entityId: membership.id,
      divisionId: input.divisionId,
      details: { userId: input.userId, responsibilities: input.responsibilities, ...(existing ? { before: existing.responsibilities } : {}) },
    });
    return membership;
  });
}
