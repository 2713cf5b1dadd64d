import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/server/db";
import { may } from "@/lib/access/permissions";
import { AccessDeniedError } from "@/lib/server/access/scope";
import type { Viewer } from "@/lib/server/auth/viewer";
import { recordAudit } from "@/lib/server/audit/record";
import { DomainRuleError } from "@/lib/server/errors";
import { hashPassword } from "@/lib/server/password";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/user";
import { Prisma } from "@/lib/server/generated/prisma/client";
import { assertDivisionsExist, assertDivisionsFitRole, assertMayGrant } from "./rules";

/** 96 random bits, written so it can be read out over the phone without ambiguity. */
function temporaryPassword(): string {
  return randomBytes(12).toString("base64url").replace(/[-_]/g, "x").replace(/(.{4})(?=.)/g, "$1-");
}

/**
 * Creates an account with a temporary password that is returned once, to be handed over
 * in person; only its hash is stored. Users who sign in through single sign-on never need it.
 */
export async function createUser(viewer: Viewer, input: CreateUserInput) {
  if (!may(viewer.role, "user", "create")) throw new AccessDeniedError("user", "create");
  const data = createUserSchema.parse(input);
  assertMayGrant(viewer, data.role);
  assertDivisionsFitRole(data.role, data.divisionIds);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db().$transaction(async (tx) => {
      await assertDivisionsExist(tx, data.divisionIds);
      const existing = await tx.user.findFirst({ where: { email: { equals: data.email, mode: "insensitive" } }, select: { id: true } });
      if (existing) throw new DomainRuleError("users.errors.emailTaken", "email");
      const created = await tx.user.create({
        data: {
          name: data.name,
          email: data.email,
          role: data.role,
          passwordHash,
          divisions: { create: [...new Set(data.divisionIds)].map((divisionId) => ({ divisionId })) },
        },
        select: { id: true },
      });
      await recordAudit(tx, viewer, {
        action: "user.create",
        entityType: "User",
        entityId: created.id,
        details: { role: data.role, divisionIds: data.divisionIds, emailDomain: data.email.split("@")[1] ?? null },
      });
      return created;
    });
    return { id: user.id, temporaryPassword: password };
  } catch (error) {
    // Two administrators creating the same address at once: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new DomainRuleError("users.errors.emailTaken", "email");
    }
    throw error;
  }
}
