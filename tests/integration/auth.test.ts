import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { authenticate } from "@/lib/server/auth/authenticate";
import { startSession } from "@/lib/server/auth/sessions";
import { createDivision, createUser } from "@/prisma/factories";

describe("authenticate (local accounts)", () => {
  let divisionId: string;
  beforeAll(async () => {
    divisionId = (await createDivision(ownerDb())).id;
  });

  it("accepts the right password, case-insensitively on the e-mail; the session records the sign-in", async () => {
    const user = await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [divisionId], email: "chef@test.example", password: "rätt-lösenord-1" });
    const result = await authenticate({ email: "Chef@Test.Example", password: "rätt-lösenord-1" });
    expect(result).toMatchObject({ id: user.id, email: "chef@test.example", role: "DIVISION_HEAD", sessionVersion: 1 });
    await startSession(result!, "credentials");
    const after = await ownerDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).toBeInstanceOf(Date);
  });

  it("refuses a wrong password, an unknown e-mail, a deactivated account and malformed input", async () => {
    await createUser(ownerDb(), { role: "OBSERVER", email: "insyn@test.example", password: "hemligt-123" });
    await createUser(ownerDb(), { role: "OBSERVER", email: "borta@test.example", password: "hemligt-123", active: false });
    expect(await authenticate({ email: "insyn@test.example", password: "fel" })).toBeNull();
    expect(await authenticate({ email: "ingen@test.example", password: "hemligt-123" })).toBeNull();
    expect(await authenticate({ email: "borta@test.example", password: "hemligt-123" })).toBeNull();
    expect(await authenticate({ email: "inte-en-adress", password: "hemligt-123" })).toBeNull();
    expect(await authenticate(undefined)).toBeNull();
  });

  it("never stores the password itself", async () => {
    await createUser(ownerDb(), { role: "ADMIN", email: "admin@test.example", password: "klartext-lösen" });
    const row = await ownerDb().user.findUniqueOrThrow({ where: { email: "admin@test.example" }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain("klartext-lösen");
  });
});
