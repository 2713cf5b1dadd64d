// The access matrix through the access layer itself, on real rows: for every role and every
// division-scoped model, each action either is refused (AccessDeniedError) or its scope
// builder finds exactly the divisions the expectation allows — never another division's row,
// whatever its id. Each cell is run twice: once with the scope builder alone (a plain
// transaction as the tables' owner, to whom row-level security does not apply), so a builder
// that lost its division filter fails here even though the database would still hide the
// row; and once inside withViewer, where row-level security applies too.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type DbTx } from "@/lib/server/db";
import { withViewer } from "@/lib/server/access/with-viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import { ACTIONS, ROLES, type Action, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { EXPECTED } from "@/tests/fixtures/access-expectations";
import { createMatrixContext, MODELS, type MatrixModel, type Rows } from "@/tests/fixtures/access-layer-models";
import { createDivision, createUser } from "@/prisma/factories";
import { approveGrant, getPendingGrant, rejectGrant } from "@/lib/server/users/grant-requests";
import { issuePasswordLink } from "@/lib/server/users/issue-password-link";

const division = { own: "", other: "" };
const rows: Record<string, Rows> = {};

type Run = (viewer: Viewer, work: (tx: DbTx) => Promise<string[]>) => Promise<string[]>;
const WALLS: [string, Run][] = [
  ["scope builder alone (no row-level security)", (_viewer, work) => db().$transaction(work)],
  ["scope builder + row-level security", (viewer, work) => withViewer(viewer, work)],
];

const label = (ids: string[], model: string) =>
  ids.map((id) => (id === rows[model]!.own ? "own" : id === rows[model]!.other ? "other" : "?")).sort();

const viewerOf = (role: Role, divisionIds: string[]): Viewer => ({
  id: "00000000-0000-4000-8000-000000000001", role, divisionIds, name: "M", email: "m@test.example",
});

beforeAll(async () => {
  const x = db();
  division.own = (await createDivision(x)).id;
  division.other = (await createDivision(x)).id;
  const context = await createMatrixContext(x);
  for (const [model, spec] of Object.entries(MODELS) as [string, MatrixModel][]) {
    rows[model] = { own: (await spec.create(x, division.own, context)).id, other: (await spec.create(x, division.other, context)).id };
  }
});

describe("access matrix through the access layer", () => {
  it("runs the 'scope builder alone' cells where row-level security really is out of the way", async () => {
    const seen = await db().$transaction((tx) => tx.situationEntry.findMany({ where: { id: { in: [rows.situationEntry!.own, rows.situationEntry!.other] } }, select: { id: true } }));
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
                // Observers get counts only (decision 011): aggregates, never a row.
                await expect(visible, action).rejects.toBeInstanceOf(AccessDeniedError);
              } else if (expected.length > 0) {
                expect(await visible, action).toEqual(expected);
              } else if (role === "OBSERVER" && model === "followUp" && (action === "list" || action === "read")) {
                // An observer's finished-records scope, which finds no unfinished row here.
                expect(await visible, action).toEqual([]);
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
        expect(await db().$transaction(async (tx) => label(await spec.visible(tx, viewer, "list"), model)), `${role} × ${model}`).toEqual([]);
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
