// Issue 14 point 2: with single sign-on configured, local sign-in is off for all but a named
// break-glass coordinator account.
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { parseEnv } from "@/lib/env";
import { authenticate } from "@/lib/server/auth/authenticate";
import { localSignInPolicy } from "@/lib/server/auth/local-sign-in";
import { createUser } from "@/prisma/factories";

const OIDC = { OIDC_ISSUER: "https://login.example", OIDC_CLIENT_ID: "id", OIDC_CLIENT_SECRET: "secret" };

describe("local sign-in when single sign-on is configured", () => {
  it("defaults to break-glass only with OIDC, and to on without it", () => {
    expect(localSignInPolicy(parseEnv({}))).toEqual({ mode: "on", breakGlassEmail: null });
    expect(localSignInPolicy(parseEnv(OIDC))).toEqual({ mode: "breakglass", breakGlassEmail: null });
    expect(localSignInPolicy(parseEnv({ ...OIDC, LOCAL_SIGN_IN: "breakglass", BREAK_GLASS_EMAIL: "Nod@Kommun.Example" }))).toEqual({
      mode: "breakglass",
      breakGlassEmail: "nod@kommun.example",
    });
    // Without single sign-on nobody could sign in: the setting does not apply.
    expect(localSignInPolicy(parseEnv({ LOCAL_SIGN_IN: "off" })).mode).toBe("on");
  });

  it("lets only the break-glass coordinator sign in locally; everyone else is refused with the right password", async () => {
    const head = await createUser(ownerDb(), { role: "DIVISION_HEAD", email: "chef.lokal@kommun.example", password: "ratt-losenord-123" });
    const admin = await createUser(ownerDb(), { role: "ADMIN", email: "it.lokal@kommun.example", password: "ratt-losenord-123" });
    const coordinator = await createUser(ownerDb(), { role: "COORDINATOR", email: "nod@kommun.example", password: "ratt-losenord-123" });
    const other = await createUser(ownerDb(), { role: "COORDINATOR", email: "annan@kommun.example", password: "ratt-losenord-123" });
    const policy = localSignInPolicy(parseEnv({ ...OIDC, BREAK_GLASS_EMAIL: "nod@kommun.example" }));
    const tryIt = (email: string) => authenticate({ email, password: "ratt-losenord-123" }, { policy });
    expect(await tryIt(head.email)).toBeNull();
    expect(await tryIt(admin.email)).toBeNull();
    expect(await tryIt(other.email)).toBeNull();
    expect(await tryIt(coordinator.email)).toMatchObject({ id: coordinator.id });
    const refused = await ownerDb().auditEvent.findMany({ where: { action: "auth.signIn.failed", entityId: { in: [head.id, admin.id, other.id] } } });
    expect(refused.map((e) => (e.details as { reason: string }).reason)).toEqual(["localSignInOff", "localSignInOff", "localSignInOff"]);
    // The break-glass address on an account that is not a coordinator's opens nothing.
    await ownerDb().user.update({ where: { id: coordinator.id }, data: { role: "ADMIN" } });
    expect(await tryIt(coordinator.email)).toBeNull();
  });

  it("off: nobody signs in locally; on: everyone does", async () => {
    const user = await createUser(ownerDb(), { role: "OBSERVER", email: "insyn.lokal@kommun.example", password: "ratt-losenord-123" });
    const input = { email: user.email, password: "ratt-losenord-123" };
    expect(await authenticate(input, { policy: localSignInPolicy(parseEnv({ ...OIDC, LOCAL_SIGN_IN: "off" })) })).toBeNull();
    expect(await authenticate(input, { policy: localSignInPolicy(parseEnv({ ...OIDC, LOCAL_SIGN_IN: "on" })) })).toMatchObject({ id: user.id });
  });
});
