import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { isContentRole } from "@/lib/access/user-admin";
import { asViewer } from "./as-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/user";
import { Prisma } from "@/lib/server/generated/prisma/client";
import { assertDivisionsExist, assertDivisionsFitRole } from "./rules";
import { issuePasswordToken } from "./password-links";

/** How long a first single sign-on may link the new account by its e-mail alone. */
export const OIDC_LINK_WINDOW_MS = 7 * 24 * 60 * 60_000;

export type CreatedUser =
  | { id: string; status: "active"; passwordLink: { path: string; expiresAt: Date } }
  | { id: string; status: "pendingGrant"; passwordLink: null };

/**
 * Creates an account. Nobody ever learns a password: the creator gets a one-time
 * set-password link (24 h) to hand over. A coordinator creates any account. An administrator
 * creates ADMIN accounts; asking for a content role (coordinator, division head, network
 * member, observer) creates the account inactive, without divisions, with a grant request a
 * coordinator approves or rejects (docs/decisions/010-grants-passwords-and-sso.md).
 */
export async function createUser(viewer: Viewer, input: CreateUserInput): Promise<CreatedUser> {
  authorize(viewer, "user", "create");
  const data = createUserSchema.parse(input);
  const divisionIds = [...new Set(data.divisionIds)].sort();
  assertDivisionsFitRole(data.role, divisionIds);
  const asRequest = viewer.role !== "COORDINATOR" && isContentRole(data.role);
  const now = new Date();
  try {
    return await asViewer(viewer, async (tx) => {
      await assertDivisionsExist(tx, divisionIds);
      const existing = await tx.user.findFirst({ where: { email: { equals: data.email, mode: "insensitive" } }, select: { id: true } });
      if (existing) throw new DomainRuleError("users.errors.emailTaken", "email");
      const created = await tx.user.create({
        data: {
          name: data.name,
          email: data.email,
          role: data.role,
          active: !asRequest,
          oidcLinkUntil: new Date(now.getTime() + OIDC_LINK_WINDOW_MS),
          ...(asRequest ? {} : { divisions: { create: divisionIds.map((divisionId) => ({ divisionId })) } }),
        },
        select: { id: true },
      });
      await recordAudit(tx, viewer, {
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        details: { role: data.role, divisionIds, emailDomain: data.email.split("@")[1] ?? null, grantRequested: asRequest },
      });
      if (asRequest) {
        await tx.grantRequest.createMany({ data: [{ userId: created.id, role: data.role, divisionIds, requestedById: viewer.id }] });
        await recordAudit(tx, viewer, {
          action: "user.grant.request",
          entityType: "User",
          entityId: created.id,
          details: { role: data.role, divisionIds },
        });
        return { id: created.id, status: "pendingGrant" as const, passwordLink: null };
      }
      const passwordLink = await issuePasswordToken(tx, viewer, created.id, now);
      return { id: created.id, status: "active" as const, passwordLink };
    });
  } catch (error) {
    // Two administrators creating the same address at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainRuleError("users.errors.emailTaken", "email");
    }
    throw error;
  }
}
