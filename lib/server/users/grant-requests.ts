import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { asViewer } from "./as-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { decideGrantSchema, type DecideGrantInput } from "@/lib/schemas/user";
import { assertDivisionsExist, assertDivisionsFitRole } from "./rules";
import { issuePasswordToken } from "./password-links";

/** Who may decide grant requests: a coordinator (the one who may grant content roles). */
function assertMayDecide(viewer: Viewer) {
  authorize(viewer, "user", "approve");
}

/** The open grant request of an account, for its page; null when there is none. */
export async function getPendingGrant(viewer: Viewer, userId: string) {
  authorize(viewer, "user", "read");
  return asViewer(viewer, async (tx) => {
    const request = await tx.grantRequest.findFirst({
      where: { userId, status: "PENDING" },
      select: { id: true, role: true, divisionIds: true, version: true, createdAt: true, requestedById: true },
    });
    if (!request) return null;
    const requester = await tx.user.findUnique({ where: { id: request.requestedById }, select: { name: true } });
    return { ...request, requestedBy: requester?.name ?? null };
  });
}

/**
 * A coordinator approves an administrator's grant request: the account gets the role and the
 * divisions asked for and is activated, and the coordinator gets a set-password link for it.
 */
export async function approveGrant(viewer: Viewer, input: DecideGrantInput) {
  assertMayDecide(viewer);
  const data = decideGrantSchema.parse(input);
  return asViewer(viewer, async (tx) => {
    const request = await tx.grantRequest.findUnique({ where: { id: data.id }, select: { id: true, userId: true, role: true, divisionIds: true, status: true } });
    if (!request) throw new NotFoundError("GrantRequest");
    if (request.status !== "PENDING") throw new StaleEditError("GrantRequest");
    if (request.userId === viewer.id) throw new DomainRuleError("users.errors.notOwnRights");
    assertDivisionsFitRole(request.role, request.divisionIds);
    await assertDivisionsExist(tx, request.divisionIds);
    const now = new Date();
    const decided = await tx.grantRequest.updateMany({
      where: { id: data.id, version: data.version, status: "PENDING" },
      data: { status: "APPROVED", decidedById: viewer.id, decidedAt: now, version: { increment: 1 } },
    });
    if (decided.count === 0) throw new StaleEditError("GrantRequest");
    await tx.user.update({
      where: { id: request.userId },
      data: { role: request.role, active: true, version: { increment: 1 }, sessionVersion: { increment: 1 } },
    });
    await tx.divisionMembership.deleteMany({ where: { userId: request.userId } });
    await tx.divisionMembership.createMany({ data: request.divisionIds.map((divisionId) => ({ userId: request.userId, divisionId })) });
    await recordAudit(tx, viewer, {
      action: "user.grant.approve",
      entityType: "User",
      entityId: request.userId,
      details: { requestId: request.id, role: request.role, divisionIds: request.divisionIds },
    });
    const passwordLink = await issuePasswordToken(tx, viewer, request.userId, now);
    return { id: request.userId, passwordLink };
  });
}

/** A coordinator rejects a grant request: the account stays inactive, without divisions. */
export async function rejectGrant(viewer: Viewer, input: DecideGrantInput) {
  assertMayDecide(viewer);
  const data = decideGrantSchema.parse(input);
  return asViewer(viewer, async (tx) => {
    const request = await tx.grantRequest.findUnique({ where: { id: data.id }, select: { id: true, userId: true, role: true } });
    if (!request) throw new NotFoundError("GrantRequest");
    const decided = await tx.grantRequest.updateMany({
      where: { id: data.id, version: data.version, status: "PENDING" },
      data: { status: "REJECTED", decidedById: viewer.id, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (decided.count === 0) throw new StaleEditError("GrantRequest");
    await recordAudit(tx, viewer, {
      action: "user.grant.reject",
      entityType: "User",
      entityId: request.userId,
      details: { requestId: request.id, role: request.role },
    });
    return { id: request.userId };
  });
}
