// The access matrix for the use cases of situation reports, sharing, the legal-basis list and
// the contact log: every role × use case × own/other division, on real rows through the use
// cases themselves (Server Actions call nothing else). The expected outcome comes from the
// expectation written from PRODUCT.md (tests/fixtures/access-expectations.ts), not from the
// permission table: allowed where it grants the action on that division's records; "hidden"
// (not found / not your division — the same to the viewer) where the role holds the action on
// its own division only; refused outright (AccessDeniedError) where it holds no such action.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { ROLES, type Action, type Resource, type Role } from "@/lib/access/permissions";
import { AccessDeniedError, DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { EXPECTED, OBSERVER_FINAL } from "@/tests/fixtures/access-expectations";
import { contactFilterSchema, contactSchema } from "@/lib/schemas/contact-log";
import { createReportSchema, updateReportSchema } from "@/lib/schemas/situation-report";
import { createSituationReport } from "@/lib/server/situation-reports/create-report";
import { getSituationReport } from "@/lib/server/situation-reports/get-report";
import { listSituationReports } from "@/lib/server/situation-reports/list-reports";
import { deleteSituationReport, setReportEntry, updateSituationReport } from "@/lib/server/situation-reports/update-report";
import { finalizeSituationReport } from "@/lib/server/situation-reports/finalize-report";
import { exportReportPdf } from "@/lib/server/situation-reports/export-report";
import { shareSituationReport } from "@/lib/server/situation-reports/share-report";
import { listLegalBases, saveLegalBasis } from "@/lib/server/situation-reports/legal-bases";
import { deleteContact, getContact, listContacts, saveContact } from "@/lib/server/contact-log/contacts";
import { createContactLogEntry, createDivision, createLegalBasis, createSituationEntry, createSituationReport as makeReport, createUser } from "@/prisma/factories";

type Side = "own" | "other";
type Outcome = "allowed" | "hidden" | "denied";

const division = { own: "", other: "" };
const viewers = {} as Record<Role, Viewer>;
let author = "";
let basis = "";
let reviewedEntry = "";

/** What PRODUCT.md (via the expectation fixture) says of `role` doing `action` on `resource` in a division `side`. */
function expected(role: Role, resource: Resource, action: Action, side: Side, finalRecord = false): Outcome {
  const [own, other] = EXPECTED[role][resource] ?? [[], []];
  if ((side === "own" ? own : other).includes(action)) return "allowed";
  if (role === "OBSERVER" && OBSERVER_FINAL[resource]?.includes(action)) return finalRecord ? "allowed" : "hidden";
  return own.includes(action) ? "hidden" : "denied";
}

async function outcome(call: () => Promise<unknown>): Promise<Outcome | string> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    if (error instanceof AccessDeniedError) return "denied";
    if (error instanceof NotFoundError) return "hidden";
    if (error instanceof DomainRuleError && error.messageKey === "contactLog.errors.divisionNotOwn") return "hidden";
    return `error: ${String(error)}`;
  }
}

const draft = async () => (await makeReport(ownerDb(), { periodStart: new Date("2032-01-01"), periodEnd: new Date("2032-01-31") })).id;
const final = async () => (await makeReport(ownerDb(), { status: "FINAL", periodStart: new Date("2031-12-01"), periodEnd: new Date("2031-12-31") })).id;
const contactIn = async (side: Side) => (await createContactLogEntry(ownerDb(), { divisionId: division[side], createdById: author })).id;
const contactInput = (side: Side, over: Record<string, unknown> = {}) => contactSchema.parse({
  id: "", expectedVersion: 0, divisionId: division[side], contactedOn: "2032-01-10", channel: "PHONE", requester: "RELATIVE",
  environment: "", gender: "UNKNOWN", ageBand: "UNKNOWN", referral: "NONE", note: "", ...over,
});

beforeAll(async () => {
  division.own = (await createDivision(ownerDb())).id;
  division.other = (await createDivision(ownerDb())).id;
  for (const role of ROLES) {
    const bound = role === "DIVISION_HEAD" || role === "NETWORK_MEMBER";
    const u = await createUser(ownerDb(), { role, divisionIds: bound ? [division.own] : [] });
    viewers[role] = { id: u.id, role, divisionIds: bound ? [division.own] : [], name: u.name, email: u.email };
  }
  author = viewers.COORDINATOR.id;
  basis = (await createLegalBasis(ownerDb())).id;
  reviewedEntry = (await createSituationEntry(ownerDb(), { divisionId: division.own, createdById: author, status: "REVIEWED", observedOn: new Date("2032-01-05") })).id;
});

// Reports belong to no division: the same outcome on either side, so each is run once ("other":
// what a role may do to every report; an own-division-only grant would not reach them).
type ReportCase = { resource: Resource; action: Action; final?: boolean; call: (v: Viewer) => Promise<unknown> };
const REPORT_CASES: Record<string, ReportCase> = {
  listSituationReports: { resource: "situationReport", action: "list", final: true, call: (v) => listSituationReports(v, { page: 1 }) },
  "getSituationReport (final)": { resource: "situationReport", action: "read", final: true, call: async (v) => getSituationReport(v, await final()) },
  "getSituationReport (draft)": { resource: "situationReport", action: "read", call: async (v) => getSituationReport(v, await draft()) },
  "exportReportPdf (final)": { resource: "situationReport", action: "export", final: true, call: async (v) => exportReportPdf(v, await final(), new Date("2032-02-01")) },
  createSituationReport: { resource: "situationReport", action: "create", call: (v) => createSituationReport(v, createReportSchema.parse({ title: "Lägesbild", periodStart: "2032-01-01", periodEnd: "2032-01-31" })) },
  updateSituationReport: {
    resource: "situationReport", action: "update",
    call: async (v) => updateSituationReport(v, updateReportSchema.parse({ id: await draft(), expectedVersion: 1, title: "T", trends: "", assessment: "", recommendedMeasures: "", sections: [] })),
  },
  setReportEntry: { resource: "situationReport", action: "update", call: async (v) => setReportEntry(v, { reportId: await draft(), entryId: reviewedEntry, include: true, expectedVersion: 1 }) },
  finalizeSituationReport: { resource: "situationReport", action: "finalize", call: async (v) => finalizeSituationReport(v, { id: await draft(), expectedVersion: 1 }) },
  deleteSituationReport: { resource: "situationReport", action: "delete", call: async (v) => deleteSituationReport(v, { id: await draft(), expectedVersion: 1 }) },
  shareSituationReport: {
    resource: "situationReport", action: "share",
    call: async (v) => shareSituationReport(v, { reportId: await final(), recipient: "Polisen", sharedOn: "2032-02-01", legalBasisId: basis, note: "" }),
  },
  listLegalBases: { resource: "legalBasis", action: "list", call: (v) => listLegalBases(v) },
  "saveLegalBasis (new)": { resource: "legalBasis", action: "create", call: (v) => saveLegalBasis(v, { id: "", expectedVersion: 0, label: `Grund ${crypto.randomUUID()}`, note: "", toBeCheckedByLawyer: true, active: true }) },
};

type ContactCase = { action: Action; call: (v: Viewer, side: Side) => Promise<unknown> };
const CONTACT_CASES: Record<string, ContactCase> = {
  "listContacts (sees the division's row)": {
    action: "list",
    call: async (v, side) => {
      const id = await contactIn(side);
      const page = await listContacts(v, contactFilterSchema.parse({ division: division[side] }));
      if (!page.rows.some((r) => r.id === id)) throw new NotFoundError("ContactLogEntry");
    },
  },
  getContact: { action: "read", call: async (v, side) => getContact(v, await contactIn(side)) },
  "saveContact (new)": { action: "create", call: (v, side) => saveContact(v, contactInput(side)) },
  "saveContact (edit)": { action: "update", call: async (v, side) => saveContact(v, contactInput(side, { id: await contactIn(side), expectedVersion: 1 })) },
  deleteContact: { action: "delete", call: async (v, side) => deleteContact(v, { id: await contactIn(side), expectedVersion: 1 }) },
};

describe("access matrix: situation reports, sharing and the legal-basis list", () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const want: Record<string, Outcome> = {};
      const got: Record<string, Outcome | string> = {};
      for (const [name, c] of Object.entries(REPORT_CASES)) {
        want[name] = expected(role, c.resource, c.action, "other", c.final);
        got[name] = await outcome(() => c.call(viewers[role]));
      }
      expect(got).toEqual(want);
    });
  }
});

describe("access matrix: the contact log (own / other division)", () => {
  for (const role of ROLES) {
    it(`${role}`, async () => {
      const want: Record<string, Outcome> = {};
      const got: Record<string, Outcome | string> = {};
      for (const [name, c] of Object.entries(CONTACT_CASES)) {
        for (const side of ["own", "other"] as const) {
          want[`${name} × ${side}`] = expected(role, "contactLog", c.action, side);
          got[`${name} × ${side}`] = await outcome(() => c.call(viewers[role], side));
        }
      }
      expect(got).toEqual(want);
    });
  }
});
