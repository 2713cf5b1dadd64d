// Issue 14 point 1: separation of duties, as a table. Every role × every grant (role, no /
// own / other divisions) × create / update / approve, and deactivate / reactivate / set-password
// link per target role — through the use cases, against real PostgreSQL (the use cases run as
// varna_app, so the database's policies apply too). Rule: docs/decisions/010-grants-passwords-and-sso.md.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { ROLES, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";
import { AccessDeniedError, DomainRuleError, StaleEditError } from "@/lib/server/errors";
import { createUser } from "@/lib/server/users/create-user";
import { updateUser } from "@/lib/server/users/update-user";
import { setUserActive } from "@/lib/server/users/set-user-active";
import { approveGrant, rejectGrant } from "@/lib/server/users/grant-requests";
import { issuePasswordLink } from "@/lib/server/users/issue-password-link";
import { createDivision, createUser as makeUser } from "@/prisma/factories";

type Outcome = "active" | "pending" | "done" | "denied" | "refused" | "invalid" | "stale";
type Divisions = "none" | "own" | "other";

let A = "";
let B = "";
const viewers = {} as Record<Role, Viewer>;
let seq = 0;

async function outcomeOf(work: () => Promise<unknown>, success: (r: unknown) => Outcome = () => "done"): Promise<Outcome> {
  try {
    return success(await work());
  } catch (error) {
    if (error instanceof AccessDeniedError) return "denied";
    if (error instanceof StaleEditError) return "stale";
    if (error instanceof DomainRuleError) {
      return /divisionRequired|noDivisionsForRole/.test(error.messageKey) ? "invalid" : "refused";
    }
    throw error;
  }
}

const divisionsOf = (d: Divisions) => (d === "none" ? [] : d === "own" ? [A] : [B]);
const fits = (role: Role, d: Divisions) =>
  role === "COORDINATOR" || (d === "none" ? role === "OBSERVER" || role === "ADMIN" : role === "DIVISION_HEAD" || role === "NETWORK_MEMBER");

// The expectations, written out from the rule rather than computed by the code under test.
// OBSERVER too: observers read the finished situation reports (separation of duties).
const CONTENT: Role[] = ["COORDINATOR", "DIVISION_HEAD", "NETWORK_MEMBER", "OBSERVER"];
function expectedCreate(granter: Role, role: Role, d: Divisions): Outcome {
  if (granter !== "COORDINATOR" && granter !== "ADMIN") return "denied";
  if (!fits(role, d)) return "invalid";
  if (granter === "COORDINATOR") return "active";
  return CONTENT.includes(role) ? "pending" : "active";
}
function expectedUpdate(granter: Role, from: Role, role: Role, d: Divisions): Outcome {
  if (granter !== "COORDINATOR" && granter !== "ADMIN") return "denied";
  if (granter === "ADMIN" && CONTENT.includes(from)) return "refused"; // content-role accounts are the coordinator's
  if (granter === "ADMIN" && CONTENT.includes(role)) return "refused";
  if (!fits(role, d)) return "invalid";
  return "done";
}

beforeAll(async () => {
  A = (await createDivision(ownerDb())).id;
  B = (await createDivision(ownerDb())).id;
  for (const role of ROLES) {
    const divisionIds = role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [A] : [];
    const u = await makeUser(ownerDb(), { role, divisionIds, password: null });
    viewers[role] = { id: u.id, name: u.name, email: u.email, role, divisionIds };
  }
});

describe("grants table: create", () => {
  for (const granter of ROLES) {
    it(`${granter} creating each role with no / own / other divisions`, async () => {
      const actual: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES) {
        for (const d of ["none", "own", "other"] as const) {
          const key = `${role}/${d}`;
          const email = `g${++seq}@kommun.example`;
          const before = await ownerDb().user.count();
          actual[key] = await outcomeOf(
            () => createUser(viewers[granter], { name: "Ny", email, role, divisionIds: divisionsOf(d) }),
            (r) => ((r as { status: string }).status === "pendingGrant" ? "pending" : "active"),
          );
          expected[key] = expectedCreate(granter, role, d);
          // What the database holds matches the answer.
          const row = await ownerDb().user.findUnique({ where: { email }, include: { divisions: true, grantRequests: true } });
          if (actual[key] === "active") {
            expect(row, key).toMatchObject({ active: true, role });
            expect(row!.divisions.map((m) => m.divisionId), key).toEqual(divisionsOf(d));
          } else if (actual[key] === "pending") {
            expect(row, key).toMatchObject({ active: false, role });
            expect(row!.divisions, key).toEqual([]);
            expect(row!.grantRequests, key).toMatchObject([{ status: "PENDING", role, divisionIds: divisionsOf(d), requestedById: viewers[granter].id }]);
          } else {
            expect(row, key).toBeNull();
            expect(await ownerDb().user.count(), key).toBe(before);
          }
        }
      }
      expect(actual).toEqual(expected);
    });
  }
});

describe("grants table: update", () => {
  for (const granter of ROLES) {
    it(`${granter} changing an OBSERVER or a NETWORK_MEMBER account to each role with no / own / other divisions`, async () => {
      const actual: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const from of ["OBSERVER", "NETWORK_MEMBER"] as const) {
        for (const role of ROLES) {
          for (const d of ["none", "own", "other"] as const) {
            const key = `${from}->${role}/${d}`;
            const target = await makeUser(ownerDb(), { role: from, divisionIds: from === "NETWORK_MEMBER" ? [B] : [], password: null });
            actual[key] = await outcomeOf(() =>
              updateUser(viewers[granter], { id: target.id, version: 1, name: target.name, role, divisionIds: divisionsOf(d) }),
            );
            expected[key] = expectedUpdate(granter, from, role, d);
            const row = await ownerDb().user.findUniqueOrThrow({ where: { id: target.id }, include: { divisions: true } });
            if (actual[key] === "done") {
              expect(row.role, key).toBe(role);
              expect(row.divisions.map((m) => m.divisionId).sort(), key).toEqual(divisionsOf(d));
            } else {
              expect(row, key).toMatchObject({ role: from, version: 1 });
            }
          }
        }
      }
      expect(actual).toEqual(expected);
    });
  }

  it("an administrator may not change divisions even of an account whose role stays the same; a coordinator may", async () => {
    const target = await makeUser(ownerDb(), { role: "COORDINATOR", divisionIds: [], password: null });
    expect(await outcomeOf(() => updateUser(viewers.ADMIN, { id: target.id, version: 1, name: "X", role: "COORDINATOR", divisionIds: [A] }))).toBe("refused");
    expect(await outcomeOf(() => updateUser(viewers.COORDINATOR, { id: target.id, version: 1, name: "X", role: "COORDINATOR", divisionIds: [A] }))).toBe("done");
  });
});

describe("grants table: approve and reject", () => {
  for (const granter of ROLES) {
    it(`${granter} deciding an administrator's request for each content role`, async () => {
      const actual: Record<string, Outcome> = {};
      for (const role of CONTENT) {
        for (const d of role === "OBSERVER" ? (["none"] as const) : (["own", "other"] as const)) {
          const key = `${role}/${d}`;
          const created = await createUser(viewers.ADMIN, { name: "Väntar", email: `p${++seq}@kommun.example`, role, divisionIds: divisionsOf(d) });
          const request = await ownerDb().grantRequest.findFirstOrThrow({ where: { userId: created.id } });
          actual[key] = await outcomeOf(() => approveGrant(viewers[granter], { id: request.id, version: 1 }), (r) => {
            expect((r as { passwordLink: { path: string } }).passwordLink.path).toMatch(/^\/losenord\//);
            return "active";
          });
          const row = await ownerDb().user.findUniqueOrThrow({ where: { id: created.id }, include: { divisions: true } });
          const after = await ownerDb().grantRequest.findUniqueOrThrow({ where: { id: request.id } });
          if (actual[key] === "active") {
            expect(row, key).toMatchObject({ active: true, role });
            expect(row.divisions.map((m) => m.divisionId), key).toEqual(divisionsOf(d));
            expect(after, key).toMatchObject({ status: "APPROVED", decidedById: viewers[granter].id });
          } else {
            expect(row, key).toMatchObject({ active: false });
            expect(row.divisions, key).toEqual([]);
            expect(after.status, key).toBe("PENDING");
            // …and a rejection is the coordinator's too.
            expect(await outcomeOf(() => rejectGrant(viewers[granter], { id: request.id, version: 1 }))).toBe("denied");
          }
        }
      }
      const expected = granter === "COORDINATOR" ? "active" : "denied";
      expect(actual).toEqual(Object.fromEntries(Object.keys(actual).map((k) => [k, expected])));
    });
  }

  it("a rejected request leaves the account inactive, and nobody but a coordinator reactivates it", async () => {
    const created = await createUser(viewers.ADMIN, { name: "Nej", email: "nej@kommun.example", role: "NETWORK_MEMBER", divisionIds: [A] });
    const request = await ownerDb().grantRequest.findFirstOrThrow({ where: { userId: created.id } });
    // Pending: even the coordinator approves rather than reactivates.
    expect(await outcomeOf(() => setUserActive(viewers.COORDINATOR, { id: created.id, version: 1, active: true, confirmed: true }))).toBe("refused");
    expect(await outcomeOf(() => rejectGrant(viewers.COORDINATOR, { id: request.id, version: 1 }))).toBe("done");
    expect(await ownerDb().user.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ active: false });
    // Decided is decided: approving it afterwards is refused as out of date.
    expect(await outcomeOf(() => approveGrant(viewers.COORDINATOR, { id: request.id, version: 2 }))).toBe("stale");
    expect(await outcomeOf(() => setUserActive(viewers.ADMIN, { id: created.id, version: 1, active: true, confirmed: true }))).toBe("refused");
  });
});

describe("grants table: deactivate, reactivate, set-password link", () => {
  for (const granter of ROLES) {
    it(`${granter} on accounts of each role`, async () => {
      const actual: Record<string, Outcome> = {};
      const expected: Record<string, Outcome> = {};
      for (const role of ROLES) {
        const divisionIds = role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [A] : [];
        const target = await makeUser(ownerDb(), { role, divisionIds, password: null });
        const inactive = await makeUser(ownerDb(), { role, divisionIds, password: null, active: false });
        actual[`${role}/deactivate`] = await outcomeOf(() => setUserActive(viewers[granter], { id: target.id, version: 1, active: false, confirmed: true }));
        actual[`${role}/reactivate`] = await outcomeOf(() => setUserActive(viewers[granter], { id: inactive.id, version: 1, active: true, confirmed: true }));
        const linkTarget = await makeUser(ownerDb(), { role, divisionIds, password: null });
        actual[`${role}/link`] = await outcomeOf(() => issuePasswordLink(viewers[granter], { id: linkTarget.id }));
        const admin = granter === "ADMIN";
        const coordinator = granter === "COORDINATOR";
        const content = CONTENT.includes(role);
        expected[`${role}/deactivate`] = coordinator || (admin && role !== "COORDINATOR") ? "done" : admin ? "refused" : "denied";
        expected[`${role}/reactivate`] = coordinator || (admin && !content) ? "done" : admin ? "refused" : "denied";
        expected[`${role}/link`] = coordinator || (admin && !content) ? "done" : admin ? "refused" : "denied";
        expect((await ownerDb().user.findUniqueOrThrow({ where: { id: target.id } })).active, role).toBe(actual[`${role}/deactivate`] !== "done");
        expect((await ownerDb().user.findUniqueOrThrow({ where: { id: inactive.id } })).active, role).toBe(actual[`${role}/reactivate`] === "done");
        expect(await ownerDb().passwordToken.count({ where: { userId: linkTarget.id } }), role).toBe(actual[`${role}/link`] === "done" ? 1 : 0);
      }
      expect(actual).toEqual(expected);
    });
  }
});
