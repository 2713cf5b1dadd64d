// Issue 11's invalid-input acceptance through the Server Actions users call, on a real database:
// an unknown level, an end before the start, a foreign division, over-long text and personal
// data in free text (decision 020) each get the Swedish message the form shows, and nothing is
// saved — no row, no change, no audit event. Then closing a follow-up cycle (asked for when
// follow-ups are still open, audited) and what a closed cycle no longer allows.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createTranslator } from "use-intl/core";
import { ownerDb } from "@/tests/setup/owner-db";
import { MESSAGES } from "@/lib/i18n/messages";
import { getViewer } from "@/lib/server/auth/viewer";
import type { Viewer } from "@/lib/access/viewer";
import { createMeasureAction, linkFindingAction, updateMeasureAction } from "@/app/(app)/insatser/actions";
import { closeCycleAction, openCycleAction, reviewFollowUpAction, saveFollowUpAction } from "@/app/(app)/uppfoljning/actions";
import { listCycles, listFollowUps } from "@/lib/server/follow-up/list-follow-ups";
import {
  createDivision, createFollowUp, createFollowUpCycle, createFollowUpItem, createMeasure, createSituationReport, createUser,
} from "@/prisma/factories";

vi.mock("@/lib/server/auth/viewer", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/auth/viewer")>()),
  getViewer: vi.fn(),
}));
// The Swedish catalog itself, so the messages asserted are the ones users read.
vi.mock("next-intl/server", () => ({
  getTranslations: async () => createTranslator({ locale: "sv", messages: MESSAGES.sv }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
const callAs = (viewer: Viewer) => vi.mocked(getViewer).mockResolvedValue(viewer);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

const SV = {
  tooLong: "Texten är för lång.",
  invalidChoice: "Välj ett av alternativen.",
  levelUnknown: "Välj en av planens tre nivåer: generell, specifik eller individinriktad.",
  measureEndBeforeStart: "Slutdatumet kan inte ligga före startdatumet.",
  foreignDivision: "Du kan bara hantera insatser i din egen division.",
  cycleEndBeforeStart: "Periodens slut kan inte ligga före dess början.",
  dueBeforeStart: "Sista dag kan inte ligga före periodens början.",
  notFound: "Posten finns inte, eller så har du inte tillgång till den.",
  forbidden: "Din roll får inte göra detta.",
  pin: "Texten innehåller något som ser ut som ett personnummer. Beskriv miljöer och aktiviteter, inte personer – oro för en enskild person lämnas till socialtjänsten eller polisen.",
  email: "Texten innehåller en e-postadress. Beskriv miljöer och aktiviteter, inte personer – oro för en enskild person lämnas till socialtjänsten eller polisen.",
  phone: "Texten innehåller ett telefonnummer. Beskriv miljöer och aktiviteter, inte personer – oro för en enskild person lämnas till socialtjänsten eller polisen.",
  cycleClosed: "Omgången är stängd. Uppföljningen kan inte längre ändras eller granskas.",
  closeUnapproved: "Alla uppföljningar i omgången är inte godkända. Bekräfta att du vill stänga den ändå.",
};
// A checksum-valid personal identity number (Skatteverket's test number), an e-mail address, a mobile number.
const PIN = "Gäller eleven 19121212-1212 i årskurs 8.";
const EMAIL = "Kontakt via kalle.andersson@example.se.";
const PHONE = "Ring vårdnadshavaren på 070-123 45 67.";

let buk: string;
let dso: string;
let coordinator: Viewer;
let bukHead: Viewer;
let dsoHead: Viewer;

beforeAll(async () => {
  buk = (await createDivision(ownerDb(), { name: "Barn och utbildning (indata)" })).id;
  dso = (await createDivision(ownerDb(), { name: "Social omsorg (indata)" })).id;
  coordinator = as("COORDINATOR", [], (await createUser(ownerDb(), { role: "COORDINATOR" })).id);
  bukHead = as("DIVISION_HEAD", [buk], (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [buk] })).id);
  dsoHead = as("DIVISION_HEAD", [dso], (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [dso] })).id);
});

/** Runs `act` and asserts that no table it could touch changed and no audit event was written. */
async function savesNothing(act: () => Promise<unknown>) {
  const counts = async () => Promise.all([
    ownerDb().measure.count(), ownerDb().followUpCycle.count(), ownerDb().followUp.count(), ownerDb().measureFinding.count(), ownerDb().auditEvent.count({ where: { action: { not: { startsWith: "access." } } } }),
  ]);
  const before = await counts();
  await act();
  expect(await counts()).toEqual(before);
}

describe("measures: bad input gets a Swedish message and saves nothing", () => {
  const valid = () => ({
    title: "Värdegrundsarbete i skolan", ownerDivisionId: buk, level: "GENERAL", status: "PLANNED", targetGroup: "Elever i årskurs 7–9",
    description: "Samtal om demokrati och källkritik i alla klasser.", resources: "Två lärare, 20 timmar per termin.",
    genderPerspective: "Flickor och pojkar nås lika.", startDate: "2027-01-01", endDate: "2027-06-30", nextReviewDate: "2027-03-01",
  });
  const refusals: [string, Record<string, unknown>, string, string][] = [
    ["an unknown level", { level: "NATIONELL" }, "level", SV.levelUnknown],
    ["an end before the start", { startDate: "2027-06-01", endDate: "2027-01-01" }, "endDate", SV.measureEndBeforeStart],
    ["a foreign division", { ownerDivisionId: "dso" }, "ownerDivisionId", SV.foreignDivision],
    ["an unknown investigation status", { isSpecial: true, investigationStatus: "KLAR" }, "investigationStatus", SV.invalidChoice],
    ["a plan section that is no id", { planSectionId: "avsnitt-1" }, "planSectionId", SV.invalidChoice],
    ["an impossible end date", { endDate: "2027-02-30" }, "endDate", "Ange ett giltigt datum."],
    ["an over-long title", { title: "x".repeat(201) }, "title", SV.tooLong],
    ["an over-long description", { description: "x".repeat(5001) }, "description", SV.tooLong],
    ["an over-long target group", { targetGroup: "x".repeat(201) }, "targetGroup", SV.tooLong],
    ["a personal identity number in the description", { description: PIN }, "description", SV.pin],
    ["an e-mail address in the target group", { targetGroup: EMAIL }, "targetGroup", SV.email],
    ["a phone number in the resources", { resources: PHONE }, "resources", SV.phone],
    ["a phone number in the gender perspective", { genderPerspective: PHONE }, "genderPerspective", SV.phone],
    ["a personal identity number in the title", { title: "Stöd till 19121212-1212" }, "title", SV.pin],
  ];
  for (const [what, change, field, message] of refusals) {
    it(`refuses ${what} on creating`, async () => {
      callAs(bukHead);
      const input = { ...valid(), ...change } as Record<string, unknown>;
      if (input.ownerDivisionId === "dso") input.ownerDivisionId = dso;
      await savesNothing(async () => {
        const result = await createMeasureAction(undefined, input as never);
        expect(result.ok).toBe(false);
        expect(result.ok ? null : result.fieldErrors?.[field]).toEqual([message]);
      });
    });
  }

  it("refuses the same on editing, leaving the measure as it was", async () => {
    const measure = await createMeasure(ownerDb(), { ownerDivisionId: buk, title: "Före", description: "Oförändrad" });
    callAs(bukHead);
    for (const [, change, field, message] of refusals) {
      const input = { ...valid(), ...change, id: measure.id, version: measure.version } as Record<string, unknown>;
      if (input.ownerDivisionId === "dso") input.ownerDivisionId = dso;
      await savesNothing(async () => {
        const result = await updateMeasureAction(undefined, input as never);
        expect(result.ok ? null : result.fieldErrors?.[field], field).toEqual([message]);
      });
    }
    expect(await ownerDb().measure.findUniqueOrThrow({ where: { id: measure.id } })).toMatchObject({ title: "Före", description: "Oförändrad", version: measure.version, ownerDivisionId: buk });
  });

  it("refuses another division's head the measure itself, like a missing one", async () => {
    const measure = await createMeasure(ownerDb(), { ownerDivisionId: buk, title: "BUK:s insats" });
    callAs(dsoHead);
    await savesNothing(async () => {
      expect(await updateMeasureAction(undefined, { ...valid(), ownerDivisionId: dso, id: measure.id, version: measure.version } as never))
        .toEqual({ ok: false, formError: SV.notFound });
    });
    expect((await ownerDb().measure.findUniqueOrThrow({ where: { id: measure.id } })).title).toBe("BUK:s insats");
  });

  it("refuses personal data in a finding's note", async () => {
    const measure = await createMeasure(ownerDb(), { ownerDivisionId: buk });
    const report = await createSituationReport(ownerDb());
    callAs(coordinator);
    await savesNothing(async () => {
      const result = await linkFindingAction(undefined, { measureId: measure.id, reportId: report.id, sectionId: "", note: EMAIL });
      expect(result.ok ? null : result.fieldErrors?.note).toEqual([SV.email]);
    });
  });

  it("saves the valid measure, audited", async () => {
    callAs(bukHead);
    const audit = await ownerDb().auditEvent.count({ where: { action: "measure.create" } });
    expect(await createMeasureAction(undefined, valid() as never)).toMatchObject({ ok: true });
    expect(await ownerDb().measure.count({ where: { ownerDivisionId: buk, title: "Värdegrundsarbete i skolan" } })).toBe(1);
    expect(await ownerDb().auditEvent.count({ where: { action: "measure.create" } })).toBe(audit + 1);
  });
});

describe("follow-up actions: bad input gets a Swedish message and saves nothing", () => {
  let cycleId: string;
  let followUpId: string;
  let lineIds: string[];

  beforeAll(async () => {
    const cycle = await createFollowUpCycle(ownerDb(), { title: "VT indata", dueDate: day("2027-06-15"), periodStart: day("2027-01-01"), periodEnd: day("2027-06-30"), status: "OPEN" });
    cycleId = cycle.id;
    const followUp = await createFollowUp(ownerDb(), { cycleId, divisionId: buk });
    followUpId = followUp.id;
    const measure = await createMeasure(ownerDb(), { ownerDivisionId: buk, status: "ONGOING" });
    lineIds = [(await createFollowUpItem(ownerDb(), { followUpId, measureId: measure.id, comment: "Rad" })).id];
  });

  const cycleInput = { title: "HT indata", periodStart: "2027-07-01", periodEnd: "2027-12-31", dueDate: "2027-12-15" };
  const cycleRefusals: [string, Record<string, unknown>, string, string][] = [
    ["an end before the start", { periodStart: "2027-12-31", periodEnd: "2027-07-01" }, "periodEnd", SV.cycleEndBeforeStart],
    ["a due date before the period", { dueDate: "2027-01-01" }, "dueDate", SV.dueBeforeStart],
    ["an over-long name", { title: "x".repeat(101) }, "title", SV.tooLong],
    ["an impossible date", { dueDate: "2027-02-30" }, "dueDate", "Ange ett giltigt datum."],
  ];
  for (const [what, change, field, message] of cycleRefusals) {
    it(`opening a cycle: refuses ${what}`, async () => {
      callAs(coordinator);
      await savesNothing(async () => {
        const result = await openCycleAction(undefined, { ...cycleInput, ...change } as never);
        expect(result.ok ? null : result.fieldErrors?.[field]).toEqual([message]);
      });
    });
  }

  const fill = (over: Record<string, unknown> = {}, line: Record<string, unknown> = {}) => ({
    id: followUpId, version: 1, assessment: "ON_TRACK", comment: "Arbetet går enligt plan.", genderPerspective: "Fler pojkar än flickor nås.",
    items: lineIds.map((id) => ({ id, reportedStatus: "ONGOING", assessment: "ON_TRACK", comment: "Enligt plan.", ...line })),
    submit: true, ...over,
  });
  const saveRefusals: [string, Record<string, unknown>, Record<string, unknown>, string, string][] = [
    ["an unknown assessment level", { assessment: "UTMÄRKT" }, {}, "assessment", SV.invalidChoice],
    ["an unknown assessment level on a line", {}, { assessment: "UTMÄRKT" }, "items.0.assessment", SV.invalidChoice],
    ["a status from another kind's vocabulary", {}, { reportedStatus: "MET" }, "items.0.reportedStatus", SV.invalidChoice],
    ["a status that is no status at all", {}, { reportedStatus: "på gång" }, "items.0.reportedStatus", SV.invalidChoice],
    ["an over-long comment", { comment: "x".repeat(5001) }, {}, "comment", SV.tooLong],
    ["an over-long line comment", {}, { comment: "x".repeat(2001) }, "items.0.comment", SV.tooLong],
    ["a phone number in the comment", { comment: PHONE }, {}, "comment", SV.phone],
    ["a personal identity number in a line comment", {}, { comment: PIN }, "items.0.comment", SV.pin],
    ["an e-mail address in the gender perspective", { genderPerspective: EMAIL }, {}, "genderPerspective", SV.email],
  ];
  for (const [what, over, line, field, message] of saveRefusals) {
    it(`filling in: refuses ${what}, leaving the follow-up untouched`, async () => {
      callAs(bukHead);
      await savesNothing(async () => {
        const result = await saveFollowUpAction(undefined, fill(over, line) as never);
        expect(result.ok ? null : result.fieldErrors?.[field]).toEqual([message]);
      });
      expect(await ownerDb().followUp.findUniqueOrThrow({ where: { id: followUpId } })).toMatchObject({ status: "NOT_STARTED", version: 1, comment: "" });
      expect((await ownerDb().followUpItem.findUniqueOrThrow({ where: { id: lineIds[0]! } })).comment).toBe("Rad");
    });
  }

  it("filling in: refuses another division's head (a foreign division) like a missing follow-up", async () => {
    callAs(dsoHead);
    await savesNothing(async () => {
      expect(await saveFollowUpAction(undefined, fill() as never)).toEqual({ ok: false, formError: SV.notFound });
    });
    expect((await ownerDb().followUp.findUniqueOrThrow({ where: { id: followUpId } })).status).toBe("NOT_STARTED");
  });

  it("reviewing: refuses personal data and over-long text in the comment to the division", async () => {
    callAs(bukHead);
    expect(await saveFollowUpAction(undefined, fill() as never)).toMatchObject({ ok: true });
    callAs(coordinator);
    for (const [reviewComment, message] of [[PHONE, SV.phone], ["x".repeat(3001), SV.tooLong]] as const) {
      await savesNothing(async () => {
        const result = await reviewFollowUpAction(undefined, { id: followUpId, version: 2, decision: "return", reviewComment });
        expect(result.ok ? null : result.fieldErrors?.reviewComment).toEqual([message]);
      });
    }
    callAs(coordinator);
    expect(await reviewFollowUpAction(undefined, { id: followUpId, version: 2, decision: "approve", reviewComment: "" })).toMatchObject({ ok: true });
    expect((await ownerDb().followUp.findUniqueOrThrow({ where: { id: followUpId } })).status).toBe("REVIEWED");
  });
});

describe("closing a follow-up cycle", () => {
  it("closes a fully approved cycle at once, audited; it leaves the open cycles", async () => {
    const cycle = await createFollowUpCycle(ownerDb(), { title: "Allt godkänt", status: "OPEN" });
    await createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: buk, status: "REVIEWED" });
    await createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: dso, status: "REVIEWED" });
    callAs(coordinator);
    expect(await closeCycleAction(undefined, { id: cycle.id, version: cycle.version })).toEqual({ ok: true, data: { unapproved: 0 } });
    expect(await ownerDb().followUpCycle.findUniqueOrThrow({ where: { id: cycle.id } })).toMatchObject({ status: "CLOSED", version: cycle.version + 1 });
    const audit = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "followUpCycle.close", entityId: cycle.id } });
    expect(audit.details).toMatchObject({ followUps: 2, unapproved: 0 });
    expect((await listCycles(coordinator, day("2027-01-01"))).find((c) => c.id === cycle.id)?.status).toBe("CLOSED");
  });

  it("asks for confirmation while follow-ups are not approved; confirmed, freezes them and they stop counting as overdue", async () => {
    const cycle = await createFollowUpCycle(ownerDb(), { title: "Halvvägs", status: "OPEN", dueDate: day("2026-01-15"), periodStart: day("2025-07-01"), periodEnd: day("2025-12-31") });
    const open = await createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: buk, status: "DRAFT" });
    const submitted = await createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: dso, status: "SUBMITTED" });
    const today = day("2026-02-01");
    expect((await listFollowUps(coordinator, { cycle: cycle.id, page: 1 }, today)).figures.overdue).toBe(1);

    // A division head may not close; without confirmation nothing changes.
    callAs(bukHead);
    await savesNothing(async () => {
      expect(await closeCycleAction(undefined, { id: cycle.id, version: cycle.version, confirmed: true })).toEqual({ ok: false, formError: SV.forbidden });
    });
    callAs(coordinator);
    await savesNothing(async () => {
      expect(await closeCycleAction(undefined, { id: cycle.id, version: cycle.version })).toEqual({ ok: false, formError: SV.closeUnapproved });
    });
    expect((await ownerDb().followUpCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("OPEN");

    expect(await closeCycleAction(undefined, { id: cycle.id, version: cycle.version, confirmed: true })).toEqual({ ok: true, data: { unapproved: 2 } });
    expect((await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "followUpCycle.close", entityId: cycle.id } })).details).toMatchObject({ followUps: 2, unapproved: 2 });
    const figures = (await listFollowUps(coordinator, { cycle: cycle.id, page: 1 }, today)).figures;
    expect(figures).toMatchObject({ total: 2, overdue: 0 });

    // Frozen: the division cannot fill in, the coordinator cannot review, and it closes once.
    callAs(bukHead);
    expect(await saveFollowUpAction(undefined, { id: open.id, version: open.version, comment: "Sent" } as never)).toEqual({ ok: false, formError: SV.cycleClosed });
    callAs(coordinator);
    expect(await reviewFollowUpAction(undefined, { id: submitted.id, version: submitted.version, decision: "approve", reviewComment: "" })).toEqual({ ok: false, formError: SV.cycleClosed });
    expect(await closeCycleAction(undefined, { id: cycle.id, version: cycle.version + 1, confirmed: true })).toEqual({ ok: false, formError: SV.cycleClosed });
    expect((await ownerDb().followUp.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("DRAFT");
    expect((await ownerDb().followUp.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("SUBMITTED");
  });

  it("refuses a stale close", async () => {
    const cycle = await createFollowUpCycle(ownerDb(), { title: "Gammal version", status: "OPEN" });
    callAs(coordinator);
    expect(await closeCycleAction(undefined, { id: cycle.id, version: cycle.version + 5, confirmed: true })).toMatchObject({ ok: false, formError: expect.stringContaining("Någon annan har ändrat") });
    expect((await ownerDb().followUpCycle.findUniqueOrThrow({ where: { id: cycle.id } })).status).toBe("OPEN");
  });
});
