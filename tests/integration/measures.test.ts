// Measures and the recommendations checklist through their use cases, on real PostgreSQL with
// row-level security: division heads manage their own division's measures, the coordinator all;
// bad input (unknown level, end before start, a foreign division, over-long text) is refused
// with a catalog message and saves nothing; the trace recommendation ↔ measure ↔ report holds.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { AccessDeniedError, DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { createMeasureSchema, measureFilterSchema, updateMeasureSchema } from "@/lib/schemas/measures";
import { updateRecommendationSchema } from "@/lib/schemas/recommendations";
import { createMeasure } from "@/lib/server/measures/create-measure";
import { updateMeasure } from "@/lib/server/measures/update-measure";
import { deleteMeasure } from "@/lib/server/measures/delete-measure";
import { listMeasures } from "@/lib/server/measures/list-measures";
import { getMeasure } from "@/lib/server/measures/get-measure";
import { linkFinding } from "@/lib/server/measures/findings";
import { listRecommendations } from "@/lib/server/recommendations/list-recommendations";
import { getRecommendation } from "@/lib/server/recommendations/get-recommendation";
import { updateRecommendation } from "@/lib/server/recommendations/update-recommendation";
import { linkMeasure } from "@/lib/server/recommendations/link-measure";
import {
  createDivision, createFollowUp, createFollowUpCycle, createFollowUpItem, createMeasure as makeMeasure, createRecommendation, createSituationReport,
  createSituationReportSection, createUser,
} from "@/prisma/factories";

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let buk: string;
let dso: string;
let coordinator: Viewer;
let bukHead: Viewer;
let dsoHead: Viewer;
let bukMember: Viewer;
let headUserId: string;

const valid = (division: string) => createMeasureSchema.parse({
  title: "Språkintroduktion på gymnasiet", ownerDivisionId: division, level: "SPECIFIC", status: "PLANNED",
  targetGroup: "Elever på språkintroduktion", isSpecial: true, investigationStatus: "ONGOING",
  startDate: "2027-01-01", endDate: "2027-12-31", nextReviewDate: "2027-03-01",
});

beforeAll(async () => {
  buk = (await createDivision(ownerDb())).id;
  dso = (await createDivision(ownerDb())).id;
  coordinator = as("COORDINATOR", [], (await createUser(ownerDb(), { role: "COORDINATOR" })).id);
  headUserId = (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [buk] })).id;
  bukHead = as("DIVISION_HEAD", [buk], headUserId);
  dsoHead = as("DIVISION_HEAD", [dso], (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [dso] })).id);
  bukMember = as("NETWORK_MEMBER", [buk], (await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [buk] })).id);
});

describe("bad input saves nothing", () => {
  const base = { title: "X", ownerDivisionId: "", level: "GENERAL", status: "PLANNED", targetGroup: "Alla", nextReviewDate: "2027-03-01" };

  it("refuses an unknown level, an end before the start and an over-long text with catalog keys", () => {
    const issues = (input: object) => createMeasureSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(issues({ ...base, ownerDivisionId: buk, level: "NATIONELL" })).toEqual([["level", "measures.errors.levelUnknown"]]);
    expect(issues({ ...base, ownerDivisionId: buk, startDate: "2027-06-01", endDate: "2027-01-01" })).toEqual([["endDate", "measures.errors.endBeforeStart"]]);
    expect(issues({ ...base, ownerDivisionId: buk, title: "x".repeat(201) })).toEqual([["title", "tooLong"]]);
    expect(issues({ ...base, ownerDivisionId: buk, description: "x".repeat(5001) })).toEqual([["description", "tooLong"]]);
    expect(issues({ ...base, ownerDivisionId: buk, isSpecial: true })).toEqual([["investigationStatus", "measures.errors.investigationRequired"]]);
    expect(issues({ ...base, ownerDivisionId: buk, nextReviewDate: "2027-02-30" })).toEqual([["nextReviewDate", "invalidDate"]]);
  });

  it("refuses a division head a measure in a foreign division, and records nothing", async () => {
    const before = await ownerDb().measure.count();
    const audit = await ownerDb().auditEvent.count();
    await expect(createMeasure(bukHead, valid(dso))).rejects.toMatchObject({ messageKey: "measures.errors.foreignDivision", field: "ownerDivisionId" });
    expect(await ownerDb().measure.count()).toBe(before);
    expect(await ownerDb().auditEvent.count()).toBe(audit);
  });

  it("refuses a responsible person from another division", async () => {
    const dsoUser = dsoHead.id;
    await expect(createMeasure(bukHead, { ...valid(buk), responsibleUserId: dsoUser })).rejects.toMatchObject({ messageKey: "measures.errors.responsibleNotInDivision" });
  });

  it("lets a network member read but not create", async () => {
    await expect(createMeasure(bukMember, valid(buk))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("managing measures", () => {
  let id: string;

  it("creates a special measure in the head's own division, audited", async () => {
    id = (await createMeasure(bukHead, { ...valid(buk), responsibleUserId: headUserId })).id;
    const row = await ownerDb().measure.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ ownerDivisionId: buk, isSpecial: true, investigationStatus: "ONGOING", endDate: day("2027-12-31") });
    expect(await ownerDb().auditEvent.count({ where: { action: "measure.create", entityId: id } })).toBe(1);
  });

  it("hides it from another division's head like a missing record", async () => {
    await expect(getMeasure(dsoHead, id)).rejects.toBeInstanceOf(NotFoundError);
    const input = updateMeasureSchema.parse({ ...valid(buk), id, version: 1, title: "Övertagen" });
    await expect(updateMeasure(dsoHead, { ...input, ownerDivisionId: dso })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteMeasure(dsoHead, { id, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("does not let a division head move the measure to another division", async () => {
    const input = updateMeasureSchema.parse({ ...valid(buk), id, version: 1 });
    await expect(updateMeasure(bukHead, { ...input, ownerDivisionId: dso })).rejects.toBeInstanceOf(DomainRuleError);
    expect((await ownerDb().measure.findUniqueOrThrow({ where: { id } })).ownerDivisionId).toBe(buk);
  });

  it("updates with the version read and refuses a stale save", async () => {
    const input = updateMeasureSchema.parse({ ...valid(buk), id, version: 1, status: "ONGOING", genderPerspective: "Flickor och pojkar deltar lika." });
    expect(await updateMeasure(bukHead, input)).toEqual({ version: 2 });
    await expect(updateMeasure(coordinator, input)).rejects.toBeInstanceOf(StaleEditError);
  });

  it("lists by scope with filters, and counts overdue by the injected today", async () => {
    await makeMeasure(ownerDb(), { ownerDivisionId: dso, title: "Föräldrastöd", level: "GENERAL", nextReviewDate: day("2027-01-10") });
    const all = measureFilterSchema.parse({});
    expect((await listMeasures(bukHead, all, day("2027-01-01"))).rows.map((r) => r.id)).toEqual([id]);
    expect((await listMeasures(coordinator, all, day("2027-01-01"))).total).toBe(2);
    expect((await listMeasures(coordinator, measureFilterSchema.parse({ special: "ja" }), day("2027-01-01"))).rows.map((r) => r.id)).toEqual([id]);
    expect((await listMeasures(coordinator, measureFilterSchema.parse({ level: "GENERAL" }), day("2027-01-01"))).total).toBe(1);
    expect((await listMeasures(coordinator, all, day("2027-01-01"))).overdueTotal).toBe(0);
    expect((await listMeasures(coordinator, all, day("2027-01-11"))).overdueTotal).toBe(1);
    expect((await listMeasures(coordinator, all, day("2027-03-02"))).overdueTotal).toBe(2);
    expect((await listMeasures(bukHead, measureFilterSchema.parse({ overdue: "ja" }), day("2027-03-02"))).rows.map((r) => r.id)).toEqual([id]);
  });

  it("deletes only the confirmed version", async () => {
    const doomed = (await createMeasure(coordinator, valid(dso))).id;
    await expect(deleteMeasure(coordinator, { id: doomed, version: 7 })).rejects.toBeInstanceOf(StaleEditError);
    await deleteMeasure(coordinator, { id: doomed, version: 1 });
    expect(await ownerDb().measure.count({ where: { id: doomed } })).toBe(0);
  });
});

describe("deleting a measure that records refer to", () => {
  it("is refused with a Swedish message, in every division and behind every wall, changing nothing; an unused one is deleted", async () => {
    const x = ownerDb();
    const closedCycle = await createFollowUpCycle(x, { status: "CLOSED" });
    const openCycle = await createFollowUpCycle(x, { status: "OPEN" });
    // On a line of BUK's approved follow-up in a closed cycle.
    const inFollowUp = await makeMeasure(x, { ownerDivisionId: buk });
    const approved = await createFollowUp(x, { cycleId: closedCycle.id, divisionId: buk, status: "REVIEWED" });
    const line = await createFollowUpItem(x, { followUpId: approved.id, measureId: inFollowUp.id, assessment: "ON_TRACK", comment: "Enligt plan." });
    // On a line of DSO's follow-up, which the BUK head cannot read (the measure moved to BUK since).
    const inForeignFollowUp = await makeMeasure(x, { ownerDivisionId: buk });
    const dsoFollowUp = await createFollowUp(x, { cycleId: openCycle.id, divisionId: dso, status: "SUBMITTED" });
    await createFollowUpItem(x, { followUpId: dsoFollowUp.id, measureId: inForeignFollowUp.id });
    // Linked to a recommendation, and to a report finding (the coordinator's: the BUK head sees none).
    const linked = await makeMeasure(x, { ownerDivisionId: buk });
    await x.recommendationMeasure.create({ data: { recommendationId: (await createRecommendation(x)).id, measureId: linked.id } });
    const motivated = await makeMeasure(x, { ownerDivisionId: buk });
    await x.measureFinding.create({ data: { measureId: motivated.id, reportId: (await createSituationReport(x)).id } });
    const unused = await makeMeasure(x, { ownerDivisionId: buk });

    const state = async () => ({
      measures: await x.measure.count(),
      lines: await x.followUpItem.count(),
      links: await x.recommendationMeasure.count(),
      findings: await x.measureFinding.count(),
      audit: await x.auditEvent.count({ where: { action: "measure.delete" } }),
    });
    const before = await state();
    for (const [viewer, measure] of [[bukHead, inFollowUp], [bukHead, inForeignFollowUp], [bukHead, linked], [bukHead, motivated], [coordinator, inFollowUp], [coordinator, linked]] as const) {
      await expect(deleteMeasure(viewer, { id: measure.id, version: measure.version }), `${viewer.role} ${measure.id}`).rejects.toMatchObject({ messageKey: "measures.errors.inUse" });
    }
    expect(await state()).toEqual(before);
    expect(await x.followUpItem.findUniqueOrThrow({ where: { id: line.id } })).toMatchObject({ measureId: inFollowUp.id, comment: "Enligt plan." });

    // The database refuses too, should a use case ever forget to ask (no cascade past the walls).
    await expect(x.measure.delete({ where: { id: linked.id } })).rejects.toThrow();
    expect(await state()).toEqual(before);

    await deleteMeasure(bukHead, { id: unused.id, version: unused.version });
    expect(await x.measure.count({ where: { id: unused.id } })).toBe(0);
    expect(await x.auditEvent.count({ where: { action: "measure.delete", entityId: unused.id } })).toBe(1);
  });
});

describe("the recommendations checklist and its trace", () => {
  let recommendation: string;
  let bukMeasure: string;
  let dsoMeasure: string;
  let report: string;
  let section: string;

  beforeAll(async () => {
    recommendation = (await createRecommendation(ownerDb(), { title: "Ta fram en lokal lägesbild" })).id;
    bukMeasure = (await makeMeasure(ownerDb(), { ownerDivisionId: buk, title: "Värdegrund i skolan" })).id;
    dsoMeasure = (await makeMeasure(ownerDb(), { ownerDivisionId: dso, title: "SIG" })).id;
    report = (await createSituationReport(ownerDb(), { title: "Lägesbild 2026" })).id;
    section = (await createSituationReportSection(ownerDb(), { reportId: report, environment: "RIGHT_WING" })).id;
  });

  it("labels seeded wording a paraphrase until the coordinator enters the official text", async () => {
    expect((await listRecommendations(bukHead)).find((r) => r.id === recommendation)).toMatchObject({ isParaphrase: true });
    const input = updateRecommendationSchema.parse({ id: recommendation, version: 1, title: "Officiell lydelse", status: "IN_PROGRESS", evidence: "Beslut KS 2026-05-12", isParaphrase: false });
    await expect(updateRecommendation(bukHead, input)).rejects.toBeInstanceOf(AccessDeniedError);
    await updateRecommendation(coordinator, input);
    expect(await getRecommendation(bukHead, recommendation)).toMatchObject({ isParaphrase: false, title: "Officiell lydelse", status: "IN_PROGRESS", evidence: "Beslut KS 2026-05-12" });
    await expect(updateRecommendation(coordinator, input)).rejects.toBeInstanceOf(StaleEditError);
    expect(updateRecommendationSchema.safeParse({ ...input, evidence: "x".repeat(5001) }).error?.issues[0]?.message).toBe("tooLong");
  });

  it("traces recommendation → measures → report findings, each as far as the viewer may see", async () => {
    await linkMeasure(coordinator, { recommendationId: recommendation, measureId: bukMeasure });
    await linkMeasure(coordinator, { recommendationId: recommendation, measureId: dsoMeasure });
    await expect(linkMeasure(coordinator, { recommendationId: recommendation, measureId: bukMeasure })).rejects.toMatchObject({ messageKey: "recommendations.errors.alreadyLinked" });
    await expect(linkMeasure(bukHead, { recommendationId: recommendation, measureId: bukMeasure })).rejects.toBeInstanceOf(AccessDeniedError);
    await linkFinding(coordinator, { measureId: bukMeasure, reportId: report, sectionId: section, note: "Propaganda vid skolor" });
    await expect(linkFinding(bukHead, { measureId: bukMeasure, reportId: report, sectionId: "", note: "" })).rejects.toBeInstanceOf(AccessDeniedError);

    const full = await getRecommendation(coordinator, recommendation);
    expect(full.measures.map((m) => m.title).sort()).toEqual(["SIG", "Värdegrund i skolan"]);
    expect(full.measures.find((m) => m.id === bukMeasure)!.findings).toEqual([
      { id: expect.any(String), note: "Propaganda vid skolor", report: { id: report, title: "Lägesbild 2026" }, environment: "RIGHT_WING" },
    ]);
    // The BUK head sees BUK's answer only, and no report findings (reports are the coordinator's).
    const theirs = await getRecommendation(bukHead, recommendation);
    expect(theirs.measures.map((m) => [m.title, m.findings])).toEqual([["Värdegrund i skolan", []]]);
    const row = (await listRecommendations(bukHead)).find((r) => r.id === recommendation)!;
    // Even the count stays behind the wall: the link to DSO's measure is not visible to BUK.
    expect([row.measures.map((m) => m.id), row.measureCount]).toEqual([[bukMeasure], 1]);
    expect((await getMeasure(coordinator, bukMeasure)).recommendations.map((r) => r.id)).toEqual([recommendation]);
  });
});
