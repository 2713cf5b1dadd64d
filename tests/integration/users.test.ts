import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/server/auth/viewer";
import type { Role } from "@/lib/access/permissions";
import { AccessDeniedError, DomainRuleError, StaleEditError } from "@/lib/server/errors";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { listUsers } from "@/lib/server/users/list-users";
import { startSession, touchSession } from "@/lib/server/auth/sessions";
import { authenticate } from "@/lib/server/auth/authenticate";
import { setPasswordWithToken } from "@/lib/server/auth/passwords";
import { createDivision, createUser as makeUser } from "@/prisma/factories";

async function viewerOf(role: Role, divisionIds: string[] = []): Promise<Viewer> {
  const u = await makeUser(ownerDb(), { role, divisionIds });
  return { id: u.id, name: u.name, email: u.email, role, divisionIds };
}

const auditFor = (entityId: string) => ownerDb().auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });

describe("user administration", () => {
  let buk: string;
  let dso: string;
  let admin: Viewer;
  let coordinator: Viewer;
  beforeAll(async () => {
    buk = (await createDivision(ownerDb())).id;
    dso = (await createDivision(ownerDb())).id;
    admin = await viewerOf("ADMIN");
    coordinator = await viewerOf("COORDINATOR");
  });

  it("creates a user with a one-time set-password link (only the token's hash stored) and audits it", async () => {
    const created = await createUser(coordinator, { name: "Ny Person", email: "Ny.Person@Kommun.Example", role: "NETWORK_MEMBER", divisionIds: [buk] });
    expect(created.status).toBe("active");
    const token = created.passwordLink!.path.split("/").pop()!;
    expect(token.length).toBeGreaterThanOrEqual(40);
    const row = await ownerDb().user.findUniqueOrThrow({ where: { id: created.id }, include: { divisions: true, passwordTokens: true }, omit: { passwordHash: false } });
    expect(row).toMatchObject({ email: "ny.person@kommun.example", role: "NETWORK_MEMBER", active: true, passwordHash: null });
    expect(row.divisions.map((d) => d.divisionId)).toEqual([buk]);
    expect(row.passwordTokens).toHaveLength(1);
    expect(row.passwordTokens[0]!.tokenHash).not.toContain(token);
    await setPasswordWithToken({ token, password: "ett långt lösenord", confirm: "ett långt lösenord" });
    expect(await authenticate({ email: "ny.person@kommun.example", password: "ett långt lösenord" })).toMatchObject({ id: created.id });
    const events = await auditFor(created.id);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["user.create", "user.passwordLink.issue", "auth.password.set"]));
    expect(events.find((e) => e.action === "user.create")).toMatchObject({ actorId: coordinator.id, actorRole: "COORDINATOR" });
  });

  it("refuses a taken e-mail (any case) and bad division/role combinations, changing nothing", async () => {
    await createUser(admin, { name: "Först", email: "dubbel@kommun.example", role: "OBSERVER" });
    const before = await ownerDb().user.count();
    await expect(createUser(admin, { name: "Igen", email: "DUBBEL@kommun.example", role: "OBSERVER" })).rejects.toMatchObject({ messageKey: "users.errors.emailTaken" });
    await expect(createUser(admin, { name: "Chef", email: "c1@kommun.example", role: "DIVISION_HEAD", divisionIds: [] })).rejects.toMatchObject({ messageKey: "users.errors.divisionRequired" });
    await expect(createUser(admin, { name: "Insyn", email: "c2@kommun.example", role: "OBSERVER", divisionIds: [buk] })).rejects.toMatchObject({ messageKey: "users.errors.noDivisionsForRole" });
    await expect(createUser(admin, { name: "X", email: "c3@kommun.example", role: "NETWORK_MEMBER", divisionIds: ["00000000-0000-7000-8000-000000000000"] })).rejects.toMatchObject({ messageKey: "users.errors.divisionUnknown" });
    expect(await ownerDb().user.count()).toBe(before);
  });

  it("separation of duties: an admin can neither grant COORDINATOR nor change a coordinator; a coordinator can", async () => {
    // An administrator's request for a coordinator account waits, inactive, for a coordinator.
    const kupp = await createUser(admin, { name: "Kupp", email: "kupp@kommun.example", role: "COORDINATOR" });
    expect(kupp).toMatchObject({ status: "pendingGrant", passwordLink: null });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: kupp.id } })).toMatchObject({ active: false });
    const target = await makeUser(ownerDb(), { role: "OBSERVER" });
    await expect(updateUser(admin, { id: target.id, version: 1, name: target.name, role: "COORDINATOR", divisionIds: [] })).rejects.toBeInstanceOf(DomainRuleError);
    await expect(updateUser(admin, { id: coordinator.id, version: 1, name: "x", role: "OBSERVER", divisionIds: [] })).rejects.toMatchObject({ messageKey: "users.errors.onlyCoordinatorManagesCoordinator" });
    await expect(setUserActive(admin, { id: coordinator.id, version: 1, active: false, confirmed: true })).rejects.toMatchObject({ messageKey: "users.errors.onlyCoordinatorManagesCoordinator" });
    // Nobody changes their own rights.
    // An observer account is a coordinator's to grant (observers read the finished reports).
    await expect(updateUser(admin, { id: admin.id, version: 1, name: admin.name, role: "OBSERVER", divisionIds: [] })).rejects.toMatchObject({ messageKey: "users.errors.onlyCoordinatorGrantsContentRole" });
    await expect(updateUser(coordinator, { id: coordinator.id, version: 1, name: coordinator.name, role: "OBSERVER", divisionIds: [] })).rejects.toMatchObject({ messageKey: "users.errors.notOwnRights" });
    await expect(setUserActive(admin, { id: admin.id, version: 1, active: false, confirmed: true })).rejects.toMatchObject({ messageKey: "users.errors.notSelf" });
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("OBSERVER");
    const made = await createUser(coordinator, { name: "Ställföreträdare", email: "stf@kommun.example", role: "COORDINATOR" });
    expect((await ownerDb().user.findUniqueOrThrow({ where: { id: made.id } })).role).toBe("COORDINATOR");
  });

  it("changes role and divisions: bumps sessionVersion, audits from/to, refuses a stale version", async () => {
    const target = await makeUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [buk] });
    await updateUser(coordinator, { id: target.id, version: 1, name: target.name, role: "DIVISION_HEAD", divisionIds: [dso] });
    const after = await ownerDb().user.findUniqueOrThrow({ where: { id: target.id }, include: { divisions: true } });
    expect(after).toMatchObject({ role: "DIVISION_HEAD", version: 2, sessionVersion: 2 });
    expect(after.divisions.map((d) => d.divisionId)).toEqual([dso]);
    const event = (await auditFor(target.id)).find((e) => e.action === "user.update");
    expect(event?.details).toMatchObject({ role: { from: "NETWORK_MEMBER", to: "DIVISION_HEAD" }, divisionIds: { from: [buk], to: [dso] }, sessionsEnded: true });
    // Someone else saved in between: version 1 is stale.
    await expect(updateUser(coordinator, { id: target.id, version: 1, name: "Gammal", role: "OBSERVER", divisionIds: [] })).rejects.toBeInstanceOf(StaleEditError);
    // A name-only change leaves sessions alone.
    await updateUser(coordinator, { id: target.id, version: 2, name: "Nytt Namn", role: "DIVISION_HEAD", divisionIds: [dso] });
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ name: "Nytt Namn", version: 3, sessionVersion: 2 });
  });

  it("deactivates (ending open sessions) and reactivates, each audited; sign-in refused meanwhile", async () => {
    const target = await makeUser(ownerDb(), { role: "ADMIN", email: "slutar@kommun.example", password: "lösenord-för-test" });
    const sid = await startSession(target, "credentials");
    await setUserActive(admin, { id: target.id, version: 1, active: false, confirmed: true });
    expect(await touchSession(sid, target.id)).toBe(false);
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({ active: false, sessionVersion: 2 });
    expect(await authenticate({ email: "slutar@kommun.example", password: "lösenord-för-test" })).toBeNull();
    await setUserActive(admin, { id: target.id, version: 2, active: true, confirmed: true });
    expect(await authenticate({ email: "slutar@kommun.example", password: "lösenord-för-test" })).toMatchObject({ id: target.id });
    expect((await auditFor(target.id)).map((e) => e.action)).toEqual(expect.arrayContaining(["user.deactivate", "user.reactivate"]));
  });

  it("refuses every other role, and writes nothing", async () => {
    const head = await viewerOf("DIVISION_HEAD", [buk]);
    const target = await makeUser(ownerDb(), { role: "OBSERVER" });
    const before = await ownerDb().auditEvent.count();
    await expect(createUser(head, { name: "X", email: "x@kommun.example", role: "OBSERVER" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(updateUser(head, { id: target.id, version: 1, name: "X", role: "ADMIN", divisionIds: [] })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(setUserActive(head, { id: target.id, version: 1, active: false, confirmed: true })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listUsers(head, { q: "", page: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    for (const role of ["NETWORK_MEMBER", "OBSERVER"] as const) {
      await expect(createUser(await viewerOf(role, []), { name: "X", email: "y@kommun.example", role: "OBSERVER" })).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect(await ownerDb().auditEvent.count()).toBe(before);
  });

  it("lists in Swedish order, searches name and e-mail, pages by 25", async () => {
    for (const name of ["Östen Sökbar", "Åsa Sökbar", "Anders Sökbar", "Ärla Sökbar", "Zelda Sökbar"]) {
      await makeUser(ownerDb(), { role: "OBSERVER", name });
    }
    const found = await listUsers(admin, { q: "sökbar", page: 1 });
    expect(found.rows.map((u) => u.name)).toEqual(["Anders Sökbar", "Zelda Sökbar", "Åsa Sökbar", "Ärla Sökbar", "Östen Sökbar"]);
    for (let i = 0; i < 30; i++) await makeUser(ownerDb(), { role: "OBSERVER", name: `Sidbrytning ${String(i).padStart(2, "0")}` });
    const page2 = await listUsers(admin, { q: "sidbrytning", page: 2 });
    expect(page2).toMatchObject({ total: 30, page: 2, pages: 2 });
    expect(page2.rows).toHaveLength(5);
  });
});
