import "server-only";
import { db } from "@/lib/server/db";
import { hashPassword, verifyPassword } from "@/lib/server/password";
import { signInSchema } from "@/lib/schemas/sign-in";

export type AuthenticatedUser = { id: string; name: string; email: string; sessionVersion: number };

// Verified against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong
// password and the answer does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

/** Checks a local account's e-mail and password; null for any failure, without saying why. */
export async function authenticate(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db().user.findUnique({
    where: { email: email.toLowerCase() },
    select: { id: true, name: true, email: true, active: true, passwordHash: true, sessionVersion: true },
  });
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verifyPassword(await dummyHash, password);
    return null;
  }
  const ok = await verifyPassword(user.passwordHash, password);
  if (!ok || !user.active) return null;
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { id: user.id, name: user.name, email: user.email, sessionVersion: user.sessionVersion };
}
