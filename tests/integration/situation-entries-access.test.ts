// The access matrix for the situation entry's use cases (issue 8): every role × (own / other
// division) × use case, each called for real on a fresh entry in the status the step needs.
// Expected outcomes come from tests/fixtures/access-expectations.ts (written from PRODUCT.md),
// not from the permission table: a cell is "allowed" exactly when the expectation grants the
// action on that division's records. "denied" is AccessDeniedError (the role may not) or
// NotFoundError (another division's entry looks like a missing one) — or, for a listing, the
// entry simply not being in it.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { ROLES, type Action, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";
import { EXPECTED } from "@/tests/fixtures/access-expectations";
import { createEntrySchema, reviewEntrySchema, updateEntrySchema } from "@/lib/schemas/situation-entry";
import { situationFilterSchema } from "@/lib/schemas/situation-filter";
import { createSituationEntry } from "@/lib/server/situation/create-entry";
import { updateSituationEntry } from "@/lib/server/situation/update-entry";
import { archiveSituationEntry, deleteSituationEntry, reviewSituationEntry, submitSituationEntry } from "@/lib/server/situation/workflow-steps";
import { listSituationEntries } from "@/lib/server/situation/list-entries";
import { exportSituationEntries } from "@/lib/server/situation/export-entries";
import { getSituationEntry } from "@/lib/server/situation/get-entry";
import { createDivision, createSituationEntry as makeEntry, createUser } from "@/prisma/factories";

type Target = "own" | "other";
type Status = "DRAFT" | "SUBMITTED" | "REVIEWED";
const division = { own: "", other: "" };
const viewers = {} as Record<Role, Viewer>;
let author = "";

const fields = { observedOn: "2026-10-01", districtId: "", environment: "LEFT_WING", activityType: "GATHERING", source: "LEISURE", reliability: "POSSIBLE", description: "Möte i en lokal.", genderPerspective: "Blandad grupp." };

/** A use case as the matrix calls it: the permission it needs, the status its entry must be in, the call. */
const USE_CASES: Record<string, { action: Action; status?: Status; call: (v: Viewer, entry: { id: string; divisionId: string }) => Promise<unknown> }> = {
  listSituationEntries: { action: "list", call: async (v, e) => { if (!(await listSituationEntries(v, situationFilterSchema.parse({ division: e.divisionId }))).rows.some((r) => r.id === e.id)) throw new NotFoundError("x"); } },
  getSituationEntry: { action: "read", call: (v, e) => getSituationEntry(v, e.id) },
  exportSituationEntries: { action: "export", call: async (v, e) => { if (!(await exportSituationEntries(v, situationFilterSchema.parse({ division: e.divisionId }), "csv")).rows.some((r) => r.id === e.id)) throw new NotFoundError("x"); } },
  createSituationEntry: { action: "create", call: (v, e) => createSituationEntry(v, createEntrySchema.parse({ ...fields, divisionId: e.divisionId })) },
  updateSituationEntry: { action: "update", status: "DRAFT", call: (v, e) => updateSituationEntry(v, updateEntrySchema.parse({ ...fields, id: e.id, version: 1 })) },
  submitSituationEntry: { action: "submit", status: "DRAFT", call: (v, e) => submitSituationEntry(v, { id: e.id, version: 1 }) },
  "reviewSituationEntry (accept)": { action: "review", status: "SUBMITTED", call: (v, e) => reviewSituationEntry(v, reviewEntrySchema.parse({ id: e.id, version: 1, decision: "accept", comment: "" })) },
  "reviewSituationEntry (return)": { action: "review", status: "SUBMITTED", call: (v, e) => reviewSituationEntry(v, reviewEntrySchema.parse({ id: e.id, version: 1, decision: "return", comment: "Komplettera." })) },
  archiveSituationEntry: { action: "review", status: "REVIEWED", call: (v, e) => archiveSituationEntry(v, { id: e.id, version: 1 }) },
  deleteSituationEntry: { action: "delete", status: "DRAFT", call: (v, e) => deleteSituationEntry(v, { id: e.id, version: 1 }) },
};

beforeAll(async () => {
  const x = ownerDb();
  division.own = (await createDivision(x)).id;
  division.other = (await createDivision(x)).id;
  author = (await createUser(x, { role: "COORDINATOR" })).id;
  for (const role of ROLES) {
    const divisionIds = role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.own] : [];
    const u = await createUser(x, { role, divisionIds });
    viewers[role] = { id: u.id, role, divisionIds, name: u.name, email: u.email };
  }
});

describe("access matrix: situation entry use cases (role × own/other division)", () => {
  for (const role of ROLES) {
    it(role, async () => {
      const want: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const [name, spec] of Object.entries(USE_CASES)) {
        for (const target of ["own", "other"] as Target[]) {
          const key = `${name} × ${target}`;
          const granted = EXPECTED[role].situationEntry?.[target === "own" ? 0 : 1] ?? [];
          want[key] = granted.includes(spec.action) ? "allowed" : "denied";
          const entry = await makeEntry(ownerDb(), { divisionId: division[target], createdById: author, status: spec.status ?? "REVIEWED" });
          got[key] = await spec.call(viewers[role], entry).then(
            () => "allowed",
            (error) => (error instanceof AccessDeniedError || error instanceof NotFoundError ? "denied" : `error: ${String(error)}`),
          );
        }
      }
      expect(got).toEqual(want);
    });
  }
});
