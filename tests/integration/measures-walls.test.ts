// The walls of issue 11's tables and use cases. (1) Row-level security of the new tables,
// checked with raw SQL as the app role (the application's checks out of the way).
// (2) Every new use case at its first gate, for every role: allowed exactly when the
// expectation written from PRODUCT.md (tests/fixtures/access-expectations.ts) grants the
// resource and action the use case needs — never derived from the permission table itself.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asApp } from "@/tests/setup/as-app";
import { ownerDb } from "@/tests/setup/owner-db";
import { AccessDeniedError } from "@/lib/server/errors";
import { ROLES, type Action, type Resource, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { EXPECTED, OBSERVER_FINAL } from "@/tests/fixtures/access-expectations";
import {
  createDivision, createMeasure, createMeasureFinding, createRecommendation, createRecommendationMeasure, createSituationReport,
  createUser, createYearlyEvaluation,
} from "@/prisma/factories";
import { createMeasure as createMeasureUseCase } from "@/lib/server/measures/create-measure";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { deleteMeasure } from "@/lib/server/measures/delete-measure";
import { listMeasures } from "@/lib/server/measures/list-measures";
import { getMeasure } from "@/lib/server/measures/get-measure";
import { getMeasureFormOptions } from "@/lib/server/measures/form-options";
import { linkFinding, unlinkFinding, listReportOptions } from "@/lib/server/measures/findings";
import { getFollowUpFigures } from "@/lib/server/follow-up/follow-up-figures";
import { listRecommendations } from "@/lib/server/recommendations/list-recommendations";
import { getRecommendation } from "@/lib/server/recommendations/get-recommendation";
import { updateRecommendation } from "@/lib/server/recommendations/update-recommendation";
import { linkMeasure, unlinkMeasure, listMeasureOptions } from "@/lib/server/recommendations/link-measure";
import { openCycle } from "@/lib/server/follow-up/open-cycle";
import { listCycles, listFollowUps } from "@/lib/server/follow-up/list-follow-ups";
import { getFollowUp } from "@/lib/server/follow-up/get-follow-up";
import { saveFollowUp } from "@/lib/server/follow-up/save-follow-up";
import { reviewFollowUp } from "@/lib/server/follow-up/review-follow-up";
import { closeCycle } from "@/lib/server/follow-up/close-cycle";
import { createMeasureSchema } from "@/lib/schemas/measures";

let client: pg.Client;
const division = { a: "", b: "" };
const users = {} as Record<Role, string>;
const settings = (role: Role) => ({ role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.a] : [], userId: users[role] });
const rows = { measureA: "", measureB: "", recommendation: "", report: "", findingA: "", evaluationDraft: "", evaluationIssued: "" };

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL });
  await client.connect();
  division.a = (await createDivision(ownerDb())).id;
  division.b = (await createDivision(ownerDb())).id;
  for (const role of ROLES) users[role] = (await createUser(ownerDb(), { role, divisionIds: role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division.a] : [] })).id;
  rows.measureA = (await createMeasure(ownerDb(), { ownerDivisionId: division.a })).id;
  rows.measureB = (await createMeasure(ownerDb(), { ownerDivisionId: division.b })).id;
  rows.recommendation = (await createRecommendation(ownerDb())).id;
  await createRecommendationMeasure(ownerDb(), { recommendationId: rows.recommendation, measureId: rows.measureA });
  await createRecommendationMeasure(ownerDb(), { recommendationId: rows.recommendation, measureId: rows.measureB });
  rows.report = (await createSituationReport(ownerDb())).id;
  rows.findingA = (await createMeasureFinding(ownerDb(), { measureId: rows.measureA, reportId: rows.report })).id;
  rows.evaluationDraft = (await createYearlyEvaluation(ownerDb())).id;
  rows.evaluationIssued = (await createYearlyEvaluation(ownerDb(), { status: "ISSUED", issuedAt: new Date() })).id;
});

afterAll(async () => {
  await client.end();
});

const sees = (role: Role, sql: string, params: unknown[] = []) =>
  asApp(client, settings(role), async (q) => (await q.query(sql, params)).rows.map((r) => r.id as string));
const can = async (role: Role, sql: string, params: unknown[] = []) => {
  try {
    return await asApp(client, settings(role), async (q) => (await q.query(sql, params)).rowCount! > 0);
  } catch (error) {
    if (/row-level security/.test(String((error as Error).message))) return false;
    throw error;
  }
};

describe("row-level security of the new tables", () => {
  it("RecommendationMeasure: a link is seen with its measure; only the coordinator writes links", async () => {
    const linkSql = `SELECT "measureId" AS id FROM "RecommendationMeasure" WHERE "recommendationId" = $1 ORDER BY 1`;
    expect((await sees("COORDINATOR", linkSql, [rows.recommendation])).sort()).toEqual([rows.measureA, rows.measureB].sort());
    expect(await sees("DIVISION_HEAD", linkSql, [rows.recommendation])).toEqual([rows.measureA]);
    expect(await sees("NETWORK_MEMBER", linkSql, [rows.recommendation])).toEqual([rows.measureA]);
    expect(await sees("OBSERVER", linkSql, [rows.recommendation])).toEqual([]);
    expect(await sees("ADMIN", linkSql, [rows.recommendation])).toEqual([]);
    const insert = `INSERT INTO "RecommendationMeasure" ("recommendationId", "measureId") VALUES ($1, $2)`;
    const other = (await createRecommendation(ownerDb())).id;
    for (const role of ROLES) {
      expect(await can(role, insert, [other, rows.measureA]), role).toBe(role === "COORDINATOR");
      expect(await can(role, `DELETE FROM "RecommendationMeasure" WHERE "measureId" = $1`, [rows.measureA]), role).toBe(role === "COORDINATOR");
    }
  });

  it("MeasureFinding: the coordinator's only, every command", async () => {
    for (const role of ROLES) {
      const coordinator = role === "COORDINATOR";
      expect(await sees(role, `SELECT id FROM "MeasureFinding" WHERE id = $1`, [rows.findingA]), role).toEqual(coordinator ? [rows.findingA] : []);
      expect(await can(role, `INSERT INTO "MeasureFinding" (id, "measureId", "reportId") VALUES (gen_random_uuid(), $1, $2)`, [rows.measureB, rows.report]), role).toBe(coordinator);
      expect(await can(role, `UPDATE "MeasureFinding" SET note = 'x' WHERE id = $1`, [rows.findingA]), role).toBe(coordinator);
      expect(await can(role, `DELETE FROM "MeasureFinding" WHERE id = $1`, [rows.findingA]), role).toBe(coordinator);
    }
  });

  it("YearlyEvaluation: drafted by the coordinator, frozen once issued, read by observers only when issued", async () => {
    const both = [rows.evaluationDraft, rows.evaluationIssued];
    for (const role of ROLES) {
      const found = await sees(role, `SELECT id FROM "YearlyEvaluation" WHERE id = ANY($1::uuid[]) ORDER BY id`, [both]);
      expect(found, role).toEqual(role === "COORDINATOR" ? [...both].sort() : role === "OBSERVER" ? [rows.evaluationIssued] : []);
      expect(await can(role, `UPDATE "YearlyEvaluation" SET "sectionTexts" = '{}' WHERE id = $1`, [rows.evaluationDraft]), role).toBe(role === "COORDINATOR");
      expect(await can(role, `UPDATE "YearlyEvaluation" SET "sectionTexts" = '{}' WHERE id = $1`, [rows.evaluationIssued]), role).toBe(false);
      expect(await can(role, `DELETE FROM "YearlyEvaluation" WHERE id = $1`, [rows.evaluationIssued]), role).toBe(false);
      expect(await can(role, `INSERT INTO "YearlyEvaluation" (id, year, "updatedAt") VALUES (gen_random_uuid(), 2999, now())`), role).toBe(role === "COORDINATOR");
    }
  });
});

// Each use case with the resource and action it needs; `call` runs it with harmless input.
const NOWHERE = "00000000-0000-4000-8000-00000000dead";
const measureInput = () => createMeasureSchema.parse({ title: "Matris", ownerDivisionId: division.a, level: "GENERAL", status: "PLANNED", targetGroup: "Alla", nextReviewDate: "2027-01-01" });
const today = new Date("2027-01-01T00:00:00Z");
// `only`: use cases of every division's aggregated figures, which the permission table gives as
// `aggregates` with scope `all` (PRODUCT.md: the coordinator and the observers).
const USE_CASES: Record<string, { needs: [Resource, Action][]; only?: Role[]; call: (v: Viewer) => Promise<unknown> }> = {
  listMeasures: { needs: [["measure", "list"]], call: (v) => listMeasures(v, { page: 1, q: undefined }, today) },
  getMeasure: { needs: [["measure", "read"]], call: (v) => getMeasure(v, rows.measureA) },
  getMeasureFormOptions: { needs: [["measure", "create"]], call: (v) => getMeasureFormOptions(v, "create") },
  createMeasure: { needs: [["measure", "create"]], call: (v) => createMeasureUseCase(v, measureInput()) },
  updateMeasure: { needs: [["measure", "update"]], call: (v) => updateMeasure(v, { ...measureInput(), id: NOWHERE, version: 1 }) },
  deleteMeasure: { needs: [["measure", "delete"]], call: (v) => deleteMeasure(v, { id: NOWHERE, version: 1 }) },
  linkFinding: { needs: [["measure", "update"], ["situationReport", "read"]], call: (v) => linkFinding(v, { measureId: NOWHERE, reportId: NOWHERE, sectionId: "", note: "" }) },
  unlinkFinding: { needs: [["measure", "update"], ["situationReport", "read"]], call: (v) => unlinkFinding(v, { id: NOWHERE }) },
  listReportOptions: { needs: [["situationReport", "read"]], call: (v) => listReportOptions(v) },
  listRecommendations: { needs: [["recommendation", "list"]], call: (v) => listRecommendations(v) },
  getRecommendation: { needs: [["recommendation", "read"]], call: (v) => getRecommendation(v, rows.recommendation) },
  updateRecommendation: { needs: [["recommendation", "update"]], call: (v) => updateRecommendation(v, { id: NOWHERE, version: 1, title: "x", description: "", isParaphrase: true, status: "NOT_STARTED", evidence: "", planSectionId: "", responsibleUserId: "", dueDate: "" }) },
  linkMeasure: { needs: [["recommendation", "update"]], call: (v) => linkMeasure(v, { recommendationId: NOWHERE, measureId: NOWHERE }) },
  unlinkMeasure: { needs: [["recommendation", "update"]], call: (v) => unlinkMeasure(v, { recommendationId: NOWHERE, measureId: NOWHERE }) },
  listMeasureOptions: { needs: [["recommendation", "update"]], call: (v) => listMeasureOptions(v) },
  openCycle: { needs: [["followUp", "create"]], call: (v) => openCycle(v, { title: `Matris ${v.role} ${Math.random()}`, periodStart: "2027-01-01", periodEnd: "2027-06-30", dueDate: "2027-06-15" }) },
  listFollowUps: { needs: [["followUp", "list"]], call: (v) => listFollowUps(v, { page: 1 }, today) },
  listCycles: { needs: [["followUp", "list"]], call: (v) => listCycles(v, today) },
  getFollowUp: { needs: [["followUp", "read"]], call: (v) => getFollowUp(v, NOWHERE, today) },
  saveFollowUp: { needs: [["followUp", "update"]], call: (v) => saveFollowUp(v, { id: NOWHERE, version: 1, assessment: "", comment: "", genderPerspective: "", items: [], submit: false }) },
  submitFollowUp: { needs: [["followUp", "submit"]], call: (v) => saveFollowUp(v, { id: NOWHERE, version: 1, assessment: "", comment: "", genderPerspective: "", items: [], submit: true }) },
  reviewFollowUp: { needs: [["followUp", "review"]], call: (v) => reviewFollowUp(v, { id: NOWHERE, version: 1, decision: "approve", reviewComment: "" }) },
  closeCycle: { needs: [["followUp", "finalize"]], call: (v) => closeCycle(v, { id: NOWHERE, version: 1, confirmed: true }) },
  getFollowUpFigures: { needs: [["aggregates", "read"]], only: ["COORDINATOR", "OBSERVER"], call: (v) => getFollowUpFigures(v) },
};

function allowedByExpectation(role: Role, needs: [Resource, Action][]): boolean {
  return needs.every(([resource, action]) => {
    const [own] = EXPECTED[role][resource] ?? [[], []];
    return own.includes(action) || (role === "OBSERVER" && (OBSERVER_FINAL[resource]?.includes(action) ?? false));
  });
}

describe("access matrix: measures, recommendations and follow-up use cases", () => {
  for (const role of ROLES) {
    for (const [name, spec] of Object.entries(USE_CASES)) {
      it(`${role} × ${name}`, async () => {
        const viewer: Viewer = { id: users[role], role, divisionIds: settings(role).divisionIds, name: "M", email: "m@test.example" };
        const outcome = await spec.call(viewer).then(
          () => "allowed",
          (error) => (error instanceof AccessDeniedError ? "denied" : "allowed"), // NotFound, a domain rule: past the gate
        );
        const allowed = allowedByExpectation(role, spec.needs) && (spec.only?.includes(role) ?? true);
        expect(outcome).toBe(allowed ? "allowed" : "denied");
      });
    }
  }
});
