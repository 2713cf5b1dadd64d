// Issue 9 against real PostgreSQL: the overdue rule with an injected "today", concurrent edits
// of an action item, the network's meetings (minutes, attendance, decisions, cancel), the
// .ics invitation in Stockholm time, the partner register's freshness, audited exports, and
// who may do what through the use cases themselves.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, DomainRuleError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { actionItemListSchema, partnerListSchema } from "@/lib/schemas/network";
import { countOverdueActionItems, listActionItems, listMyOpenActionItems } from "@/lib/server/network/list-action-items";
import { createActionItem } from "@/lib/server/network/create-action-item";
import { editActionItem, reportActionItemProgress } from "@/lib/server/network/edit-action-item";
import { getActionItem } from "@/lib/server/network/get-action-item";
import { exportActionItems } from "@/lib/server/network/export-action-items";
import { planMeeting } from "@/lib/server/network/plan-meeting";
import { recordMeeting } from "@/lib/server/network/record-meeting";
import { cancelMeeting } from "@/lib/server/network/cancel-meeting";
import { getMeeting } from "@/lib/server/network/get-meeting";
import { getMeetingInvitation } from "@/lib/server/network/meeting-invitation";
import { inviteMembersByEmail } from "@/lib/server/network/invite-members-by-email";
import { addNetworkMember } from "@/lib/server/network/add-member";
import { removeNetworkMember } from "@/lib/server/network/remove-member";
import { getRoster } from "@/lib/server/network/roster";
import { createPartner } from "@/lib/server/partners/create-partner";
import { addPartnerContact, verifyPartnerContact } from "@/lib/server/partners/partner-contacts";
import { exportPartners, listPartners } from "@/lib/server/partners/list-partners";
import { parseDateOnly } from "@/lib/network/stockholm-time";
import { createActionItem as makeItem, createDivision, createNetworkMeeting, createNetworkMembership, createUser } from "@/prisma/factories";

const as = (role: Viewer["role"], divisionIds: string[], id: string): Viewer => ({ id, role, divisionIds, name: "T", email: `${id}@test.example` });
const day = (iso: string) => parseDateOnly(iso)!;
const TODAY = day("2026-03-10");

let buk: string;
let dso: string;
let coordinator: Viewer;
let bukMember: Viewer;
let dsoMember: Viewer;
let head: Viewer;

beforeAll(async () => {
  buk = (await createDivision(ownerDb())).id;
  dso = (await createDivision(ownerDb())).id;
  coordinator = as("COORDINATOR", [], (await createUser(ownerDb(), { role: "COORDINATOR" })).id);
  bukMember = as("NETWORK_MEMBER", [buk], (await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [buk] })).id);
  dsoMember = as("NETWORK_MEMBER", [dso], (await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [dso] })).id);
  head = as("DIVISION_HEAD", [buk], (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [buk] })).id);
  await createNetworkMembership(ownerDb(), { userId: bukMember.id, divisionId: buk, responsibilities: ["KNOWLEDGE_GATHERING"] });
  await createNetworkMembership(ownerDb(), { userId: dsoMember.id, divisionId: dso, responsibilities: ["INFORMATION_SHARING"] });
});

describe("the overdue rule, with today injected", () => {
  it("counts open and in-progress items past their due date, not done or cancelled ones, not those due today", async () => {
    const division = (await createDivision(ownerDb())).id;
    const owner = await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [division] });
    const viewer = as("NETWORK_MEMBER", [division], owner.id);
    const item = (dueDate: string, status: "OPEN" | "IN_PROGRESS" | "DONE" | "CANCELLED") =>
      makeItem(ownerDb(), { ownerId: owner.id, divisionId: division, dueDate: day(dueDate), status });
    await item("2026-03-09", "OPEN"); // overdue
    await item("2026-02-01", "IN_PROGRESS"); // overdue
    await item("2026-03-09", "DONE");
    await item("2026-03-01", "CANCELLED");
    await item("2026-03-10", "OPEN"); // due today: not yet
    await item("2026-04-01", "OPEN");

    expect(await countOverdueActionItems(viewer, TODAY)).toBe(2);
    expect(await countOverdueActionItems(viewer, day("2026-03-11"))).toBe(3);
    expect(await countOverdueActionItems(viewer, day("2026-01-01"))).toBe(0);
    expect(await countOverdueActionItems(viewer, day("2026-04-02"))).toBe(4);

    const list = await listActionItems(viewer, actionItemListSchema.parse({ overdue: "1" }), TODAY);
    expect(list.total).toBe(2);
    expect(list.rows.every((r) => r.overdue)).toBe(true);
    const all = await listActionItems(viewer, actionItemListSchema.parse({}), TODAY);
    expect(all.rows.filter((r) => r.overdue)).toHaveLength(2);
    expect(all.overdueCount).toBe(2);
  });

  it("drops an item from the coordinator's count once its owner marks it done", async () => {
    const before = await countOverdueActionItems(coordinator, TODAY);
    const item = await makeItem(ownerDb(), { ownerId: bukMember.id, divisionId: buk, dueDate: day("2026-03-01") });
    expect(await countOverdueActionItems(coordinator, TODAY)).toBe(before + 1);
    expect((await listMyOpenActionItems(bukMember, TODAY)).find((i) => i.id === item.id)).toMatchObject({ overdue: true });
    await reportActionItemProgress(bukMember, { id: item.id, version: 1, status: "DONE", comment: "Klart." });
    expect(await countOverdueActionItems(coordinator, TODAY)).toBe(before);
    expect((await listMyOpenActionItems(bukMember, TODAY)).find((i) => i.id === item.id)).toBeUndefined();
    const done = await ownerDb().actionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(done.completedAt).not.toBeNull();
  });
});

describe("concurrent edits of an action item", () => {
  it("lets exactly one of two saves of the same version through; the other is refused as stale and changes nothing", async () => {
    const item = await makeItem(ownerDb(), { ownerId: bukMember.id, divisionId: buk, dueDate: day("2026-05-01") });
    const outcomes = await Promise.allSettled([
      reportActionItemProgress(bukMember, { id: item.id, version: 1, status: "IN_PROGRESS", comment: "Från medlemmen" }),
      editActionItem(coordinator, {
        id: item.id, version: 1, title: "Ny rubrik", description: "", ownerId: bukMember.id, divisionId: buk,
        dueDate: "2026-06-01", status: "OPEN", comment: "Från samordnaren",
      }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(StaleEditError);
    const after = await ownerDb().actionItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(after.version).toBe(2);
    expect(["Från medlemmen", "Från samordnaren"]).toContain(after.comment);
    // One change, one audit event: the refused save left no trace of a change.
    const events = await ownerDb().auditEvent.count({ where: { entityId: item.id, action: { in: ["actionItem.progress", "actionItem.update"] } } });
    expect(events).toBe(1);
  });

  it("refuses a save based on an old version after the fact", async () => {
    const item = await makeItem(ownerDb(), { ownerId: bukMember.id, divisionId: buk });
    await reportActionItemProgress(bukMember, { id: item.id, version: 1, status: "IN_PROGRESS", comment: "" });
    await expect(reportActionItemProgress(bukMember, { id: item.id, version: 1, status: "DONE", comment: "" })).rejects.toBeInstanceOf(StaleEditError);
    expect((await ownerDb().actionItem.findUniqueOrThrow({ where: { id: item.id } })).status).toBe("IN_PROGRESS");
  });
});

describe("action items across divisions", () => {
  it("shows a network meeting's items to every member, but only the item's own division may report on it", async () => {
    const meeting = await createNetworkMeeting(ownerDb());
    const item = await makeItem(ownerDb(), { ownerId: bukMember.id, divisionId: buk, meetingId: meeting.id });
    const seen = await getActionItem(dsoMember, item.id, TODAY);
    expect(seen.canReport).toBe(false);
    await expect(reportActionItemProgress(dsoMember, { id: item.id, version: 1, status: "DONE", comment: "" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getActionItem(bukMember, item.id, TODAY)).canReport).toBe(true);
  });

  it("hides another division's item that no meeting made, like a missing one", async () => {
    const item = await makeItem(ownerDb(), { ownerId: bukMember.id, divisionId: buk });
    await expect(getActionItem(dsoMember, item.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getActionItem(as("DIVISION_HEAD", [dso], head.id), item.id, TODAY)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getActionItem(head, item.id, TODAY)).canReport).toBe(false);
  });

  it("refuses an owner who is not in the network, or a division the owner does not represent", async () => {
    await expect(createActionItem(coordinator, { title: "X", description: "", comment: "", ownerId: head.id, divisionId: buk, dueDate: "2026-04-01", meetingId: null, decisionId: null }))
      .rejects.toMatchObject({ messageKey: "network.errors.ownerNotMember" });
    await expect(createActionItem(coordinator, { title: "X", description: "", comment: "", ownerId: bukMember.id, divisionId: dso, dueDate: "2026-04-01", meetingId: null, decisionId: null }))
      .rejects.toBeInstanceOf(DomainRuleError);
    expect(await ownerDb().actionItem.count({ where: { title: "X" } })).toBe(0);
  });
});

describe("meetings", () => {
  it("plans, records minutes, attendance and numbered decisions, turns a decision into an item, and keeps decision ids on a correction", async () => {
    const { id } = await planMeeting(coordinator, { title: "Vintermöte", scheduledAt: "2026-12-01T09:00", durationMinutes: 90, location: "Stadshuset", videoUrl: "", agenda: "1. Lägesbild" });
    const planned = await getMeeting(bukMember, id);
    expect(planned.scheduledAt.toISOString()).toBe("2026-12-01T08:00:00.000Z"); // 09:00 in Stockholm (CET)
    await recordMeeting(coordinator, {
      id, version: 1, minutes: "Protokoll.",
      attendance: [{ userId: bukMember.id, present: true }, { userId: dsoMember.id, present: false }],
      decisions: "Första beslutet\n\nAndra beslutet\n",
    });
    const held = await getMeeting(coordinator, id);
    expect(held.status).toBe("HELD");
    expect(held.decisions.map((d) => [d.number, d.text])).toEqual([[1, "Första beslutet"], [2, "Andra beslutet"]]);
    expect(held.attendance.filter((a) => a.present !== null).map((a) => [a.userId, a.present]).sort())
      .toEqual([[bukMember.id, true], [dsoMember.id, false]].sort());

    const decision = held.decisions[1]!;
    const item = await createActionItem(coordinator, { title: decision.text, description: "", comment: "", ownerId: bukMember.id, divisionId: buk, dueDate: "2026-12-20", meetingId: null, decisionId: decision.id });
    expect(await ownerDb().actionItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ meetingId: id, decisionId: decision.id });

    await recordMeeting(coordinator, { id, version: 2, minutes: "Rättat protokoll.", attendance: [{ userId: bukMember.id, present: true }], decisions: "Första beslutet\nAndra beslutet, rättat" });
    const corrected = await getMeeting(coordinator, id);
    expect(corrected.decisions[1]).toMatchObject({ id: decision.id, text: "Andra beslutet, rättat", actionItems: 1 });
    expect(corrected.attendance.find((a) => a.userId === dsoMember.id)?.present).toBeNull(); // back to "not recorded"
    await expect(recordMeeting(coordinator, { id, version: 2, minutes: "Gammal", attendance: [], decisions: "" })).rejects.toBeInstanceOf(StaleEditError);
  });

  it("cancels only a planned meeting, with its reason, and refuses to record a cancelled one", async () => {
    const { id } = await planMeeting(coordinator, { title: "Inställt", scheduledAt: "2026-11-30T13:00", durationMinutes: 60, location: "", videoUrl: "https://teams.example/m/1", agenda: "" });
    await cancelMeeting(coordinator, { id, version: 1, reason: "Krockar med budgetmötet" });
    expect(await getMeeting(bukMember, id)).toMatchObject({ status: "CANCELLED", cancelReason: "Krockar med budgetmötet" });
    await expect(cancelMeeting(coordinator, { id, version: 2, reason: "" })).rejects.toBeInstanceOf(DomainRuleError);
    await expect(recordMeeting(coordinator, { id, version: 2, minutes: "x", attendance: [], decisions: "" })).rejects.toBeInstanceOf(DomainRuleError);
  });

  it("writes the .ics start as Stockholm wall-clock time with its VTIMEZONE, in winter and in summer", async () => {
    for (const [local, stamp] of [["2026-12-01T09:00", "20261201T090000"], ["2026-06-15T14:30", "20260615T143000"]] as const) {
      const { id } = await planMeeting(coordinator, { title: "Kalender", scheduledAt: local, durationMinutes: 60, location: "Stadshuset", videoUrl: "", agenda: "" });
      const invitation = await getMeetingInvitation(bukMember, id);
      const lines = invitation.body.split("\r\n");
      expect(lines).toContain(`DTSTART;TZID=Europe/Stockholm:${stamp}`);
      expect(lines).toContain("BEGIN:VTIMEZONE");
      expect(lines).toContain("TZID:Europe/Stockholm");
      expect(invitation.filename).toMatch(/^natverksmote-\d{4}-\d{2}-\d{2}\.ics$/);
      expect(await ownerDb().auditEvent.count({ where: { action: "networkMeeting.invitation", entityId: id, actorId: bukMember.id } })).toBe(1);
    }
  });

  it("makes the coordinator the organizer of the invitation; a member who downloads it gets an entry for their own calendar", async () => {
    const { id } = await planMeeting(coordinator, { title: "Arrangör", scheduledAt: "2026-12-03T09:00", durationMinutes: 60, location: "Stadshuset", videoUrl: "", agenda: "" });
    const sent = (await getMeetingInvitation(coordinator, id)).body.split("\r\n");
    expect(sent).toContain("METHOD:REQUEST");
    expect(sent.find((l) => l.startsWith("ORGANIZER"))).toContain(coordinator.email);
    expect(sent.some((l) => l.startsWith("ATTENDEE"))).toBe(true);
    const own = (await getMeetingInvitation(bukMember, id)).body.split("\r\n");
    expect(own).toContain("METHOD:PUBLISH");
    expect(own.some((l) => l.startsWith("ORGANIZER") || l.startsWith("ATTENDEE"))).toBe(false);
    expect(own.join("\n")).not.toContain(bukMember.email);
  });

  it("lets only the coordinator send the invitation by e-mail, and only for a planned meeting (the mail itself: meeting-invitations-email.test.ts)", async () => {
    const { id } = await planMeeting(coordinator, { title: "E-post", scheduledAt: "2026-12-02T10:00", durationMinutes: 60, location: "Rum 1", videoUrl: "", agenda: "" });
    for (const viewer of [bukMember, head]) {
      await expect(inviteMembersByEmail(viewer, { id, invitationsSent: 0 })).rejects.toBeInstanceOf(AccessDeniedError);
    }
    expect(await ownerDb().networkMeeting.findUniqueOrThrow({ where: { id } })).toMatchObject({ invitationsSent: 0, invitationsSentAt: null });
    await cancelMeeting(coordinator, { id, version: 1, reason: "" });
    await expect(inviteMembersByEmail(coordinator, { id, invitationsSent: 0 })).rejects.toBeInstanceOf(DomainRuleError);
  });
});

describe("the roster", () => {
  it("shows who carries each responsibility and which one nobody carries; remove and re-add", async () => {
    const division = (await createDivision(ownerDb())).id;
    const user = await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [division] });
    const { id } = await addNetworkMember(coordinator, { userId: user.id, divisionId: division, responsibilities: ["COMPETENCE_DEVELOPMENT"] });
    let roster = await getRoster(dsoMember);
    expect(roster.coverage.find((c) => c.responsibility === "COMPETENCE_DEVELOPMENT")?.members.length).toBeGreaterThan(0);
    const withoutScanning = roster.gaps.includes("ENVIRONMENT_SCANNING");
    expect(withoutScanning).toBe(!roster.members.some((m) => m.responsibilities.includes("ENVIRONMENT_SCANNING")));
    await removeNetworkMember(coordinator, { id, version: 1 });
    roster = await getRoster(coordinator);
    expect(roster.members.find((m) => m.id === id)).toBeUndefined();
    await addNetworkMember(coordinator, { userId: user.id, divisionId: division, responsibilities: ["ENVIRONMENT_SCANNING"] });
    expect((await getRoster(coordinator)).members.find((m) => m.id === id)?.responsibilities).toEqual(["ENVIRONMENT_SCANNING"]);
    expect((await getRoster(coordinator)).gaps).not.toContain("ENVIRONMENT_SCANNING");
  });

  it("refuses a user of another role or outside the division", async () => {
    await expect(addNetworkMember(coordinator, { userId: head.id, divisionId: buk, responsibilities: ["KNOWLEDGE_GATHERING"] })).rejects.toMatchObject({ messageKey: "network.errors.memberNotEligible" });
    await expect(addNetworkMember(coordinator, { userId: bukMember.id, divisionId: dso, responsibilities: ["KNOWLEDGE_GATHERING"] })).rejects.toMatchObject({ messageKey: "network.errors.memberNotInDivision" });
  });
});

describe("partners", () => {
  it("flags contacts never verified or verified longer ago than the review interval, and verifying clears it", async () => {
    const { id } = await createPartner(coordinator, { name: `Polisen ${Date.now()}`, kind: "EXTERNAL", category: "POLICE", description: "Kommunpolis" });
    await addPartnerContact(coordinator, { partnerId: id, name: "Kommunpolisen", title: "Kommunpolis", email: "kommunpolis@polisen.example", phone: "114 14", lastVerifiedAt: "2025-01-10" });
    const list = await listPartners(head, partnerListSchema.parse({ stale: "1" }), TODAY);
    const row = list.rows.find((p) => p.id === id)!;
    expect(row.needsReview).toBe(true);
    const contact = row.contacts[0]!;
    await verifyPartnerContact(coordinator, { id: contact.id, version: contact.version }, new Date("2026-03-09T10:00:00Z"));
    const fresh = (await listPartners(bukMember, partnerListSchema.parse({}), TODAY)).rows.find((p) => p.id === id)!;
    expect(fresh.needsReview).toBe(false);
    expect((await listPartners(head, partnerListSchema.parse({ stale: "1" }), TODAY)).rows.find((p) => p.id === id)).toBeUndefined();
  });

  it("refuses a duplicate name", async () => {
    const name = `Säkerhetsgruppen ${Date.now()}`;
    await createPartner(coordinator, { name, kind: "INTERNAL_FORUM", category: "MUNICIPAL_FORUM", description: "" });
    await expect(createPartner(coordinator, { name: name.toUpperCase(), kind: "INTERNAL_FORUM", category: "MUNICIPAL_FORUM", description: "" }))
      .rejects.toMatchObject({ messageKey: "network.errors.partnerNameTaken" });
  });
});

describe("exports", () => {
  it("audits an export of action items and partners, with the format and row count", async () => {
    const items = await exportActionItems(coordinator, actionItemListSchema.parse({}), TODAY, "xlsx");
    const event = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "actionItem.export", actorId: coordinator.id }, orderBy: { id: "desc" } });
    expect(event.details).toMatchObject({ format: "xlsx", rows: items.length });
    const partners = await exportPartners(coordinator, partnerListSchema.parse({}), TODAY, "csv");
    const partnerEvent = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "partner.export", actorId: coordinator.id }, orderBy: { id: "desc" } });
    expect(partnerEvent.details).toMatchObject({ format: "csv", rows: partners.length });
  });

  it("lets no member or division head export", async () => {
    await expect(exportActionItems(bukMember, actionItemListSchema.parse({}), TODAY, "csv")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(exportPartners(head, partnerListSchema.parse({}), TODAY, "csv")).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
