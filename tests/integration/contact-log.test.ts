// The anonymous contact log (issue 8 point 7): a division's rows, scoped like its situation
// entries; the note passes the personal-data guard; edits are versioned; every change is
// audited without the note's text.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, NotFoundError, StaleEditError } from "@/lib/server/errors";
import { contactFilterSchema, contactSchema, deleteContactSchema } from "@/lib/schemas/contact-log";
import { contactDivisionOptions, deleteContact, getContact, listContacts, saveContact } from "@/lib/server/contact-log/contacts";
import { createDivision, createUser } from "@/prisma/factories";

const as = (role: Viewer["role"], id: string, divisionIds: string[] = []): Viewer => ({ id, role, divisionIds, name: "T", email: "t@test.example" });
let a = "";
let b = "";
let member: Viewer;
let memberB: Viewer;
let head: Viewer;
let coordinator: Viewer;

const contact = (divisionId: string, over: Record<string, unknown> = {}) =>
  contactSchema.parse({
    id: "", expectedVersion: 0, divisionId, contactedOn: "2031-05-04", channel: "PHONE", requester: "RELATIVE",
    environment: "", gender: "FEMALE", ageBand: "AGE_13_17", referral: "SUPPORT_LINE", note: "Oro över filmer som delas i en klass.", ...over,
  });

beforeAll(async () => {
  a = (await createDivision(ownerDb())).id;
  b = (await createDivision(ownerDb())).id;
  member = as("NETWORK_MEMBER", (await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [a] })).id, [a]);
  memberB = as("NETWORK_MEMBER", (await createUser(ownerDb(), { role: "NETWORK_MEMBER", divisionIds: [b] })).id, [b]);
  head = as("DIVISION_HEAD", (await createUser(ownerDb(), { role: "DIVISION_HEAD", divisionIds: [a] })).id, [a]);
  coordinator = as("COORDINATOR", (await createUser(ownerDb(), { role: "COORDINATOR" })).id);
});

describe("the contact log", () => {
  it("records a contact of the member's own division, audited without the note", async () => {
    const { id } = await saveContact(member, contact(a));
    const row = await getContact(member, id);
    expect(row).toMatchObject({ divisionId: a, gender: "FEMALE", ageBand: "AGE_13_17", referral: "SUPPORT_LINE", environment: null, version: 1 });
    const audit = await ownerDb().auditEvent.findFirstOrThrow({ where: { action: "contactLog.create", entityId: id } });
    expect(audit).toMatchObject({ actorId: member.id, divisionId: a });
    expect(JSON.stringify(audit.details)).not.toContain("filmer");
  });

  it("refuses another division's contact: to record, to read, to edit or to delete", async () => {
    await expect(saveContact(member, contact(b))).rejects.toMatchObject({ messageKey: "contactLog.errors.divisionNotOwn", field: "divisionId" });
    const { id } = await saveContact(memberB, contact(b));
    await expect(getContact(member, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveContact(member, contact(a, { id, expectedVersion: 1 }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteContact(head, { id, expectedVersion: 1 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getContact(memberB, id)).divisionId).toBe(b);
  });

  it("lists the viewer's divisions only, newest first, filtered by period and division", async () => {
    await saveContact(member, contact(a, { contactedOn: "2031-06-10", channel: "EMAIL" }));
    const own = await listContacts(member, contactFilterSchema.parse({}));
    expect(own.rows.every((r) => r.divisionId === a)).toBe(true);
    expect(own.rows[0]!.contactedOn.toISOString().slice(0, 10)).toBe("2031-06-10");
    const june = await listContacts(member, contactFilterSchema.parse({ fran: "2031-06-01", till: "2031-06-30" }));
    expect(june.rows.map((r) => r.channel)).toEqual(["EMAIL"]);
    const all = await listContacts(coordinator, contactFilterSchema.parse({}));
    expect(new Set(all.rows.map((r) => r.divisionId))).toEqual(new Set([a, b]));
    // A division filter narrows the scope, never widens it.
    const forged = await listContacts(member, contactFilterSchema.parse({ division: b }));
    expect(forged.total).toBe(0);
    expect((await contactDivisionOptions(member)).map((d) => d.id)).toEqual([a]);
  });

  it("refuses personal data in the note with a Swedish explanation key, never echoing it", () => {
    for (const note of ["Ring 070-123 45 67", "Mejla anna@example.se", "Gäller 19121212-1212"]) {
      const parsed = contactSchema.safeParse({ ...contact(a), note });
      expect(parsed.success, note).toBe(false);
      expect(parsed.error!.issues[0]!.message).toMatch(/^validation\.personalData\./);
      expect(JSON.stringify(parsed.error!.issues)).not.toContain(note.split(" ").at(-1)!);
    }
    expect(contactSchema.safeParse({ ...contact(a), note: "Organisationsnummer 212000-0142, år 2031." }).success).toBe(true);
  });

  it("keeps the first of two concurrent edits and refuses the second", async () => {
    const { id } = await saveContact(member, contact(a));
    await saveContact(member, contact(a, { id, expectedVersion: 1, referral: "POLICE" }));
    await expect(saveContact(head, contact(a, { id, expectedVersion: 1, referral: "SOCIAL_SERVICES" }))).rejects.toBeInstanceOf(StaleEditError);
    expect((await getContact(member, id)).referral).toBe("POLICE");
  });

  it("lets the division head and the coordinator delete, after a confirmation; never a network member", async () => {
    const { id } = await saveContact(member, contact(a));
    expect(deleteContactSchema.safeParse({ id, expectedVersion: 1, confirmed: false }).success).toBe(false);
    await expect(deleteContact(member, { id, expectedVersion: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(deleteContact(head, { id, expectedVersion: 2 })).rejects.toBeInstanceOf(StaleEditError);
    await deleteContact(head, { id, expectedVersion: 1 });
    await expect(getContact(member, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await ownerDb().auditEvent.count({ where: { action: "contactLog.delete", entityId: id, actorId: head.id } })).toBe(1);
  });

  it("is closed to observers and IT administrators", async () => {
    for (const role of ["OBSERVER", "ADMIN"] as const) {
      await expect(listContacts(as(role, coordinator.id), contactFilterSchema.parse({}))).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(saveContact(as(role, coordinator.id, [a]), contact(a))).rejects.toBeInstanceOf(AccessDeniedError);
    }
  });

  it("answers an invalid id like a missing contact", async () => {
    await expect(getContact(member, "not-a-uuid")).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveContact(member, contact(a, { id: crypto.randomUUID(), expectedVersion: 1 }))).rejects.toBeInstanceOf(NotFoundError);
  });
});
