// The reminder rules, pure: which reminders are due on a given day (Stockholm), with which key.
import { describe, expect, it } from "vitest";
import { addDays, dueReminders, stockholmDate, type ReminderInput } from "@/lib/server/notifications/reminders";

const base: ReminderInput = { followUpLeadDays: 7, followUps: [], actionItems: [], entriesAwaitingReview: 0, coordinatorIds: [] };
const followUp = (dueDate: string, headIds = ["head"]) => ({ id: "f1", cycleTitle: "VT 2027", dueDate, divisionName: "BUK", headIds });
const item = (dueDate: string) => ({ id: "a1", title: "Rutin", dueDate, ownerId: "owner" });

describe("stockholmDate", () => {
  it("counts days in Stockholm, not UTC", () => {
    expect(stockholmDate(new Date("2026-11-24T23:30:00Z"))).toBe("2026-11-25"); // 00:30 in Stockholm
    expect(stockholmDate(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01"); // summer time
    expect(stockholmDate(new Date("2026-11-25T22:59:00Z"))).toBe("2026-11-25");
  });
  it("adds days across months and years", () => {
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
  });
});

describe("dueReminders", () => {
  const today = "2026-11-25";

  it("reminds a follow-up 7 days ahead, not 8, and as overdue the day after its due date", () => {
    expect(dueReminders({ ...base, followUps: [followUp("2026-12-03")] }, today)).toEqual([]);
    const soon = dueReminders({ ...base, followUps: [followUp("2026-12-02")] }, today);
    expect(soon).toEqual([
      { userIds: ["head"], kind: "followUpDueSoon", params: { cycle: "VT 2027", division: "BUK", dueDate: "2026-12-02" }, link: "/uppfoljning", dedupeKey: "followUp.dueSoon:f1:2026-12-02" },
    ]);
    expect(dueReminders({ ...base, followUps: [followUp(today)] }, today)[0]?.kind).toBe("followUpDueSoon");
    expect(dueReminders({ ...base, followUps: [followUp("2026-11-24")] }, today)[0]).toMatchObject({
      kind: "followUpOverdue", dedupeKey: "followUp.overdue:f1:2026-11-24",
    });
  });

  it("reminds a follow-up as many days ahead as the organisation's lead-time setting says", () => {
    const lead14 = { ...base, followUpLeadDays: 14 };
    expect(dueReminders({ ...lead14, followUps: [followUp("2026-12-10")] }, today)).toEqual([]);
    expect(dueReminders({ ...lead14, followUps: [followUp("2026-12-09")] }, today)[0]).toMatchObject({ kind: "followUpDueSoon", dedupeKey: "followUp.dueSoon:f1:2026-12-09" });
    // Action items keep their week.
    expect(dueReminders({ ...lead14, actionItems: [item("2026-12-09")] }, today)).toEqual([]);
    expect(dueReminders({ ...base, followUpLeadDays: 1, followUps: [followUp("2026-11-27")] }, today)).toEqual([]);
    expect(dueReminders({ ...base, followUpLeadDays: 1, followUps: [followUp("2026-11-26")] }, today)[0]?.kind).toBe("followUpDueSoon");
  });

  it("skips a follow-up whose division has no head to tell", () => {
    expect(dueReminders({ ...base, followUps: [followUp("2026-11-30", [])] }, today)).toEqual([]);
  });

  it("reminds an action item's owner when due and when overdue; a moved due date is a new key", () => {
    expect(dueReminders({ ...base, actionItems: [item("2026-12-10")] }, today)).toEqual([]);
    expect(dueReminders({ ...base, actionItems: [item("2026-11-30")] }, today)[0]).toMatchObject({
      userIds: ["owner"], kind: "actionItemDueSoon", dedupeKey: "actionItem.dueSoon:a1:2026-11-30", link: "/atgarder",
    });
    expect(dueReminders({ ...base, actionItems: [item("2026-11-20")] }, today)[0]).toMatchObject({
      kind: "actionItemOverdue", dedupeKey: "actionItem.overdue:a1:2026-11-20",
    });
  });

  it("tells the coordinators once a day while entries wait for review", () => {
    expect(dueReminders({ ...base, entriesAwaitingReview: 0, coordinatorIds: ["c1"] }, today)).toEqual([]);
    expect(dueReminders({ ...base, entriesAwaitingReview: 3, coordinatorIds: ["c1", "c2"] }, today)).toEqual([
      { userIds: ["c1", "c2"], kind: "entriesAwaitingReview", params: { count: 3 }, link: "/lagesbild?status=SUBMITTED", dedupeKey: "situationEntries.awaitingReview:2026-11-25" },
    ]);
  });
});
