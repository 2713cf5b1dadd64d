// Follow-up cycles end to end through the use cases, on real PostgreSQL with row-level
// security: the coordinator opens a cycle, each division gets its follow-up with its lines, the
// division head fills in and submits, the coordinator returns once then approves; overdue
// figures follow the injected "today"; another division never sees the follow-up.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { AccessDeniedError, DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { openCycleSchema, reviewFollowUpSchema, saveFollowUpSchema } from "@/lib/schemas/follow-up";
import { openCycle } from "@/lib/server/follow-up/open-cycle";
import { listCycles, listFollowUps } from "@/lib/server/follow-up/list-follow-ups";
import { getFollowUp } from "@/lib/server/follow-up/get-follow-up";
import { saveFollowUp } from "@/lib/server/follow-up/save-follow-up";
import { reviewFollowUp } from "@/lib/server/follow-up/review-follow-up";
import { createActionItem, createDivision, createMeasure, createStaffCategory, createTrainingNeed, createUser } from "@/prisma/factories";

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

let buk: string;
let kof: string;
let coordinator: Viewer;
let bukHead: Viewer;
let kofHead: Viewer;
let observer: Viewer;
let cycleId: string;
let bukFollowUp: string;

beforeAll(async () => {
  buk = (await createDivision(ownerDb(), { name: "Barn och utbildning (test)" })).id;
  kof = (await createDivision(ownerDb(), { name: "Kultur och fritid (test)" })).id;
  const c = await createUser(ownerDb(), { role: "COORDINATOR" });
  const b = await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [buk] });
  const k = await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [kof] });
  const o = await createUser(ownerDb(), { role: "OBSERVER" });
  coordinator = as("COORDINATOR", [], c.id);
  bukHead = as("DIVISION_HEAD", [buk], b.id);
  kofHead = as("DIVISION_HEAD", [kof], k.id);
  observer = as("OBSERVER", [], o.id);
  const staff = await createStaffCategory(ownerDb());
  await createMeasure(ownerDb(), { ownerDivisionId: buk, title: "Värdegrundsarbete", status: "ONGOING" });
  await createMeasure(ownerDb(), { ownerDivisionId: buk, title: "Avslutad insats", status: "COMPLETED" });
  await createMeasure(ownerDb(), { ownerDivisionId: kof, title: "Fritidsgårdar", status: "ONGOING" });
  await createTrainingNeed(ownerDb(), { divisionId: buk, staffCategoryId: staff.id, createdById: b.id });
  await createActionItem(ownerDb(), { divisionId: buk, ownerId: c.id, title: "Ta fram rutin" });
});

describe("opening a cycle", () => {
  it("refuses a period that ends before it starts, in Swedish catalog terms, and saves nothing", async () => {
    const parsed = openCycleSchema.safeParse({ title: "VT 2027", periodStart: "2027-06-30", periodEnd: "2027-01-01", dueDate: "2027-06-15" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["periodEnd"], message: "followUp.errors.endBeforeStart" });
    await expect(openCycle(coordinator, { title: "VT 2027", periodStart: "2027-01-01", periodEnd: "2027-06-30", dueDate: "2026-12-01" }))
      .rejects.toMatchObject({ messageKey: "followUp.errors.dueBeforeStart", field: "dueDate" });
    expect(await ownerDb().followUpCycle.count()).toBe(0);
  });

  it("is the coordinator's: a division head is refused", async () => {
    await expect(openCycle(bukHead, { title: "X", periodStart: "2027-01-01", periodEnd: "2027-06-30", dueDate: "2027-06-15" }))
      .rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("gives every division one follow-up listing its open measures, training needs and action items", async () => {
    const opened = await openCycle(coordinator, openCycleSchema.parse({ title: "VT 2027", periodStart: "2027-01-01", periodEnd: "2027-06-30", dueDate: "2027-06-15" }));
    cycleId = opened.id;
    const divisions = await ownerDb().division.count({ where: { active: true } });
    expect(opened.followUps).toBe(divisions);
    const mine = await listFollowUps(bukHead, { page: 1 }, day("2027-06-01"));
    expect(mine.rows).toHaveLength(1);
    bukFollowUp = mine.rows[0]!.id;
    const detail = await getFollowUp(bukHead, bukFollowUp, day("2027-06-01"));
    expect(detail.lines.map((l) => [l.kind, l.title])).toEqual([
      ["measure", "Värdegrundsarbete"],
      ["trainingNeed", expect.any(String)],
      ["actionItem", "Ta fram rutin"],
    ]);
    expect(await ownerDb().auditEvent.count({ where: { action: "followUpCycle.open", entityId: cycleId } })).toBe(1);
  });

  it("refuses a second cycle with the same title in the same year", async () => {
    await expect(openCycle(coordinator, { title: "VT 2027", periodStart: "2027-01-01", periodEnd: "2027-06-30", dueDate: "2027-06-15" }))
      .rejects.toMatchObject({ messageKey: "followUp.errors.cycleExists" });
  });
});

describe("filling in, returning and approving", () => {
  it("shows another division's head none of BUK's follow-up", async () => {
    const theirs = await listFollowUps(kofHead, { page: 1 }, day("2027-06-01"));
    expect(theirs.rows.map((r) => r.id)).not.toContain(bukFollowUp);
    await expect(getFollowUp(kofHead, bukFollowUp, day("2027-06-01"))).rejects.toBeInstanceOf(NotFoundError);
    const detail = await getFollowUp(bukHead, bukFollowUp, day("2027-06-01"));
    await expect(saveFollowUp(kofHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: detail.version, comment: "intrång" })))
      .rejects.toBeInstanceOf(NotFoundError);
  });

  it("counts the follow-ups past due and not submitted as overdue, by the injected today", async () => {
    const before = await listFollowUps(coordinator, { cycle: cycleId, page: 1 }, day("2027-06-15"));
    expect(before.figures.overdue).toBe(0);
    const after = await listFollowUps(coordinator, { cycle: cycleId, page: 1 }, day("2027-06-16"));
    expect(after.figures.overdue).toBe(after.figures.total);
    expect((await listCycles(coordinator, day("2027-06-16")))[0]).toMatchObject({ id: cycleId, overdue: after.figures.total });
  });

  it("refuses to submit without every assessment and the gender perspective; a draft saves", async () => {
    const detail = await getFollowUp(bukHead, bukFollowUp, day("2027-06-16"));
    const items = detail.lines.map((l) => ({ id: l.id, reportedStatus: l.currentStatus ?? "", assessment: "", comment: "" }));
    await expect(saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: detail.version, assessment: "ON_TRACK", genderPerspective: "", items, submit: true })))
      .rejects.toMatchObject({ messageKey: "followUp.errors.genderPerspectiveRequired" });
    await expect(saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: detail.version, assessment: "ON_TRACK", genderPerspective: "Fler pojkar än flickor", items, submit: true })))
      .rejects.toMatchObject({ messageKey: "followUp.errors.lineAssessmentRequired", field: "items.0.assessment" });
    // A status from another kind's vocabulary is refused.
    const wrong = items.map((i, n) => (n === 0 ? { ...i, reportedStatus: "MET" } : i));
    await expect(saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: detail.version, items: wrong })))
      .rejects.toBeInstanceOf(DomainRuleError);
    expect((await ownerDb().followUp.findUniqueOrThrow({ where: { id: bukFollowUp } })).status).toBe("NOT_STARTED");
    const saved = await saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: detail.version, comment: "Utkast", items }));
    expect(saved.status).toBe("DRAFT");
    await expect(saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: detail.version, items })))
      .rejects.toBeInstanceOf(StaleEditError);
  });

  it("submits, is returned with a comment, resubmits and is approved; overdue drops when submitted", async () => {
    const submit = async () => {
      const d = await getFollowUp(bukHead, bukFollowUp, day("2027-06-16"));
      const items = d.lines.map((l) => ({ id: l.id, reportedStatus: l.currentStatus ?? "", assessment: "ON_TRACK" as const, comment: "Enligt plan" }));
      return saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: d.version, assessment: "AT_RISK", comment: "Bemanningen är ansträngd.", genderPerspective: "Fler pojkar än flickor nås.", items, submit: true }));
    };
    const overdueBefore = (await listFollowUps(coordinator, { cycle: cycleId, page: 1 }, day("2027-06-16"))).figures.overdue;
    expect((await submit()).status).toBe("SUBMITTED");
    expect((await listFollowUps(coordinator, { cycle: cycleId, page: 1 }, day("2027-06-16"))).figures).toMatchObject({ overdue: overdueBefore - 1, awaitingReview: 1 });

    // The division head may not review; an empty return comment is refused by the schema.
    await expect(reviewFollowUp(bukHead, { id: bukFollowUp, version: 3, decision: "approve", reviewComment: "" })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(reviewFollowUpSchema.safeParse({ id: bukFollowUp, version: 3, decision: "return", reviewComment: "" }).success).toBe(false);

    let d = await getFollowUp(coordinator, bukFollowUp, day("2027-06-16"));
    await reviewFollowUp(coordinator, reviewFollowUpSchema.parse({ id: bukFollowUp, version: d.version, decision: "return", reviewComment: "Beskriv jämställdhetsperspektivet för SIG." }));
    d = await getFollowUp(bukHead, bukFollowUp, day("2027-06-16"));
    expect(d).toMatchObject({ status: "RETURNED", reviewComment: "Beskriv jämställdhetsperspektivet för SIG.", overdue: true });
    // Not yet submitted again: a returned follow-up cannot be approved.
    await expect(reviewFollowUp(coordinator, { id: bukFollowUp, version: d.version, decision: "approve", reviewComment: "" }))
      .rejects.toMatchObject({ messageKey: "followUp.errors.notSubmitted" });

    await submit();
    d = await getFollowUp(coordinator, bukFollowUp, day("2027-06-16"));
    await reviewFollowUp(coordinator, reviewFollowUpSchema.parse({ id: bukFollowUp, version: d.version, decision: "approve" }));
    const approved = await getFollowUp(bukHead, bukFollowUp, day("2027-06-16"));
    expect(approved.status).toBe("REVIEWED");
    // Approved is final: the division cannot change it any more.
    await expect(saveFollowUp(bukHead, saveFollowUpSchema.parse({ id: bukFollowUp, version: approved.version, items: [] })))
      .rejects.toMatchObject({ messageKey: "followUp.errors.notEditable" });
    expect(await ownerDb().auditEvent.findMany({ where: { entityId: bukFollowUp, action: { startsWith: "followUp." } }, orderBy: { id: "asc" }, select: { action: true } }))
      .toEqual(["followUp.save", "followUp.submit", "followUp.return", "followUp.submit", "followUp.approve"].map((action) => ({ action })));
    // Observers read no follow-up, not even an approved one: counts per cycle only (decision 021;
    // tests/integration/follow-up-observer-figures.test.ts).
    await expect(listFollowUps(observer, { page: 1 }, day("2027-06-16"))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getFollowUp(observer, bukFollowUp, day("2027-06-16"))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
