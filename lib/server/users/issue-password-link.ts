import "server-only";
import { authorize } from "@/lib/server/access/authorize";
import { asViewer } from "./as-viewer";
import type { Viewer } from "@/lib/access/viewer";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { passwordLinkSchema, type PasswordLinkInput } from "@/lib/schemas/user";
import { assertMayManage } from "./rules";
import { issuePasswordToken } from "./password-links";

/**
 * A new one-time set-password link for an active account (a forgotten password, a first
 * sign-in that did not happen in time). A coordinator issues links for any account, an
 * administrator only for ADMIN accounts; nobody for their own (they change it
 * on their own page).
 */
export async function issuePasswordLink(viewer: Viewer, input: PasswordLinkInput) {
  authorize(viewer, "user", "update");
  const data = passwordLinkSchema.parse(input);
  if (data.id === viewer.id) throw new DomainRuleError("users.errors.notSelf");
  return asViewer(viewer, async (tx) => {
    const target = await tx.user.findUnique({ where: { id: data.id }, select: { id: true, role: true, active: true } });
    if (!target) throw new NotFoundError("User");
    assertMayManage(viewer, target);
    if (!target.active) throw new DomainRuleError("users.errors.inactiveNoLink");
    return issuePasswordToken(tx, viewer, target.id);
  });
}
