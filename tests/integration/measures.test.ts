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
import { getMeasureFormOptions } from "@/lib/server/measures/form-options";
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

  it("keeps a measure editable in its division after the division is deactivated, but moves none into it", async () => {
    const closing = (await createDivision(ownerDb())).id;
    const head = as("DIVISION_HEAD", [closing], (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [closing] })).id);
    const created = await createMeasure(head, valid(closing));
    await ownerDb().division.update({ where: { id: closing }, data: { active: false } });
    const options = await getMeasureFormOptions(head, "update", closing);
    expect(options.divisions.map((d) => d.id)).toEqual([closing]);
    expect((await getMeasureFormOptions(head, "create")).divisions).toEqual([]);
    const input = updateMeasureSchema.parse({ ...valid(closing), id: created.id, version: 1, status: "COMPLETED" });
    expect(await updateMeasure(head, input)).toEqual({ version: 2 });
    // Another measure cannot be moved into the deactivated division, nor a new one made there.
    const spare = (await createDivision(ownerDb())).id;
    const other = await createMeasure(coordinator, valid(spare));
    await expect(updateMeasure(coordinator, { ...updateMeasureSchema.parse({ ...valid(spare), id: other.id, version: 1 }), ownerDivisionId: closing })).rejects.toMatchObject({ messageKey: "measures.errors.foreignDivision" });
    await expect(createMeasure(coordinator, valid(closing))).rejects.toMatchObject({ messageKey: "measures.errors.foreignDivision" });
    // Out of the way of the counts below.
    await ownerDb().measure.deleteMany({ where: { ownerDivisionId: { in: [closing, spare] } } });
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
    expect((await listRecommendations(bukHead)).rows.find((r) => r.id === recommendation)).toMatchObject({ isParaphrase: true });
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
    const list = await listRecommendations(bukHead);
    const row = list.rows.find((r) => r.id === recommendation)!;
    // The link to DSO's measure stays behind the wall, and no count of every division's is given.
    expect([row.measures.map((m) => m.id), row.linkedMeasures, list.countsOnlyThreshold]).toEqual([[bukMeasure], null, null]);
    expect((await getMeasure(coordinator, bukMeasure)).recommendations.map((r) => r.id)).toEqual([recommendation]);
  });
});

describe("the checklist for an observer: how many measures answer, never which", () => {
  let observer: Viewer;
  let answered: string;
  let unanswered: string;
  const measureTitles = ["Mentorer i idrottsföreningar", "Föräldrastöd", "Fritidsgårdarnas kväll", "Skolans värdegrund", "Samtal i SFI", "Bibliotekets källkritik"];

  beforeAll(async () => {
    observer = as("OBSERVER", [], (await createUser(ownerDb(), { role: "OBSERVER" })).id);
    answered = (await createRecommendation(ownerDb(), { title: "Samverka med civilsamhället" })).id;
    unanswered = (await createRecommendation(ownerDb(), { title: "Utbilda personalen" })).id;
    // Six measures of two divisions answer `answered` (at and above the threshold of 5); two answer `unanswered`.
    for (const [i, title] of measureTitles.entries()) {
      const measure = (await makeMeasure(ownerDb(), { ownerDivisionId: i % 2 ? buk : dso, title })).id;
      await linkMeasure(coordinator, { recommendationId: answered, measureId: measure });
      if (i < 2) await linkMeasure(coordinator, { recommendationId: unanswered, measureId: measure });
    }
  });

  it("lists the count of every division's linked measures, small counts hidden, and no measure", async () => {
    const list = await listRecommendations(observer);
    expect(list.countsOnlyThreshold).toBe(5);
    const byId = new Map(list.rows.map((r) => [r.id, r]));
    expect(byId.get(answered)).toMatchObject({ linkedMeasures: 6, measures: [] });
    expect(byId.get(unanswered)).toMatchObject({ linkedMeasures: "small", measures: [] });
    // Every row carries a count (never "no measure" because the observer may read none), and none names a measure.
    expect(list.rows.every((r) => r.linkedMeasures !== null && r.measures.length === 0)).toBe(true);
    expect(JSON.stringify(list)).not.toMatch(new RegExp(measureTitles.join("|")));
  });

  it("gives the same count on the recommendation's own page, and no measure", async () => {
    expect(await getRecommendation(observer, answered)).toMatchObject({ linkedMeasures: { count: 6, threshold: 5 }, measures: [] });
    expect(await getRecommendation(observer, unanswered)).toMatchObject({ linkedMeasures: { count: "small", threshold: 5 }, measures: [] });
    // The coordinator sees the measures themselves, not a count.
    const full = await getRecommendation(coordinator, answered);
    expect([full.linkedMeasures, full.measures.length]).toEqual([null, 6]);
  });

  it("follows the threshold setting", async () => {
    await ownerDb().setting.upsert({ where: { key: "aggregates.suppressionThreshold" }, update: { value: 7 }, create: { key: "aggregates.suppressionThreshold", value: 7 } });
    try {
      const list = await listRecommendations(observer);
      expect([list.countsOnlyThreshold, list.rows.find((r) => r.id === answered)?.linkedMeasures]).toEqual([7, "small"]);
    } finally {
      await ownerDb().setting.deleteMany({ where: { key: "aggregates.suppressionThreshold" } });
    }
  });
});
