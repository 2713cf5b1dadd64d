// The yearly evaluation: its figures on a fixed data set (hand-computed below), the same
// figures in the generated PDF and XLSX, the coordinator's text drafted, saved and frozen when
// issued, and who may read it (observers only once issued).
import ExcelJS from "exceljs";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { AccessDeniedError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import type { Viewer } from "@/lib/access/viewer";
import { getEvaluation, issueEvaluation, saveEvaluationTexts } from "@/lib/server/evaluation/evaluation";
import { evaluationPdf, evaluationWorkbook } from "@/lib/server/evaluation/documents";
import {
  createActionItem, createDivision, createFollowUp, createFollowUpCycle, createFollowUpItem, createMeasure, createNetworkMeeting,
  createPlanSection, createRecommendation, createSituationEntry, createStaffCategory, createTrainingAttendance, createTrainingEvent,
  createTrainingNeed, createUser,
} from "@/prisma/factories";

const YEAR = 2031;
const d = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const TODAY = d("2031-10-01");
const as = (role: Viewer["role"], id: string): Viewer => ({ id, role, divisionIds: [], name: "T", email: "t@test.example" });
let coordinator: Viewer;
let observer: Viewer;
let head: Viewer;
let divisions: { buk: string; kof: string };

/*
 * The data set, and what the evaluation must say about YEAR:
 * - sections 1, 2, 4, 5, 7 (the real numbers, as the seed has them);
 * - measures: "Värdegrund" GENERAL ONGOING §1 (BUK), "Fritidsgårdar" GENERAL COMPLETED §1 (KOF),
 *   "SIG" INDIVIDUAL ONGOING §1 (BUK), "Språkintroduktion" SPECIFIC PLANNED special §5 (BUK, investigation ONGOING),
 *   "Gammal" GENERAL COMPLETED §1 ended 2030 → not in the year.
 *   By level: GENERAL planned 0 ongoing 1 completed 1 total 2; SPECIFIC planned 1 total 1; INDIVIDUAL ongoing 1 total 1.
 * - follow-ups in YEAR's cycle: BUK REVIEWED ON_TRACK (lines: ON_TRACK, AT_RISK), KOF REVIEWED OFF_TRACK, DSO SUBMITTED;
 *   a 2030 cycle's reviewed follow-up does not count → cycles 1, follow-ups 3, reviewed 2, on 1, risk 0, off 1, lines 1/1/0.
 * - training: BUK needs 20 + 10 (wanted by in YEAR), KOF 8, a CANCELLED BUK need of 50 and a 2032 need don't count;
 *   held events in YEAR: BUK attended 12 + 6 = 18, KOF 8; a PLANNED event's attendance doesn't count → events held 2.
 * - situation entries observed in YEAR, REVIEWED/ARCHIVED: RIGHT_WING 6, ISLAMIST 2 (suppressed: < 5), LEFT_WING 0 (suppressed);
 *   a SUBMITTED RIGHT_WING one and a 2030 one don't count.
 * - network: meetings HELD in YEAR 3 (+1 CANCELLED); action items due in YEAR: 2 DONE, 1 OPEN due 2031-03-01 (overdue by TODAY),
 *   1 IN_PROGRESS due 2031-12-01 (not overdue) → 4 items, 2 done, 2 open, 1 overdue.
 */
beforeAll(async () => {
  const x = ownerDb();
  const c = await createUser(x, { role: "COORDINATOR" });
  coordinator = as("COORDINATOR", c.id);
  observer = as("OBSERVER", (await createUser(x, { role: "OBSERVER" })).id);
  const buk = (await createDivision(x, { name: "Barn och utbildning", sortOrder: 1 })).id;
  const kof = (await createDivision(x, { name: "Kultur och fritid", sortOrder: 2 })).id;
  const dso = (await createDivision(x, { name: "Social omsorg", sortOrder: 3 })).id;
  divisions = { buk, kof };
  head = { ...as("DIVISION_HEAD", (await createUser(x, { role: "DIVISION_HEAD", divisionIds: [buk] })).id), divisionIds: [buk] };
  const s = {} as Record<number, string>;
  for (const n of [1, 2, 4, 5, 7]) s[n] = (await createPlanSection(x, { number: n, title: `Avsnitt nummer ${n}` })).id;
  await createRecommendation(x, { number: 1, title: "Ta fram en lokal lägesbild", planSectionId: s[7], status: "FULFILLED" });
  await createRecommendation(x, { number: 9, title: "Arbeta på tre nivåer", planSectionId: s[1], isParaphrase: false });

  const measure = (title: string, ownerDivisionId: string, data: object) => createMeasure(x, { title, ownerDivisionId, ...data });
  const v = await measure("Värdegrund", buk, { level: "GENERAL", status: "ONGOING", planSectionId: s[1] });
  await measure("Fritidsgårdar", kof, { level: "GENERAL", status: "COMPLETED", planSectionId: s[1], startDate: d("2031-01-01"), endDate: d("2031-06-30") });
  await measure("SIG", buk, { level: "INDIVIDUAL", status: "ONGOING", planSectionId: s[1] });
  await measure("Språkintroduktion", buk, { level: "SPECIFIC", status: "PLANNED", isSpecial: true, investigationStatus: "ONGOING", planSectionId: s[5] });
  await measure("Gammal", buk, { level: "GENERAL", status: "COMPLETED", planSectionId: s[1], startDate: d("2029-01-01"), endDate: d("2030-12-31") });

  const cycle = await createFollowUpCycle(x, { year: YEAR, title: "VT 2031", periodStart: d("2031-01-01"), periodEnd: d("2031-06-30"), dueDate: d("2031-06-15") });
  const bukFollowUp = await createFollowUp(x, { cycleId: cycle.id, divisionId: buk, status: "REVIEWED", assessment: "ON_TRACK" });
  await createFollowUpItem(x, { followUpId: bukFollowUp.id, measureId: v.id, assessment: "ON_TRACK" });
  await createFollowUpItem(x, { followUpId: bukFollowUp.id, measureId: v.id, assessment: "AT_RISK" });
  await createFollowUp(x, { cycleId: cycle.id, divisionId: kof, status: "REVIEWED", assessment: "OFF_TRACK" });
  await createFollowUp(x, { cycleId: cycle.id, divisionId: dso, status: "SUBMITTED", assessment: "ON_TRACK" });
  const old = await createFollowUpCycle(x, { year: 2030, title: "HT 2030" });
  await createFollowUp(x, { cycleId: old.id, divisionId: buk, status: "REVIEWED", assessment: "ON_TRACK" });

  const staff = (await createStaffCategory(x)).id;
  const need = (divisionId: string, headcount: number, wantedBy: string, status = "REGISTERED") =>
    createTrainingNeed(x, { divisionId, staffCategoryId: staff, createdById: c.id, headcount, wantedBy: d(wantedBy), status: status as "REGISTERED" });
  await need(buk, 20, "2031-03-01");
  await need(buk, 10, "2031-11-30", "MET");
  await need(kof, 8, "2031-05-01");
  await need(buk, 50, "2031-05-01", "CANCELLED");
  await need(buk, 7, "2032-01-15");
  const e1 = await createTrainingEvent(x, { startsAt: new Date("2031-04-10T08:00:00Z"), status: "HELD" });
  const e2 = await createTrainingEvent(x, { startsAt: new Date("2031-09-10T08:00:00Z"), status: "HELD" });
  const e3 = await createTrainingEvent(x, { startsAt: new Date("2031-11-10T08:00:00Z"), status: "PLANNED" });
  await createTrainingAttendance(x, { eventId: e1.id, divisionId: buk, attended: 12 });
  await createTrainingAttendance(x, { eventId: e2.id, divisionId: buk, attended: 6 });
  await createTrainingAttendance(x, { eventId: e1.id, divisionId: kof, attended: 8 });
  await createTrainingAttendance(x, { eventId: e3.id, divisionId: kof, attended: 30 });

  const entry = (environment: string, observedOn: string, status: string) =>
    createSituationEntry(x, { divisionId: buk, createdById: c.id, environment: environment as "RIGHT_WING", observedOn: d(observedOn), status: status as "REVIEWED" });
  for (let i = 0; i < 5; i++) await entry("RIGHT_WING", "2031-02-01", "REVIEWED");
  await entry("RIGHT_WING", "2031-08-01", "ARCHIVED");
  await entry("RIGHT_WING", "2031-08-02", "SUBMITTED");
  await entry("RIGHT_WING", "2030-12-31", "REVIEWED");
  await entry("ISLAMIST", "2031-05-01", "REVIEWED");
  await entry("ISLAMIST", "2031-06-01", "REVIEWED");

  for (const date of ["2031-02-01", "2031-05-01", "2031-09-01"]) await createNetworkMeeting(x, { scheduledAt: new Date(`${date}T13:00:00Z`), status: "HELD" });
  await createNetworkMeeting(x, { scheduledAt: new Date("2031-10-01T13:00:00Z"), status: "CANCELLED" });
  const item = (dueDate: string, status: string) => createActionItem(x, { ownerId: c.id, divisionId: buk, dueDate: d(dueDate), status: status as "OPEN" });
  await item("2031-02-01", "DONE");
  await item("2031-04-01", "DONE");
  await item("2031-03-01", "OPEN");
  await item("2031-12-01", "IN_PROGRESS");
  await item("2030-06-01", "OPEN");
});

describe("the yearly evaluation's figures", () => {
  it("match the hand-computed data set", async () => {
    const { figures: f } = await getEvaluation(coordinator, YEAR, TODAY);
    expect(f.threshold).toBe(5);
    expect(f.view).toBe("full");
    expect(f.sections.map((s) => [s.number, s.measures?.map((m) => m.title)])).toEqual([
      [1, ["Fritidsgårdar", "SIG", "Värdegrund"]], [2, []], [4, []], [5, ["Språkintroduktion"]], [7, []],
    ]);
    expect(f.sections.find((s) => s.number === 7)!.recommendations).toEqual([{ number: 1, title: "Ta fram en lokal lägesbild", status: "FULFILLED", isParaphrase: true }]);
    expect(f.measuresByLevel).toEqual([
      { level: "GENERAL", planned: 0, ongoing: 1, completed: 1, paused: 0, cancelled: 0, total: 2 },
      { level: "SPECIFIC", planned: 1, ongoing: 0, completed: 0, paused: 0, cancelled: 0, total: 1 },
      { level: "INDIVIDUAL", planned: 0, ongoing: 1, completed: 0, paused: 0, cancelled: 0, total: 1 },
    ]);
    expect(f.followUps).toEqual({ cycles: 1, followUps: 3, reviewed: 2, onTrack: 1, atRisk: 0, offTrack: 1, lineOnTrack: 1, lineAtRisk: 1, lineOffTrack: 0 });
    expect(f.training).toEqual([
      { division: "Barn och utbildning", needed: 30, attended: 18 },
      { division: "Kultur och fritid", needed: 8, attended: 8 },
      { division: "Social omsorg", needed: 0, attended: 0 },
    ]);
    expect(f.trainingEvents).toBe(2);
    expect(f.situation).toEqual([
      { environment: "RIGHT_WING", count: 6 }, { environment: "LEFT_WING", count: "small" },
      { environment: "ISLAMIST", count: "small" }, { environment: "OTHER_UNCLEAR", count: "small" },
    ]);
    expect(f.network).toEqual({ meetingsHeld: 3, actionItems: 4, actionItemsDone: 2, actionItemsOpen: 2, actionItemsOverdue: 1 });
  });

  it("are the same in the PDF and the XLSX, with the coordinator's text", async () => {
    await saveEvaluationTexts(coordinator, { year: YEAR, version: 0, texts: { "1": "Arbetet på tre nivåer har fortsatt.", "7": "Lägesbilden är stabil." } });
    const evaluation = await getEvaluation(coordinator, YEAR, TODAY);
    const pdf = await evaluationPdf(evaluation, { generatedAt: new Date("2031-10-01T08:00:00Z") });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const all = (text as string).replace(/\s+/g, " ");
    expect(all).toContain("Årsutvärdering 2031");
    expect(all).toContain("Arbetet på tre nivåer har fortsatt.");
    expect(all).toContain("Lägesbilden är stabil.");
    expect(all).toMatch(/Generell 0 1 1 0 0 2/);
    expect(all).toMatch(/Barn och utbildning 30 18 60 %/);
    expect(all).toMatch(/Högerextremism[^0-9]*6/i);
    expect(all).toContain("färre än 5");
    expect(all).toMatch(/Genomförda nätverksmöten 3/);
    expect(all).toMatch(/Försenade 1/);
    expect(all).toContain("Språkintroduktion");
    expect(all).toContain("Utredning pågår");
    expect(all).toContain("Ta fram en lokal lägesbild *");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await evaluationWorkbook(evaluation) as unknown as ArrayBuffer);
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const out: unknown[][] = [];
      sheet.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows("Nivåer")).toContainEqual(["Generell", 0, 1, 1, 0, 0, 2]);
    expect(rows("Utbildning")).toContainEqual(["Barn och utbildning", 30, 18, 0.6]);
    expect(rows("Lägesbild")).toContainEqual([expect.stringMatching(/högerextremism/i), 6]);
    expect(rows("Lägesbild")).toContainEqual([expect.stringMatching(/islamistisk/i), "färre än 5"]);
    expect(rows("Uppföljning")).toContainEqual(["Godkända uppföljningar", 2]);
    expect(rows("Nätverket")).toContainEqual(["Försenade", 1]);
    expect(rows("Avsnitt")).toContainEqual([7, "Avsnitt nummer 7", "Lägesbilden är stabil."]);
  }, 60_000);
});

/*
 * An observer's figures (issue 13 part 2), on a second year, YEAR2, whose data set is built
 * below. The undated measures of the first data set are under way in every year: Värdegrund
 * (GENERAL ONGOING), SIG (INDIVIDUAL ONGOING), Språkintroduktion (SPECIFIC PLANNED).
 * - measures dated in YEAR2, GENERAL: 6 ONGOING, 5 COMPLETED, 2 PLANNED → GENERAL planned 2,
 *   ongoing 7, completed 5, paused 0, cancelled 0, total 14. An observer: 2, 0, 0 are small; the
 *   hidden ones sum to 2 (< 5), so the total 14 would give it back → "derived" (secondary).
 *   SPECIFIC (planned 1, total 1) and INDIVIDUAL (ongoing 1, total 1): every cell small.
 * - action items due in YEAR2: 6 DONE, 2 OPEN due before TODAY2 (overdue), 5 IN_PROGRESS due
 *   after it → 13 items, 6 done, 7 open, 2 overdue. An observer: overdue 2 small; open = overdue
 *   + 5 not overdue, one hidden part → open "derived"; items = done + open, open now hidden →
 *   items "derived" too (the rule repeats). No meeting held → 0, small.
 * - training: BUK needs 12 wanted by in YEAR2, attended 3 at an event held in YEAR2 → coverage
 *   25 %; an observer gets 12, small, and no coverage (it would give the 3 back); events held 1.
 * - situation: RIGHT_WING 5 reviewed (shown, = threshold), ISLAMIST 1 (small for everyone).
 * - no follow-up cycle in YEAR2: every follow-up count 0, small for an observer.
 */
const YEAR2 = 2033;
const TODAY2 = d("2033-10-01");

describe("an observer's figures: every count suppressed at read time, the snapshot true", () => {
  const SMALL = "färre än 5";
  beforeAll(async () => {
    const x = ownerDb();
    const section1 = (await ownerDb().planSection.findUniqueOrThrow({ where: { number: 1 } })).id;
    const dated = { planSectionId: section1, startDate: d("2033-01-01"), endDate: d("2033-12-31") };
    let n = 0;
    const measures = async (count: number, status: string) => {
      for (let i = 0; i < count; i++) await createMeasure(x, { title: `Insats ${YEAR2}-${++n}`, ownerDivisionId: divisions.kof, level: "GENERAL", status: status as "ONGOING", ...dated });
    };
    await measures(6, "ONGOING");
    await measures(5, "COMPLETED");
    await measures(2, "PLANNED");
    const item = (dueDate: string, status: string) => createActionItem(x, { ownerId: coordinator.id, divisionId: divisions.buk, dueDate: d(dueDate), status: status as "OPEN" });
    for (let i = 0; i < 6; i++) await item("2033-03-01", "DONE");
    for (let i = 0; i < 2; i++) await item("2033-04-01", "OPEN");
    for (let i = 0; i < 5; i++) await item("2033-11-01", "IN_PROGRESS");
    const staff = (await createStaffCategory(x)).id;
    await createTrainingNeed(x, { divisionId: divisions.buk, staffCategoryId: staff, createdById: coordinator.id, headcount: 12, wantedBy: d("2033-06-01") });
    const event = await createTrainingEvent(x, { startsAt: new Date("2033-05-10T08:00:00Z"), status: "HELD" });
    await createTrainingAttendance(x, { eventId: event.id, divisionId: divisions.buk, attended: 3 });
    const entry = (environment: string) =>
      createSituationEntry(x, { divisionId: divisions.buk, createdById: coordinator.id, environment: environment as "RIGHT_WING", observedOn: d("2033-02-01"), status: "REVIEWED" });
    for (let i = 0; i < 5; i++) await entry("RIGHT_WING");
    await entry("ISLAMIST");
    await saveEvaluationTexts(coordinator, { year: YEAR2, version: 0, texts: { "1": "Text för observatörer." } });
    await issueEvaluation(coordinator, { year: YEAR2, version: 1 }, TODAY2);
  });

  const TRUE_LEVELS = [
    { level: "GENERAL", planned: 2, ongoing: 7, completed: 5, paused: 0, cancelled: 0, total: 14 },
    { level: "SPECIFIC", planned: 1, ongoing: 0, completed: 0, paused: 0, cancelled: 0, total: 1 },
    { level: "INDIVIDUAL", planned: 0, ongoing: 1, completed: 0, paused: 0, cancelled: 0, total: 1 },
  ];
  const TRUE_NETWORK = { meetingsHeld: 0, actionItems: 13, actionItemsDone: 6, actionItemsOpen: 7, actionItemsOverdue: 2 };

  it("gives the coordinator the true figures, and keeps them in the issued snapshot", async () => {
    const { figures: f } = await getEvaluation(coordinator, YEAR2, TODAY2);
    expect(f.view).toBe("full");
    expect(f.measuresByLevel).toEqual(TRUE_LEVELS);
    expect(f.network).toEqual(TRUE_NETWORK);
    expect(f.training).toEqual([
      { division: "Barn och utbildning", needed: 12, attended: 3 },
      { division: "Kultur och fritid", needed: 0, attended: 0 },
      { division: "Social omsorg", needed: 0, attended: 0 },
    ]);
    expect(f.trainingEvents).toBe(1);
    expect(f.followUps).toEqual({ cycles: 0, followUps: 0, reviewed: 0, onTrack: 0, atRisk: 0, offTrack: 0, lineOnTrack: 0, lineAtRisk: 0, lineOffTrack: 0 });
    expect(f.sections[0]!.measures!.filter((m) => m.title.startsWith(`Insats ${YEAR2}-`))).toHaveLength(13);
    // What an observer reads is derived at read time: the stored document is not changed.
    const row = await ownerDb().yearlyEvaluation.findUniqueOrThrow({ where: { year: YEAR2 }, select: { snapshot: true } });
    const snapshot = row.snapshot as { measuresByLevel: unknown; network: unknown; training: { needed: number; attended: number }[] };
    expect(snapshot.measuresByLevel).toEqual(TRUE_LEVELS);
    expect(snapshot.network).toEqual(TRUE_NETWORK);
    expect(snapshot.training[0]).toMatchObject({ needed: 12, attended: 3 });
  });

  it("gives an observer's page small counts as small, a total that would give one back as derived, and no measure by name", async () => {
    const { figures: f } = await getEvaluation(observer, YEAR2, TODAY2);
    expect(f.view).toBe("aggregates");
    expect(f.threshold).toBe(5);
    expect(f.measuresByLevel).toEqual([
      { level: "GENERAL", planned: "small", ongoing: 7, completed: 5, paused: "small", cancelled: "small", total: "derived" },
      { level: "SPECIFIC", planned: "small", ongoing: "small", completed: "small", paused: "small", cancelled: "small", total: "small" },
      { level: "INDIVIDUAL", planned: "small", ongoing: "small", completed: "small", paused: "small", cancelled: "small", total: "small" },
    ]);
    expect(f.network).toEqual({ meetingsHeld: "small", actionItems: "derived", actionItemsDone: 6, actionItemsOpen: "derived", actionItemsOverdue: "small" });
    expect(f.training).toEqual([
      { division: "Barn och utbildning", needed: 12, attended: "small" },
      { division: "Kultur och fritid", needed: "small", attended: "small" },
      { division: "Social omsorg", needed: "small", attended: "small" },
    ]);
    expect(f.trainingEvents).toBe("small");
    expect(Object.values(f.followUps).every((v) => v === "small")).toBe(true);
    expect(f.situation).toEqual([
      { environment: "RIGHT_WING", count: 5 }, { environment: "LEFT_WING", count: "small" },
      { environment: "ISLAMIST", count: "small" }, { environment: "OTHER_UNCLEAR", count: "small" },
    ]);
    expect(f.sections.every((s) => s.measures === null)).toBe(true);
    // The recommendations and the coordinator's text are the report's, and stay.
    expect(f.sections.find((s) => s.number === 7)!.recommendations.map((r) => r.number)).toEqual([1]);
  });

  it("prints the same suppressed figures in an observer's PDF and XLSX, never a hidden count or a measure's title", async () => {
    const evaluation = await getEvaluation(observer, YEAR2, TODAY2);
    const pdf = await evaluationPdf(evaluation, { generatedAt: new Date("2033-10-01T08:00:00Z") });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const all = (text as string).replace(/\s+/g, " ");
    expect(all).toContain("Text för observatörer.");
    expect(all).toContain(`Generell ${SMALL} 7 5 ${SMALL} ${SMALL} –`);
    expect(all).not.toMatch(/Generell 2 7 5 0 0 14/);
    expect(all).toContain(`Barn och utbildning 12 ${SMALL} –`);
    expect(all).not.toContain("25 %");
    expect(all).toContain(`Åtgärdspunkter med slutdatum under året –`);
    expect(all).toContain(`Klara 6 Öppna – Försenade ${SMALL}`);
    expect(all).toContain(`Genomförda utbildningstillfällen: ${SMALL}`);
    expect(all).toContain("redovisas som ”–”");
    expect(all).not.toMatch(/Insats 2033-\d/);
    expect(all).not.toContain("Språkintroduktion");

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await evaluationWorkbook(evaluation) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).not.toContain("Insatser");
    const rows = (name: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows("Nivåer")).toContainEqual(["Generell", SMALL, 7, 5, SMALL, SMALL, "–"]);
    expect(rows("Nätverket")).toEqual(expect.arrayContaining([
      ["Åtgärdspunkter med slutdatum under året", "–"], ["Klara", 6], ["Öppna", "–"], ["Försenade", SMALL], ["Genomförda nätverksmöten", SMALL],
    ]));
    expect(rows("Utbildning")).toContainEqual(["Barn och utbildning", 12, SMALL]);
    expect(rows("Lägesbild")).toContainEqual([expect.stringMatching(/högerextremism/i), 5]);
    // No sheet of counts holds a number an observer may not see: every shown count clears the threshold.
    for (const name of ["Nivåer", "Uppföljning", "Utbildning", "Lägesbild", "Nätverket"]) {
      for (const row of rows(name)) for (const cell of row) if (typeof cell === "number") expect(cell, `${name}: ${JSON.stringify(row)}`).toBeGreaterThanOrEqual(5);
    }
  }, 60_000);

  it("follows a raised threshold at read time, on an evaluation issued before", async () => {
    await ownerDb().setting.upsert({ where: { key: "aggregates.suppressionThreshold" }, create: { key: "aggregates.suppressionThreshold", value: 8 }, update: { value: 8 } });
    try {
      const { figures: f } = await getEvaluation(observer, YEAR2, TODAY2);
      expect(f.threshold).toBe(8);
      expect(f.situation[0]).toEqual({ environment: "RIGHT_WING", count: "small" });
      // Every part of GENERAL now hidden; they sum to 14, not a small count, so the total stays.
      expect(f.measuresByLevel[0]).toEqual({ level: "GENERAL", planned: "small", ongoing: "small", completed: "small", paused: "small", cancelled: "small", total: 14 });
      expect(f.training[0]).toEqual({ division: "Barn och utbildning", needed: 12, attended: "small" });
      expect((await getEvaluation(coordinator, YEAR2, TODAY2)).figures.measuresByLevel).toEqual(TRUE_LEVELS);
    } finally {
      await ownerDb().setting.delete({ where: { key: "aggregates.suppressionThreshold" } });
    }
  });
});

describe("drafting, saving and issuing", () => {
  it("is the coordinator's; observers see nothing until it is issued", async () => {
    await expect(saveEvaluationTexts(head, { year: YEAR, version: 1, texts: {} })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getEvaluation(head, YEAR, TODAY)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getEvaluation(observer, YEAR, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(issueEvaluation(head, { year: YEAR, version: 1 }, TODAY)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("refuses a stale save and text for a section the plan does not have", async () => {
    await expect(saveEvaluationTexts(coordinator, { year: YEAR, version: 0, texts: {} })).rejects.toBeInstanceOf(StaleEditError);
    await expect(saveEvaluationTexts(coordinator, { year: YEAR, version: 1, texts: { "99": "x" } })).rejects.toMatchObject({ field: "texts.99" });
  });

  it("freezes the text and the figures when issued", async () => {
    await saveEvaluationTexts(coordinator, { year: YEAR, version: 1, texts: { "1": "Slutlig text." } });
    await issueEvaluation(coordinator, { year: YEAR, version: 2 }, TODAY);
    // The data moves on after the issue; the issued evaluation does not.
    await createMeasure(ownerDb(), { ownerDivisionId: head.divisionIds[0]!, title: "Efteråt", level: "GENERAL", status: "ONGOING", planSectionId: (await ownerDb().planSection.findUniqueOrThrow({ where: { number: 1 } })).id });
    const issued = await getEvaluation(observer, YEAR, TODAY);
    expect(issued.status).toBe("ISSUED");
    expect(issued.texts).toEqual({ "1": "Slutlig text." });
    expect(issued.figures.sections[0]!.measures).toBeNull(); // an observer: counts only
    const titles = (await getEvaluation(coordinator, YEAR, TODAY)).figures.sections[0]!.measures!.map((m) => m.title);
    expect(titles).toEqual(["Fritidsgårdar", "SIG", "Värdegrund"]);
    await expect(saveEvaluationTexts(coordinator, { year: YEAR, version: 3, texts: { "1": "Ändrad" } })).rejects.toMatchObject({ messageKey: "evaluation.errors.issued" });
    expect(await ownerDb().auditEvent.count({ where: { action: "evaluation.issue", details: { path: ["year"], equals: YEAR } } })).toBe(1);
  });
});
