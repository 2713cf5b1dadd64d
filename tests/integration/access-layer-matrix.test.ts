// The access matrix through the access layer itself, on real rows: for every role and every
// division-scoped model, each action either is refused (AccessDeniedError) or its scope
// builder finds exactly the divisions the expectation allows — never another division's row,
// whatever its id. Each cell is run twice: once with the scope builder alone (a plain
// transaction as the tables' owner, to whom row-level security does not apply), so a builder
// that lost its division filter fails here even though the database would still hide the
// row; and once inside withViewer, where row-level security applies too.
import { beforeAll, describe, expect, it } from "vitest";
import { type DbTx } from "@/lib/server/db";
import { ownerDb } from "@/tests/setup/owner-db";
import { withViewer } from "@/lib/server/access/with-viewer";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { ACTIONS, ROLES, type Action, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { EXPECTED } from "@/tests/fixtures/access-expectations";
import { createMatrixContext, MODELS, type MatrixModel, type Rows } from "@/tests/fixtures/access-layer-models";
import { createDivision, createNotification, createUser } from "@/prisma/factories";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { countUnreadNotifications } from "@/lib/server/notifications/count-unread";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/server/notifications/mark-read";
import { approveGrant, getPendingGrant, rejectGrant } from "@/lib/server/users/grant-requests";
import { issuePasswordLink } from "@/lib/server/users/issue-password-link";
import { listUnits } from "@/lib/server/organisation/list-units";
import { getUnit } from "@/lib/server/organisation/get-unit";
import { createUnit } from "@/lib/server/organisation/create-unit";
import { updateUnit } from "@/lib/server/organisation/update-unit";
import { setUnitActive } from "@/lib/server/organisation/set-unit-active";
import { deleteUnit } from "@/lib/server/organisation/delete-unit";
import { previewMerge, mergeDivisions } from "@/lib/server/organisation/merge-divisions";
import { listMergeChoices } from "@/lib/server/organisation/list-merge-choices";
import { getSettings, updateSettings } from "@/lib/server/organisation/settings";
import { importOrganisation } from "@/lib/server/organisation/import-csv";

const division = { own: "", other: "" };
const rows: Record<string, Rows> = {};

type Run = (viewer: Viewer, work: (tx: DbTx) => Promise<string[]>) => Promise<string[]>;
const WALLS: [string, Run][] = [
  ["scope builder alone (no row-level security)", (_viewer, work) => ownerDb().$transaction(work)],
  ["scope builder + row-level security", (viewer, work) => withViewer(viewer, work)],
];

const label = (ids: string[], model: string) =>
  ids.map((id) => (id === rows[model]!.own ? "own" : id === rows[model]!.other ? "other" : "?")).sort();

const viewerOf = (role: Role, divisionIds: string[]): Viewer => ({
  id: "00000000-0000-4000-8000-000000000001", role, divisionIds, name: "M", email: "m@test.example",
});

beforeAll(async () => {
  const x = ownerDb();
  division.own = (await createDivision(x)).id;
  division.other = (await createDivision(x)).id;
  const context = await createMatrixContext(x);
  for (const [model, spec] of Object.entries(MODELS) as [string, MatrixModel][]) {
    rows[model] = { own: (await spec.create(x, division.own, context)).id, other: (await spec.create(x, division.other, context)).id };
  }
});

describe("access matrix through the access layer", () => {
  it("runs the 'scope builder alone' cells where row-level security really is out of the way", async () => {
    const seen = await ownerDb().$transaction((tx) => tx.situationEntry.findMany({ where: { id: { in: [rows.situationEntry!.own, rows.situationEntry!.other] } }, select: { id: true } }));
    expect(seen).toHaveLength(2);
  });

  for (const [wall, run] of WALLS) {
    describe(wall, () => {
      for (const role of ROLES) {
        for (const [model, spec] of Object.entries(MODELS) as [string, MatrixModel][]) {
          it(`${role} × ${model}`, async () => {
            const viewer = viewerOf(role, [division.own]);
            const [own, other] = EXPECTED[role][spec.resource] ?? [[], []];
            for (const action of ACTIONS) {
              const expected = [...(own.includes(action) ? ["own"] : []), ...(other.includes(action) ? ["other"] : [])].sort();
              const visible = run(viewer, async (tx) => label(await spec.visible(tx, viewer, action as Action), model));
              if (role === "OBSERVER" && model === "trainingAttendance") {
                // Observers get counts only (decision 011): aggregates, never a row. Follow-ups
                // too (decision 021), which the permission table says directly: no grant at all.
                await expect(visible, action).rejects.toBeInstanceOf(AccessDeniedError);
              } else if (expected.length > 0) {
                expect(await visible, action).toEqual(expected);
              } else {
                await expect(visible, action).rejects.toBeInstanceOf(AccessDeniedError);
              }
            }
          });
        }
      }
    });
  }

  it("shows a division-bound viewer with no divisions no division's rows (scope builder alone)", async () => {
    for (const role of ["DIVISION_HEAD", "NETWORK_MEMBER"] as const) {
      const viewer = viewerOf(role, []);
      for (const [model, spec] of Object.entries(MODELS) as [string, MatrixModel][]) {
        if (!(EXPECTED[role][spec.resource]?.[0] ?? []).includes("list")) continue;
        expect(await ownerDb().$transaction(async (tx) => label(await spec.visible(tx, viewer, "list"), model)), `${role} × ${model}`).toEqual([]);
      }
    }
  });
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
        const u = await createUser(ownerDb(), { role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.own] : [], password: null });
        const viewer: Viewer = { id: u.id, role, divisionIds: [], name: u.name, email: u.email };
        const target = (await createUser(ownerDb(), { role: "OBSERVER", password: null })).id;
        const outcome = await spec.call(viewer, target).then(
          () => "allowed",
          (error) => (error instanceof AccessDeniedError ? "denied" : "allowed"), // e.g. NotFound: past the gate
        );
        expect(outcome).toBe(spec.allowed.includes(role) ? "allowed" : "denied");
      });
    }
  }
});

// Notifications are personal (decision 015): no permission-table row, every role reaches its
// own and nobody — a coordinator included — anyone else's. Each role × use case, on real rows.
describe("access matrix: notification use cases", () => {
  const USE_CASES: Record<string, (viewer: Viewer, own: string, others: string) => Promise<"own" | "others" | "none" | "denied">> = {
    listNotifications: async (v, own, others) => {
      const ids = (await listNotifications(v, { show: "all", page: 1 }, "sv")).rows.map((r) => r.id);
      return ids.includes(others) ? "others" : ids.includes(own) ? "own" : "none";
    },
    countUnreadNotifications: async (v) => ((await countUnreadNotifications(v)) === 1 ? "own" : "none"),
    markNotificationRead: async (v, own, others) => {
      const theirs = await markNotificationRead(v, { id: others }).then(() => "others" as const, (e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
      if (theirs) return theirs;
      await markNotificationRead(v, { id: own });
      return "own";
    },
    markAllNotificationsRead: async (v, own, others) => {
      await markAllNotificationsRead(v);
      const read = await ownerDb().notification.findMany({ where: { id: { in: [own, others] }, readAt: { not: null } }, select: { id: true } });
      return read.some((r) => r.id === others) ? "others" : read.some((r) => r.id === own) ? "own" : "none";
    },
  };
  for (const role of ROLES) {
    for (const [name, call] of Object.entries(USE_CASES)) {
      it(`${role} × ${name}: own notifications only`, async () => {
        const u = await createUser(ownerDb(), { role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.own] : [], password: null });
        const someoneElse = await createUser(ownerDb(), { role: "COORDINATOR", password: null });
        const viewer: Viewer = { id: u.id, role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.own] : [], name: u.name, email: u.email };
        const own = (await createNotification(ownerDb(), { userId: u.id })).id;
        const others = (await createNotification(ownerDb(), { userId: someoneElse.id })).id;
        expect(await call(viewer, own, others)).toBe("own");
      });
    }
  }
});

// The organisation's use cases (issue 16) at their first gate, each with the permission it
// needs; who holds it comes from the expectation written out from PRODUCT.md (the IT
// administrator and the coordinator manage the organisation; only the coordinator merges).
describe("access matrix: organisation use cases", () => {
  const NOBODY = "00000000-0000-4000-8000-00000000dead";
  const settings = { suppressionThreshold: 5, reviewAfterMonths: 6, reminderLeadDays: 14, municipalityName: "K", logoText: "", versions: { suppressionThreshold: 99, reviewAfterMonths: 99, reminderLeadDays: 99, municipalityName: 99, logoText: 99 } };
  const unit = { kind: "district" as const, name: "Matrisområde", code: "", sortOrder: 0, isCoordinating: false, description: "" };
  const USE_CASES: Record<string, { needs: Action[]; call: (viewer: Viewer) => Promise<unknown> }> = {
    listUnits: { needs: ["list"], call: (v) => listUnits(v, { kind: "division", page: 1 }) },
    getUnit: { needs: ["read"], call: (v) => getUnit(v, { kind: "district", id: NOBODY }) },
    createUnit: { needs: ["create"], call: (v) => createUnit(v, { ...unit, name: `Matrisområde ${v.id}` }) },
    updateUnit: { needs: ["update"], call: (v) => updateUnit(v, { ...unit, id: NOBODY, expectedVersion: 1 }) },
    setUnitActive: { needs: ["update"], call: (v) => setUnitActive(v, { kind: "district", id: NOBODY, expectedVersion: 1, active: false }) },
    deleteUnit: { needs: ["delete"], call: (v) => deleteUnit(v, { kind: "district", id: NOBODY }) },
    previewMerge: { needs: ["merge"], call: (v) => previewMerge(v, { sourceId: division.own, targetId: NOBODY }) },
    mergeDivisions: { needs: ["merge"], call: (v) => mergeDivisions(v, { sourceId: NOBODY, targetId: division.other }) },
    listMergeChoices: { needs: ["merge"], call: (v) => listMergeChoices(v) },
    getSettings: { needs: ["read"], call: (v) => getSettings(v) },
    updateSettings: { needs: ["update"], call: (v) => updateSettings(v, settings) },
    importDryRun: { needs: ["read", "update"], call: (v) => importOrganisation(v, { csv: "typ;namn\nområde;Matris", dryRun: true }) },
    importRun: { needs: ["create", "update"], call: (v) => importOrganisation(v, { csv: "typ;namn\nbogus;x", dryRun: false }) },
  };
  for (const role of ROLES) {
    for (const [name, spec] of Object.entries(USE_CASES)) {
      it(`${role} × ${name}`, async () => {
        const u = await createUser(ownerDb(), { role, password: null });
        const viewer: Viewer = { id: u.id, role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.own] : [], name: u.name, email: u.email };
        const outcome = await spec.call(viewer).then(
          () => "allowed",
          (error) => (error instanceof AccessDeniedError ? "denied" : "allowed"), // NotFound, stale, a refused file: past the gate
        );
        const granted = EXPECTED[role].organisation?.[1] ?? [];
        expect(outcome).toBe(spec.needs.every((a) => granted.includes(a)) ? "allowed" : "denied");
      });
    }
  }
});
