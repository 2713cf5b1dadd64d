// The access matrix through the access layer itself, on real rows: for every role and every
// division-scoped model, each action either is refused (AccessDeniedError) or its scope
// builder, run inside withViewer (so row-level security applies too), finds exactly the
// divisions the expectation allows — never another division's row, whatever its id.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type DbTx } from "@/lib/server/db";
import { withViewer } from "@/lib/server/access/scoped";
import { AccessDeniedError, scopes } from "@/lib/server/access/scope";
import { ACTIONS, ROLES, type Action, type Resource, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/server/auth/viewer";
import { EXPECTED } from "@/tests/fixtures/access-expectations";
import { approveGrant, getPendingGrant, rejectGrant } from "@/lib/server/users/grant-requests";
import { issuePasswordLink } from "@/lib/server/users/issue-password-link";
import {
  createActionItem, createDivision, createMeasure, createSituationEntry, createStaffCategory,
  createTrainingNeed, createUser, daysFromNow,
} from "@/tests/factories";

const division = { own: "", other: "" };
const ids: Record<string, { own: string; other: string }> = {};

type Model = {
  resource: Resource;
  /** The rows the scope lets through, as "own"/"other" labels. */
  visible: (tx: DbTx, viewer: Viewer, action: Action) => Promise<string[]>;
};

const label = (rowIds: string[], key: string) =>
  rowIds.map((id) => (id === ids[key]!.own ? "own" : id === ids[key]!.other ? "other" : "?")).sort();

const MODELS: Record<string, Model> = {
  situationEntry: {
    resource: "situationEntry",
    visible: async (tx, v, a) => label((await tx.situationEntry.findMany({ where: scopes.situationEntry(v, a), select: { id: true } })).map((r) => r.id), "situationEntry"),
  },
  contactLogEntry: {
    resource: "contactLog",
    visible: async (tx, v, a) => label((await tx.contactLogEntry.findMany({ where: scopes.contactLogEntry(v, a), select: { id: true } })).map((r) => r.id), "contactLogEntry"),
  },
  trainingNeed: {
    resource: "trainingNeed",
    visible: async (tx, v, a) => label((await tx.trainingNeed.findMany({ where: scopes.trainingNeed(v, a), select: { id: true } })).map((r) => r.id), "trainingNeed"),
  },
  measure: {
    resource: "measure",
    visible: async (tx, v, a) => label((await tx.measure.findMany({ where: scopes.measure(v, a), select: { id: true } })).map((r) => r.id), "measure"),
  },
  followUp: {
    resource: "followUp",
    visible: async (tx, v, a) => label((await tx.followUp.findMany({ where: scopes.followUp(v, a), select: { id: true } })).map((r) => r.id), "followUp"),
  },
  actionItem: {
    resource: "actionItem",
    visible: async (tx, v, a) =>
      label((await tx.actionItem.findMany({ where: { ...scopes.actionItem(v, a), divisionId: { not: null } }, select: { id: true } })).map((r) => r.id), "actionItem"),
  },
};

beforeAll(async () => {
  const x = db();
  division.own = (await createDivision(x)).id;
  division.other = (await createDivision(x)).id;
  const user = (await createUser(x, { role: "COORDINATOR" })).id;
  const category = (await createStaffCategory(x)).id;
  const cycle = await x.followUpCycle.create({ data: { title: "M", year: 2026, periodStart: daysFromNow(-10), periodEnd: daysFromNow(10), dueDate: daysFromNow(5) } });
  const make = async (key: string, create: (d: string) => Promise<{ id: string }>) => {
    ids[key] = { own: (await create(division.own)).id, other: (await create(division.other)).id };
  };
  await make("situationEntry", (d) => createSituationEntry(x, { divisionId: d, createdById: user }));
  await make("contactLogEntry", (d) => x.contactLogEntry.create({ data: { divisionId: d, contactedOn: daysFromNow(-1), channel: "PHONE", requester: "RELATIVE", createdById: user } }));
  await make("trainingNeed", (d) => createTrainingNeed(x, { divisionId: d, staffCategoryId: category, createdById: user }));
  await make("measure", (d) => createMeasure(x, { ownerDivisionId: d }));
  await make("followUp", (d) => x.followUp.create({ data: { cycleId: cycle.id, divisionId: d, status: "SUBMITTED" } }));
  await make("actionItem", (d) => createActionItem(x, { ownerId: user, divisionId: d }));
});

describe("access matrix through the access layer (scope builders + row-level security)", () => {
  for (const role of ROLES) {
    for (const [model, spec] of Object.entries(MODELS)) {
      it(`${role} × ${model}`, async () => {
        const viewer: Viewer = { id: "00000000-0000-4000-8000-000000000001", role: role as Role, divisionIds: [division.own], name: "M", email: "m@test.example" };
        const [own, other] = EXPECTED[role as Role][spec.resource] ?? [[], []];
        for (const action of ACTIONS) {
          const expected = [...(own.includes(action) ? ["own"] : []), ...(other.includes(action) ? ["other"] : [])].sort();
          if (expected.length === 0) {
            // Denied outright — except an observer's finished-records scope, which finds no unfinished row here.
            const run = withViewer(viewer, (tx) => spec.visible(tx, viewer, action));
            if (role === "OBSERVER" && model === "followUp" && (action === "list" || action === "read")) {
              expect(await run, `${action}`).toEqual([]);
            } else {
              await expect(run, `${action}`).rejects.toBeInstanceOf(AccessDeniedError);
            }
          } else {
            expect(await withViewer(viewer, (tx) => spec.visible(tx, viewer, action)), `${action}`).toEqual(expected);
          }
        }
      });
    }
  }
});

// The user-administration use cases of decision 010, at their first gate: who may call them at
// all (what each may then grant is the table in tests/integration/user-grants.test.ts).
describe("access matrix: user administration use cases", () => {
  const USE_CASES: Record<string, { allowed: Role[]; call: (viewer: Viewer, target: string) => Promise<unknown> }> = {
    getPendingGrant: { allowed: ["COORDINATOR", "ADMIN"], call: (v, t) => getPendingGrant(v, t) },
    approveGrant: { allowed: ["COORDINATOR"], call: (v) => approveGrant(v, { id: "00000000-0000-4000-8000-00000000dead", version: 1 }) },
    rejectGrant: { allowed: ["COORDINATOR"], call: (v) => rejectGrant(v, { id: "00000000-0000-4000-8000-00000000dead", version: 1 }) },
    issuePasswordLink: { allowed: ["COORDINATOR", "ADMIN"], call: (v, t) => issuePasswordLink(v, { id: t }) },
  };
  for (const role of ROLES) {
    for (const [name, spec] of Object.entries(USE_CASES)) {
      it(`${role} × ${name}`, async () => {
        const u = await createUser(db(), { role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.own] : [], password: null });
        const viewer: Viewer = { id: u.id, role, divisionIds: [], name: u.name, email: u.email };
        const target = (await createUser(db(), { role: "OBSERVER", password: null })).id;
        const outcome = await spec.call(viewer, target).then(
          () => "allowed",
          (error) => (error instanceof AccessDeniedError ? "denied" : "allowed"), // e.g. NotFound: past the gate
        );
        expect(outcome).toBe(spec.allowed.includes(role) ? "allowed" : "denied");
      });
    }
  }
});
