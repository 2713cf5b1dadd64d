// Issue 14 point 4 (users and memberships): the database's own wall around accounts. Raw SQL
// as varna_app with only the transaction settings withViewer would set — the application's
// checks bypassed entirely. Rule: docs/decisions/010-grants-passwords-and-sso.md.
import pg from "pg";
import { asApp as asAppOn } from "@/tests/setup/as-app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { createDivision, createUser } from "@/prisma/factories";

type Settings = { role: string; userId: string; divisionIds?: string[] } | null;
let client: pg.Client;

const asApp = <T>(settings: Settings, work: (q: pg.Client) => Promise<T>) => asAppOn(client, settings, work);

/** Runs one statement in a savepoint: its row count, or "error" when the database refuses it. */
async function attempt(q: pg.Client, sql: string, params: unknown[] = []): Promise<number | "error"> {
  await q.query("SAVEPOINT s");
  try {
    const r = await q.query(sql, params);
    await q.query("RELEASE SAVEPOINT s");
    return r.rowCount ?? 0;
  } catch {
    await q.query("ROLLBACK TO SAVEPOINT s");
    return "error";
  }
}

const u = {} as Record<"coordinator" | "admin" | "head" | "member" | "observer" | "inactiveMember" | "otherAdmin", string>;
let divisionA = "";
let divisionB = "";
let requestId = "";

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  const x = ownerDb();
  divisionA = (await createDivision(x)).id;
  divisionB = (await createDivision(x)).id;
  u.coordinator = (await createUser(x, { role: "COORDINATOR", password: null })).id;
  u.admin = (await createUser(x, { role: "ADMIN", password: null })).id;
  u.otherAdmin = (await createUser(x, { role: "ADMIN", password: null })).id;
  u.head = (await createUser(x, { role: "DIVISION_HEAD", divisionIds: [divisionA], password: null })).id;
  u.member = (await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [divisionA], password: null })).id;
  u.observer = (await createUser(x, { role: "OBSERVER", password: null })).id;
  u.inactiveMember = (await createUser(x, { role: "NETWORK_MEMBER", divisionIds: [divisionB], active: false, password: null })).id;
  requestId = (await x.grantRequest.create({ data: { userId: u.inactiveMember, role: "NETWORK_MEMBER", divisionIds: [divisionB], requestedById: u.admin } })).id;
});

afterAll(async () => {
  await client?.end();
});

const insertUser = (role: string, active: boolean) => [
  `INSERT INTO "User" (id, email, name, role, active, "updatedAt") VALUES (gen_random_uuid(), $1, 'X', $2, $3, now())`,
  [`rls-${Math.random().toString(36).slice(2)}@kommun.example`, role, active],
] as const;

describe("row-level security on User, DivisionMembership, GrantRequest, PasswordToken", () => {
  it("an ADMIN transaction cannot promote anyone to a content role or COORDINATOR, nor take one away", async () => {
    await asApp({ role: "ADMIN", userId: u.admin }, async (q) => {
      // OBSERVER is a content role: observers read the finished situation reports.
      for (const role of ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"]) {
        expect(await attempt(q, `UPDATE "User" SET role = $1 WHERE id = $2`, [role, u.observer]), role).toBe("error");
        expect(await attempt(q, `UPDATE "User" SET role = $1 WHERE id = $2`, [role, u.otherAdmin]), role).toBe("error");
        expect(await attempt(q, `UPDATE "User" SET role = $1 WHERE id = $2`, [role, u.admin]), `self → ${role}`).toBe("error");
      }
      // Taking a content role away is a coordinator's decision too (the account is inactive here).
      expect(await attempt(q, `UPDATE "User" SET role = 'OBSERVER' WHERE id = $1`, [u.inactiveMember])).toBe("error");
      // A coordinator's account is out of reach: no row to update.
      expect(await attempt(q, `UPDATE "User" SET name = 'Kupp', active = false WHERE id = $1`, [u.coordinator])).toBe(0);
      expect(await attempt(q, `UPDATE "User" SET role = 'ADMIN' WHERE id = $1`, [u.observer])).toBe("error");
      expect(await attempt(q, `UPDATE "User" SET name = 'Ny' WHERE id = $1`, [u.observer])).toBe("error");
      // ADMIN accounts are the administrator's.
      expect(await attempt(q, `UPDATE "User" SET name = 'Ny' WHERE id = $1`, [u.otherAdmin])).toBe(1);
    });
  });

  it("an ADMIN transaction cannot create an active content-role account, but may create one inactive (a grant request)", async () => {
    await asApp({ role: "ADMIN", userId: u.admin }, async (q) => {
      for (const role of ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"]) {
        const [sql, params] = insertUser(role, true);
        expect(await attempt(q, sql, [...params]), role).toBe("error");
        const [sql2, params2] = insertUser(role, false);
        expect(await attempt(q, sql2, [...params2]), `${role} inactive`).toBe(1);
      }
      const [sql, params] = insertUser("ADMIN", true);
      expect(await attempt(q, sql, [...params]), "ADMIN").toBe(1);
    });
  });

  it("an ADMIN transaction cannot reactivate a content-role account, but may deactivate one", async () => {
    await asApp({ role: "ADMIN", userId: u.admin }, async (q) => {
      expect(await attempt(q, `UPDATE "User" SET active = true WHERE id = $1`, [u.inactiveMember])).toBe("error");
      expect(await attempt(q, `UPDATE "User" SET name = 'Byter namn' WHERE id = $1`, [u.member])).toBe("error");
      expect(await attempt(q, `UPDATE "User" SET active = false, "sessionVersion" = "sessionVersion" + 1 WHERE id = $1`, [u.member])).toBe(1);
    });
  });

  it("an ADMIN transaction cannot add, move or remove a membership, nor decide a grant request", async () => {
    await asApp({ role: "ADMIN", userId: u.admin }, async (q) => {
      expect(await attempt(q, `INSERT INTO "DivisionMembership" (id, "userId", "divisionId") VALUES (gen_random_uuid(), $1, $2)`, [u.member, divisionB])).toBe("error");
      expect(await attempt(q, `UPDATE "DivisionMembership" SET "divisionId" = $1 WHERE "userId" = $2`, [divisionB, u.member])).toBe(0);
      expect(await attempt(q, `DELETE FROM "DivisionMembership" WHERE "userId" = $1`, [u.member])).toBe(0);
      expect(await attempt(q, `UPDATE "GrantRequest" SET status = 'APPROVED', "decidedById" = $1 WHERE id = $2`, [u.admin, requestId])).toBe(0);
      expect(await attempt(q, `DELETE FROM "GrantRequest" WHERE id = $1`, [requestId])).toBe("error");
      // Filing a request in one's own name is fine; in someone else's, or already approved, is not.
      const file = `INSERT INTO "GrantRequest" (id, "userId", role, "divisionIds", status, "requestedById") VALUES (gen_random_uuid(), $1, 'DIVISION_HEAD', ARRAY[$2]::uuid[], $3, $4)`;
      expect(await attempt(q, file, [u.observer, divisionA, "PENDING", u.admin])).toBe(1);
      expect(await attempt(q, file, [u.otherAdmin, divisionA, "PENDING", u.coordinator])).toBe("error");
      expect(await attempt(q, file, [u.otherAdmin, divisionA, "APPROVED", u.admin])).toBe("error");
      // Set-password links: for ADMIN accounts only (an observer's is a coordinator's to issue).
      const link = `INSERT INTO "PasswordToken" (id, "userId", "tokenHash", "expiresAt", "createdById") VALUES (gen_random_uuid(), $1, md5(random()::text), now() + interval '1 day', $2)`;
      expect(await attempt(q, link, [u.head, u.admin])).toBe("error");
      expect(await attempt(q, link, [u.coordinator, u.admin])).toBe("error");
      expect(await attempt(q, link, [u.observer, u.admin])).toBe("error");
      expect(await attempt(q, link, [u.otherAdmin, u.admin])).toBe(1);
    });
    // Nothing changed underneath.
    expect(await ownerDb().divisionMembership.count({ where: { userId: u.member } })).toBe(1);
    expect((await ownerDb().grantRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("PENDING");
  });

  for (const [role, key] of [["DIVISION_HEAD", "head"], ["NETWORK_MEMBER", "member"], ["OBSERVER", "observer"]] as const) {
    it(`a ${role} transaction cannot change users or memberships at all (reading its own row is fine)`, async () => {
      const settings = { role, userId: u[key], divisionIds: role === "OBSERVER" ? [] : [divisionA] };
      await asApp(settings, async (q) => {
        expect((await q.query(`SELECT id FROM "User" WHERE id = $1`, [u[key]])).rowCount).toBe(1);
        expect((await q.query(`SELECT id FROM "DivisionMembership" WHERE "userId" = $1`, [u[key]])).rowCount).toBe(role === "OBSERVER" ? 0 : 1);
        for (const target of [u.observer, u.member, u.admin, u.coordinator].filter((id) => id !== u[key])) {
          expect(await attempt(q, `UPDATE "User" SET role = 'COORDINATOR' WHERE id = $1`, [target])).toBe(0);
          expect(await attempt(q, `UPDATE "User" SET name = 'X' WHERE id = $1`, [target])).toBe(0);
          expect(await attempt(q, `UPDATE "User" SET locale = 'en' WHERE id = $1`, [target])).toBe(0);
        }
        // Its own row: the interface language only (the language switch), nothing else.
        expect(await attempt(q, `UPDATE "User" SET locale = 'en' WHERE id = $1`, [u[key]])).toBe(1);
        for (const change of [`role = 'COORDINATOR'`, `name = 'X'`, `active = false`, `"sessionVersion" = 99`, `"passwordHash" = 'x'`, `"oidcSubject" = 'x'`]) {
          expect(await attempt(q, `UPDATE "User" SET ${change} WHERE id = $1`, [u[key]]), change).toBe("error");
        }
        const [sql, params] = insertUser("OBSERVER", false);
        expect(await attempt(q, sql, [...params])).toBe("error");
        expect(await attempt(q, `INSERT INTO "DivisionMembership" (id, "userId", "divisionId") VALUES (gen_random_uuid(), $1, $2)`, [u[key], divisionB])).toBe("error");
        expect(await attempt(q, `DELETE FROM "DivisionMembership"`)).toBe(0);
        expect((await q.query(`SELECT id FROM "GrantRequest"`)).rowCount).toBe(0);
        expect(await attempt(q, `UPDATE "GrantRequest" SET status = 'APPROVED', "decidedById" = $1`, [u[key]])).toBe(0);
        expect(await attempt(q, `INSERT INTO "PasswordToken" (id, "userId", "tokenHash", "expiresAt", "createdById") VALUES (gen_random_uuid(), $1, 'h', now() + interval '1 day', $1)`, [u[key]])).toBe("error");
      });
    });
  }

  it("a COORDINATOR transaction may grant, change memberships, decide requests and reactivate", async () => {
    await asApp({ role: "COORDINATOR", userId: u.coordinator }, async (q) => {
      expect(await attempt(q, `UPDATE "User" SET role = 'DIVISION_HEAD' WHERE id = $1`, [u.observer])).toBe(1);
      expect(await attempt(q, `INSERT INTO "DivisionMembership" (id, "userId", "divisionId") VALUES (gen_random_uuid(), $1, $2)`, [u.observer, divisionA])).toBe(1);
      expect(await attempt(q, `UPDATE "GrantRequest" SET status = 'APPROVED', "decidedById" = $1 WHERE id = $2`, [u.coordinator, requestId])).toBe(1);
      expect(await attempt(q, `UPDATE "User" SET active = true WHERE id = $1`, [u.inactiveMember])).toBe(1);
      expect(await attempt(q, `DELETE FROM "DivisionMembership" WHERE "userId" = $1`, [u.member])).toBe(1);
    });
  });

  it("without the transaction settings nothing is visible or writable (fails closed)", async () => {
    await asApp(null, async (q) => {
      expect((await q.query(`SELECT id FROM "User"`)).rowCount).toBe(0);
      expect(await attempt(q, `UPDATE "User" SET role = 'COORDINATOR'`)).toBe(0);
    });
  });
});
