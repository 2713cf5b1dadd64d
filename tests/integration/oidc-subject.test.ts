// Issue 14 point 5: single sign-on matches by the provider's issuer + subject once linked,
// never by e-mail again; a missing email_verified is not verified.
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { matchOidcUser } from "@/lib/server/auth/oidc";
import { createUser } from "@/prisma/factories";

const ISSUER = "https://login.example/tenant/v2.0";

describe("single sign-on by issuer + subject", () => {
  it("links at the first sign-on by verified e-mail, then matches the subject even after the e-mail changed at the provider", async () => {
    const user = await createUser(ownerDb(), { role: "NETWORK_MEMBER", email: "anna@kommun.example" });
    expect(await matchOidcUser({ iss: ISSUER, sub: "sub-anna", email: "anna@kommun.example", email_verified: true }, ISSUER)).toMatchObject({ id: user.id });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ oidcIssuer: ISSUER, oidcSubject: "sub-anna" });
    // She married; the provider now sends another address (and no email_verified at all).
    const again = await matchOidcUser({ iss: ISSUER, sub: "sub-anna", email: "anna.nygren@kommun.example" }, ISSUER);
    expect(again).toMatchObject({ id: user.id, role: "NETWORK_MEMBER" });
    expect(again.refused).toBeUndefined();
  });

  it("refuses another subject with the same e-mail once the account is linked (a reused or spoofed address)", async () => {
    const user = await createUser(ownerDb(), { role: "DIVISION_HEAD", email: "chef@kommun.example" });
    await matchOidcUser({ iss: ISSUER, sub: "sub-first", email: "chef@kommun.example", email_verified: true }, ISSUER);
    const other = await matchOidcUser({ iss: ISSUER, sub: "sub-second", email: "chef@kommun.example", email_verified: true }, ISSUER);
    expect(other).toMatchObject({ refused: "subjectMismatch" });
    // The same subject from another issuer is another identity.
    expect(await matchOidcUser({ iss: "https://evil.example", sub: "sub-first", email: "chef@kommun.example", email_verified: true }, ISSUER)).toMatchObject({ refused: "subjectMismatch" });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ oidcSubject: "sub-first" });
  });

  it("treats a missing email_verified as not verified: no link, no sign-in", async () => {
    const user = await createUser(ownerDb(), { role: "COORDINATOR", email: "samordnare@kommun.example" });
    expect(await matchOidcUser({ iss: ISSUER, sub: "sub-x", email: "samordnare@kommun.example" }, ISSUER)).toMatchObject({ refused: "unverifiedEmail" });
    expect(await matchOidcUser({ iss: ISSUER, sub: "sub-x", email: "samordnare@kommun.example", email_verified: "true" }, ISSUER)).toMatchObject({ refused: "unverifiedEmail" });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ oidcSubject: null });
  });

  it("an account an administrator just created may be linked by e-mail alone, once, within its link window", async () => {
    const fresh = await createUser(ownerDb(), { role: "OBSERVER", email: "ny@kommun.example" });
    await ownerDb().user.update({ where: { id: fresh.id }, data: { oidcLinkUntil: new Date(Date.now() + 60_000) } });
    const expired = await createUser(ownerDb(), { role: "OBSERVER", email: "gammal@kommun.example" });
    await ownerDb().user.update({ where: { id: expired.id }, data: { oidcLinkUntil: new Date(Date.now() - 60_000) } });
    expect(await matchOidcUser({ iss: ISSUER, sub: "sub-ny", preferred_username: "ny@kommun.example" }, ISSUER)).toMatchObject({ id: fresh.id });
    expect(await matchOidcUser({ iss: ISSUER, sub: "sub-gammal", preferred_username: "gammal@kommun.example" }, ISSUER)).toMatchObject({ refused: "unverifiedEmail" });
    const linked = await ownerDb().user.findUniqueOrThrow({ where: { id: fresh.id } });
    expect(linked).toMatchObject({ oidcSubject: "sub-ny", oidcLinkUntil: null });
    const events = await ownerDb().auditEvent.findMany({ where: { action: "auth.oidc.link", entityId: fresh.id } });
    expect(events).toHaveLength(1);
  });
});
