// Issue 14 point 2: no password anyone else knows. One-time set-password links (hashed, 24 h,
// single use, audited) and the change of one's own password.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/server/auth/viewer";
import { authenticate } from "@/lib/server/auth/authenticate";
import { changeOwnPassword, passwordTokenUsable, setPasswordWithToken } from "@/lib/server/auth/passwords";
import { startSession, touchSession } from "@/lib/server/auth/sessions";
import { ACCOUNT_FAILURE_LIMIT, accountKey, recordSignInFailure } from "@/lib/server/auth/throttle";
import { hashToken, PASSWORD_LINK_TTL_MS } from "@/lib/server/users/password-links";
import { issuePasswordLink } from "@/lib/server/users/issue-password-link";
import { createUser } from "@/lib/server/users/create-user";
import { createUser as makeUser } from "@/prisma/factories";

const GOOD = "en lång mening som lösenord";
let coordinator: Viewer;

const tokenOf = (path: string) => path.split("/").pop()!;

beforeAll(async () => {
  const u = await makeUser(ownerDb(), { role: "COORDINATOR", password: null });
  coordinator = { id: u.id, name: u.name, email: u.email, role: "COORDINATOR", divisionIds: [] };
});

describe("one-time set-password links", () => {
  it("stores only the token's hash, works once, and is audited", async () => {
    const created = await createUser(coordinator, { name: "Länk", email: "lank@kommun.example", role: "OBSERVER" });
    const token = tokenOf(created.passwordLink!.path);
    const row = await ownerDb().passwordToken.findFirstOrThrow({ where: { userId: created.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toBe(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(PASSWORD_LINK_TTL_MS + 5_000);
    expect(await passwordTokenUsable(token)).toBe(true);
    await setPasswordWithToken({ token, password: GOOD, confirm: GOOD });
    expect(await authenticate({ email: "lank@kommun.example", password: GOOD })).toMatchObject({ id: created.id });
    expect(await passwordTokenUsable(token)).toBe(false);
    await expect(setPasswordWithToken({ token, password: "ett annat långt lösenord", confirm: "ett annat långt lösenord" })).rejects.toMatchObject({ messageKey: "users.errors.linkInvalid" });
    expect(await authenticate({ email: "lank@kommun.example", password: GOOD })).toMatchObject({ id: created.id });
    const actions = (await ownerDb().auditEvent.findMany({ where: { entityId: created.id } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.passwordLink.issue", "auth.password.set"]));
  });

  it("expires after 24 hours, and a new link replaces the old one", async () => {
    const created = await createUser(coordinator, { name: "Gammal länk", email: "gammal.lank@kommun.example", role: "ADMIN" });
    const first = tokenOf(created.passwordLink!.path);
    const later = new Date(Date.now() + PASSWORD_LINK_TTL_MS + 60_000);
    await expect(setPasswordWithToken({ token: first, password: GOOD, confirm: GOOD }, later)).rejects.toMatchObject({ messageKey: "users.errors.linkInvalid" });
    const second = tokenOf((await issuePasswordLink(coordinator, { id: created.id })).path);
    await expect(setPasswordWithToken({ token: first, password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.linkInvalid" });
    await setPasswordWithToken({ token: second, password: GOOD, confirm: GOOD });
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } })).passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("applies the strength rules and changes nothing on bad input; an unknown token is refused", async () => {
    const created = await createUser(coordinator, { name: "Svag", email: "svag@kommun.example", role: "OBSERVER" });
    const token = tokenOf(created.passwordLink!.path);
    await expect(setPasswordWithToken({ token, password: "kort", confirm: "kort" })).rejects.toThrow();
    await expect(setPasswordWithToken({ token, password: "aaaaaaaaaaaaaaaa", confirm: "aaaaaaaaaaaaaaaa" })).rejects.toThrow();
    await expect(setPasswordWithToken({ token, password: GOOD, confirm: `${GOOD}x` })).rejects.toThrow();
    expect(await passwordTokenUsable(token)).toBe(true);
    await expect(setPasswordWithToken({ token: "x".repeat(43), password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.linkInvalid" });
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } })).passwordHash).toBeNull();
  });

  it("does not work for a deactivated account, and ends the account's open sessions when used", async () => {
    const created = await createUser(coordinator, { name: "Session", email: "session@kommun.example", role: "OBSERVER" });
    const token = tokenOf(created.passwordLink!.path);
    const sid = await startSession({ id: created.id, role: "OBSERVER" }, "oidc");
    await setPasswordWithToken({ token, password: GOOD, confirm: GOOD });
    expect(await touchSession(sid, created.id)).toBe(false);
    const again = tokenOf((await issuePasswordLink(coordinator, { id: created.id })).path);
    await ownerDb().user.update({ where: { id: created.id }, data: { active: false } });
    expect(await passwordTokenUsable(again)).toBe(false);
    await expect(setPasswordWithToken({ token: again, password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.linkInvalid" });
  });
});

describe("changing one's own password", () => {
  it("requires the current password and ends every other session, not this one", async () => {
    const u = await makeUser(ownerDb(), { role: "DIVISION_HEAD", email: "byter@kommun.example", password: "gammalt-losenord-1" });
    const viewer: Viewer = { id: u.id, name: u.name, email: u.email, role: "DIVISION_HEAD", divisionIds: [] };
    const mine = await startSession(u, "credentials");
    const other = await startSession(u, "credentials");
    await expect(changeOwnPassword(viewer, mine, { current: "fel-losenord", password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.currentPasswordWrong" });
    expect(await touchSession(other, u.id)).toBe(true);
    await changeOwnPassword(viewer, mine, { current: "gammalt-losenord-1", password: GOOD, confirm: GOOD });
    expect(await touchSession(mine, u.id)).toBe(true);
    expect(await touchSession(other, u.id)).toBe(false);
    expect(await authenticate({ email: "byter@kommun.example", password: "gammalt-losenord-1" })).toBeNull();
    expect(await authenticate({ email: "byter@kommun.example", password: GOOD })).toMatchObject({ id: u.id });
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "auth.password.change", entityId: u.id } });
    expect(event.details).toMatchObject({ otherSessionsEnded: 1 });
  });

  it("counts wrong current passwords against the account's sign-in limit: a session cannot guess at full speed", async () => {
    const u = await makeUser(ownerDb(), { role: "DIVISION_HEAD", email: "gissar@kommun.example", password: "gammalt-losenord-1" });
    const viewer: Viewer = { id: u.id, name: u.name, email: u.email, role: "DIVISION_HEAD", divisionIds: [] };
    const mine = await startSession(u, "credentials");
    // Eight failed sign-ins already in the window: two wrong guesses here use up the limit.
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 2; i++) await recordSignInFailure({ email: "gissar@kommun.example", ip: null });
    for (const guess of ["fel-1", "fel-2"]) {
      await expect(changeOwnPassword(viewer, mine, { current: guess, password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.currentPasswordWrong" });
    }
    await expect(changeOwnPassword(viewer, mine, { current: "fel-3", password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.currentPasswordThrottled" });
    // Now even the right one waits for the window, and the password is unchanged.
    await expect(changeOwnPassword(viewer, mine, { current: "gammalt-losenord-1", password: GOOD, confirm: GOOD })).rejects.toMatchObject({ messageKey: "users.errors.currentPasswordThrottled" });
    expect(await authenticate({ email: "gissar@kommun.example", password: GOOD })).toBeNull();
    await ownerDb().signInThrottle.deleteMany({ where: { key: accountKey("gissar@kommun.example") } });
    expect(await authenticate({ email: "gissar@kommun.example", password: "gammalt-losenord-1" })).toMatchObject({ id: u.id });
  });
});
