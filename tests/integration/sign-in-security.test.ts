import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { authenticate } from "@/lib/server/auth/authenticate";
import {
  ACCOUNT_FAILURE_LIMIT,
  ADDRESS_FAILURE_LIMIT,
  THROTTLE_WINDOW_MS,
  accountKey,
  recordSignInFailure,
  signInBlockedFor,
} from "@/lib/server/auth/throttle";
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, endSession, startSession, touchSession } from "@/lib/server/auth/sessions";
import { emailFromClaims, matchOidcUser, oidcConfig } from "@/lib/server/auth/oidc";
import { parseEnv } from "@/lib/env";
import { createUser } from "@/prisma/factories";

const audit = (action: string) => ownerDb().auditEvent.findMany({ where: { action }, orderBy: { id: "asc" } });
const ISSUER = "https://login.example/tenant/v2.0";

describe("sign-in throttling (state in PostgreSQL)", () => {
  it("blocks an account after 10 failures in a row, even with the right password, and audits each failure", async () => {
    await createUser(ownerDb(), { role: "OBSERVER", email: "gissa@test.example", password: "rätt-lösenord-9" });
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) {
      expect(await authenticate({ email: "gissa@test.example", password: `fel-${i}` }, { ip: "10.0.0.1" })).toBeNull();
    }
    const row = await ownerDb().signInThrottle.findUniqueOrThrow({ where: { key: accountKey("gissa@test.example") } });
    expect(row.failures).toBe(ACCOUNT_FAILURE_LIMIT);
    expect(await signInBlockedFor({ email: "GISSA@test.example", ip: "10.9.9.9" })).toBeGreaterThan(0);
    // Blocked: the right password does not help while the window lasts.
    expect(await authenticate({ email: "gissa@test.example", password: "rätt-lösenord-9" }, { ip: "10.0.0.2" })).toBeNull();

    const failed = await audit("auth.signIn.failed");
    const mine = failed.filter((e) => (e.details as { emailDomain?: string }).emailDomain === "test.example");
    expect(mine.length).toBeGreaterThanOrEqual(ACCOUNT_FAILURE_LIMIT + 1);
    expect(mine.at(-1)!.details).toMatchObject({ reason: "throttled", method: "credentials" });
    expect(JSON.stringify(mine.map((e) => e.details))).not.toContain("fel-");
    expect(JSON.stringify(mine.map((e) => e.details))).not.toContain("gissa@");
  });

  it("counts attempts sent at once before their passwords are checked: no more than the limit get a guess", async () => {
    await createUser(ownerDb(), { role: "OBSERVER", email: "samtidigt@test.example", password: "rätt-lösenord-9" });
    const badPasswordsBefore = (await audit("auth.signIn.failed")).filter(
      (e) => (e.details as { reason?: string; emailDomain?: string }).reason === "badPassword" && (e.details as { emailDomain?: string }).emailDomain === "test.example",
    ).length;
    // One guess left in the window; three sent at once. Counting only failures afterwards let all
    // three through the check; counted first, exactly one reaches the password.
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT - 1; i++) await recordSignInFailure({ email: "samtidigt@test.example", ip: null });
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, i) => authenticate({ email: "samtidigt@test.example", password: `fel-${i}` }, { ip: "10.0.0.3" })),
    );
    expect(results.every((r) => r === null)).toBe(true);
    const failed = (await audit("auth.signIn.failed")).filter((e) => (e.details as { emailDomain?: string }).emailDomain === "test.example");
    const checked = failed.filter((e) => (e.details as { reason?: string }).reason === "badPassword");
    expect(checked.length - badPasswordsBefore).toBe(1);
    expect(await authenticate({ email: "samtidigt@test.example", password: "rätt-lösenord-9" }, { ip: "10.0.0.4" })).toBeNull();
  });

  it("does not let an office's successful sign-ins add up against its shared address", async () => {
    for (let i = 0; i < 3; i++) {
      const email = `kontor${i}@test.example`;
      await createUser(ownerDb(), { role: "OBSERVER", email, password: "rätt-lösenord-9" });
      expect(await authenticate({ email, password: "rätt-lösenord-9" }, { ip: "192.0.2.50" })).not.toBeNull();
    }
    expect(await authenticate({ email: "kontor0@test.example", password: "fel" }, { ip: "192.0.2.50" })).toBeNull();
    expect((await ownerDb().signInThrottle.findUniqueOrThrow({ where: { key: "ip:192.0.2.50" } })).failures).toBe(1);
  });

  it("lets the account in again once the window has passed, and a success resets its count", async () => {
    await createUser(ownerDb(), { role: "OBSERVER", email: "glomsk@test.example", password: "rätt-lösenord-9" });
    const long = new Date(Date.now() - THROTTLE_WINDOW_MS - 1000);
    for (let i = 0; i < ACCOUNT_FAILURE_LIMIT; i++) await recordSignInFailure({ email: "glomsk@test.example", ip: null }, long);
    expect(await signInBlockedFor({ email: "glomsk@test.example", ip: null })).toBeNull();
    await recordSignInFailure({ email: "glomsk@test.example", ip: null });
    const restarted = await ownerDb().signInThrottle.findUniqueOrThrow({ where: { key: accountKey("glomsk@test.example") } });
    expect(restarted.failures).toBe(1);
    expect(await authenticate({ email: "glomsk@test.example", password: "rätt-lösenord-9" })).not.toBeNull();
    expect(await ownerDb().signInThrottle.findUnique({ where: { key: accountKey("glomsk@test.example") } })).toBeNull();
  });

  it("drops keys whose window ended more than a day ago", async () => {
    await recordSignInFailure({ email: "gammal@test.example", ip: null }, new Date(Date.now() - 2 * 24 * 60 * 60_000));
    expect(await ownerDb().signInThrottle.findUnique({ where: { key: accountKey("gammal@test.example") } })).not.toBeNull();
    await recordSignInFailure({ email: "annan@test.example", ip: null });
    expect(await ownerDb().signInThrottle.findUnique({ where: { key: accountKey("gammal@test.example") } })).toBeNull();
  });

  it("blocks an address after its higher limit, across many accounts", async () => {
    for (let i = 0; i < ADDRESS_FAILURE_LIMIT; i++) await recordSignInFailure({ email: `konto${i}@test.example`, ip: "192.0.2.7" });
    expect(await signInBlockedFor({ email: "ny@test.example", ip: "192.0.2.7" })).toBeGreaterThan(0);
    expect(await signInBlockedFor({ email: "ny@test.example", ip: "192.0.2.8" })).toBeNull();
  });
});

describe("sessions (server-side)", () => {
  it("records the sign-in, works until sign-out, then never again; sign-out is audited", async () => {
    const user = await createUser(ownerDb(), { role: "NETWORK_MEMBER" });
    const sid = await startSession(user, "credentials");
    expect(await touchSession(sid, user.id)).toBe(true);
    expect(await touchSession(sid, "00000000-0000-7000-8000-000000000000")).toBe(false);
    await endSession(sid);
    expect(await touchSession(sid, user.id)).toBe(false);
    expect((await audit("auth.signIn")).some((e) => e.entityId === user.id)).toBe(true);
    expect((await audit("auth.signOut")).some((e) => e.entityId === user.id && e.actorId === user.id)).toBe(true);
  });

  it("ends after 30 idle minutes and after 8 hours however active", async () => {
    const user = await createUser(ownerDb(), { role: "NETWORK_MEMBER" });
    const t0 = new Date(Date.now() - ABSOLUTE_TIMEOUT_MS - 60_000);
    const old = await startSession(user, "credentials", t0);
    // Active every 20 minutes for 8 hours: still ends at the absolute timeout.
    for (let t = t0.getTime() + 20 * 60_000; t < t0.getTime() + ABSOLUTE_TIMEOUT_MS; t += 20 * 60_000) {
      expect(await touchSession(old, user.id, new Date(t))).toBe(true);
    }
    expect(await touchSession(old, user.id)).toBe(false);

    const idle = await startSession(user, "credentials", new Date(Date.now() - IDLE_TIMEOUT_MS - 1000));
    expect(await touchSession(idle, user.id)).toBe(false);
  });

  it("drops a user's sessions that ended more than 30 days ago when they sign in again", async () => {
    const user = await createUser(ownerDb(), { role: "OBSERVER" });
    const ancient = await startSession(user, "credentials", new Date(Date.now() - 40 * 24 * 60 * 60_000));
    await startSession(user, "credentials");
    expect(await ownerDb().userSession.findUnique({ where: { id: ancient } })).toBeNull();
    expect(await ownerDb().userSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("writes last-seen at most once a minute", async () => {
    const user = await createUser(ownerDb(), { role: "OBSERVER" });
    const t0 = new Date(Date.now() - 5 * 60_000);
    const sid = await startSession(user, "credentials", t0);
    await touchSession(sid, user.id, new Date(t0.getTime() + 30_000));
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(t0);
    const later = new Date(t0.getTime() + 90_000);
    await touchSession(sid, user.id, later);
    expect((await ownerDb().userSession.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt).toEqual(later);
  });
});

describe("single sign-on (OpenID Connect)", () => {
  it("is configured from the environment only when issuer, client id and secret are all set", () => {
    expect(oidcConfig(parseEnv({}))).toBeNull();
    const config = oidcConfig(parseEnv({
      OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0/",
      OIDC_CLIENT_ID: "app-id",
      OIDC_CLIENT_SECRET: "hemlis",
      OIDC_DISPLAY_NAME: "Nyköpings kommun (Microsoft)",
    }));
    expect(config).toEqual({
      issuer: "https://login.microsoftonline.com/tenant-id/v2.0",
      wellKnown: "https://login.microsoftonline.com/tenant-id/v2.0/.well-known/openid-configuration",
      clientId: "app-id",
      clientSecret: "hemlis",
      displayName: "Nyköpings kommun (Microsoft)",
    });
    expect(() => parseEnv({ OIDC_ISSUER: "https://idp.example" })).toThrow(/OIDC_CLIENT_ID saknas/);
  });

  it("links an existing active user by verified e-mail, case-insensitively, with the rights granted in Värna", async () => {
    const user = await createUser(ownerDb(), { role: "DIVISION_HEAD", email: "sso.chef@kommun.example" });
    const usersBefore = await ownerDb().user.count();
    const match = await matchOidcUser({ sub: "abc", email: "SSO.Chef@Kommun.Example", email_verified: true, roles: ["COORDINATOR"] } as never, ISSUER);
    expect(match).toMatchObject({ id: user.id, role: "DIVISION_HEAD", sessionVersion: 1 });
    expect(match.refused).toBeUndefined();
    expect(await ownerDb().user.count()).toBe(usersBefore);
    const after = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after).toMatchObject({ role: "DIVISION_HEAD", oidcIssuer: ISSUER, oidcSubject: "abc" });
  });

  it("links by preferred_username (Entra ID) while the administrator's link window is open", async () => {
    const user = await createUser(ownerDb(), { role: "OBSERVER", email: "sso.insyn@kommun.example" });
    await ownerDb().user.update({ where: { id: user.id }, data: { oidcLinkUntil: new Date(Date.now() + 60_000) } });
    expect(await matchOidcUser({ sub: "entra-1", preferred_username: "sso.insyn@kommun.example" }, ISSUER)).toMatchObject({ id: user.id });
  });

  it("refuses an unknown or deactivated e-mail and creates no one; refusals are audited", async () => {
    await createUser(ownerDb(), { role: "NETWORK_MEMBER", email: "sso.slutat@kommun.example", active: false });
    const usersBefore = await ownerDb().user.count();
    expect(await matchOidcUser({ sub: "x1", email: "okand@kommun.example", email_verified: true }, ISSUER)).toMatchObject({ refused: "unknownAccount" });
    expect(await matchOidcUser({ sub: "x2", email: "sso.slutat@kommun.example", email_verified: true }, ISSUER)).toMatchObject({ refused: "inactive" });
    expect(await matchOidcUser({ sub: "x3" }, ISSUER)).toMatchObject({ refused: "noEmail" });
    expect(await matchOidcUser({ sub: "x4", email: "sso.slutat@kommun.example", email_verified: false }, ISSUER)).toMatchObject({ refused: "unverifiedEmail" });
    expect(await ownerDb().user.count()).toBe(usersBefore);
    const failed = (await audit("auth.signIn.failed")).filter((e) => (e.details as { method?: string }).method === "oidc");
    expect(failed.length).toBeGreaterThanOrEqual(4);
  });

  it("reads the e-mail from email, preferred_username or upn", () => {
    expect(emailFromClaims({ email: " A@B.se " })).toBe("a@b.se");
    expect(emailFromClaims({ preferred_username: "not-an-email", upn: "u@kommun.se" })).toBe("u@kommun.se");
    expect(emailFromClaims({})).toBeNull();
  });
});
