import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError, DomainRuleError, StaleEditError } from "@/lib/server/errors";
import { seedPublicContent } from "@/prisma/seed/public-content";
import { loadPublishedPage } from "@/lib/server/public-content/get-published-page";
import { getDraftForEditing } from "@/lib/server/public-content/get-draft-for-editing";
import { saveDraft } from "@/lib/server/public-content/save-draft";
import { publishDraft } from "@/lib/server/public-content/publish-draft";
import { rollbackToVersion } from "@/lib/server/public-content/rollback-to-version";
import { getEditorOverview } from "@/lib/server/public-content/get-editor-overview";
import { getPreview } from "@/lib/server/public-content/get-preview";
import { markContactVerified } from "@/lib/server/public-content/mark-contact-verified";
import { updateReviewInterval } from "@/lib/server/public-content/update-review-interval";
import { assignContactOwner } from "@/lib/server/public-content/assign-contact-owner";
import { draftSchema, type Draft } from "@/lib/schemas/public-content";
import { createUser } from "@/prisma/factories";

const asViewer = (user: { id: string; name: string; email: string; role: Viewer["role"] }, divisionIds: string[] = []): Viewer => ({
  id: user.id, name: user.name, email: user.email, role: user.role, divisionIds,
});

let coordinator: Viewer;
let divisionHead: Viewer;

const phoneOf = (page: { contacts: { key: string; phone: string }[] } | null, key: string) =>
  page?.contacts.find((c) => c.key === key)?.phone;

async function draftWith(change: (d: Draft) => void): Promise<Draft> {
  const { values } = await getDraftForEditing(coordinator, "sv");
  const draft = draftSchema.parse(values);
  change(draft);
  return draft;
}

beforeAll(async () => {
  // As the seed does: a generous timeout, since a busy machine can take seconds over it.
  await ownerDb().$transaction((tx) => seedPublicContent(tx), { timeout: 120_000, maxWait: 10_000 });
  coordinator = asViewer(await createUser(ownerDb(), { role: "COORDINATOR" }));
  divisionHead = asViewer(await createUser(ownerDb(), { role: "DIVISION_HEAD" }));
});

describe("the public page's versions", () => {
  it("serves the seeded Swedish and English versions with the plan's contacts", async () => {
    const sv = await loadPublishedPage("sv");
    const en = await loadPublishedPage("en");
    expect(sv).toMatchObject({ versionNumber: 1, title: "Stöd till anhöriga" });
    expect(en).toMatchObject({ versionNumber: 1, title: "Support for relatives" });
    expect(phoneOf(sv, "police")).toBe("114 14");
    expect(phoneOf(sv, "emergency")).toBe("112");
    expect(sv!.guide.find((g) => g.urgent)?.contactKey).toBe("emergency");
    expect(en!.contacts.find((c) => c.key === "police")?.name).toBe("The police");
    expect(await loadPublishedPage("de")).toBeNull();
  });

  it("changes a phone number through draft → preview → publish → rollback, each step audited", async () => {
    const saved = await saveDraft(coordinator, await draftWith((d) => {
      d.contacts.find((c) => c.key === "support-line")!.phone = "020-111 222";
    }));
    // A saved draft is visible in the preview, not on the public page.
    expect(phoneOf(await getPreview(coordinator, "sv"), "support-line")).toBe("020-111 222");
    expect(phoneOf(await loadPublishedPage("sv"), "support-line")).toBe("020-100 200");

    const published = await publishDraft(coordinator, { draftId: saved.id, expectedVersion: saved.version });
    expect(published.versionNumber).toBe(2);
    expect(phoneOf(await loadPublishedPage("sv"), "support-line")).toBe("020-111 222");
    // The Swedish version's facts are the contact register's.
    expect((await ownerDb().publicContact.findUnique({ where: { key: "support-line" } }))?.phone).toBe("020-111 222");

    const v1 = await ownerDb().publicContent.findUniqueOrThrow({ where: { locale_versionNumber: { locale: "sv", versionNumber: 1 } } });
    expect(v1.status).toBe("ARCHIVED");
    const rolledBack = await rollbackToVersion(coordinator, { targetId: v1.id, expectedPublishedVersion: 2 });
    expect(rolledBack).toEqual({ locale: "sv", versionNumber: 3, restoredVersionNumber: 1 });
    expect(phoneOf(await loadPublishedPage("sv"), "support-line")).toBe("020-100 200");
    // English was never touched.
    expect((await loadPublishedPage("en"))?.versionNumber).toBe(1);

    const events = await ownerDb().auditEvent.findMany({
      where: { entityType: "PublicContent" },
      orderBy: { id: "asc" },
      select: { action: true, actorId: true, details: true },
    });
    expect(events.map((e) => e.action)).toEqual(["publicContent.draft.create", "publicContent.publish", "publicContent.rollback"]);
    expect(events.every((e) => e.actorId === coordinator.id)).toBe(true);
    expect(events[2]!.details).toMatchObject({ restoredVersionNumber: 1, replacedVersionNumber: 2, versionNumber: 3 });

    const overview = await getEditorOverview(coordinator);
    const sv = overview.locales.find((l) => l.locale === "sv")!;
    expect(sv.published).toMatchObject({ versionNumber: 3, publishedBy: coordinator.name });
    expect(sv.history.map((v) => [v.versionNumber, v.status])).toEqual([[3, "PUBLISHED"], [2, "ARCHIVED"], [1, "ARCHIVED"]]);
  });

  it("refuses a stale edit and a stale rollback, changing nothing", async () => {
    const first = await saveDraft(coordinator, await draftWith((d) => { d.title = "Första utkastet"; }));
    const form = await draftWith((d) => { d.title = "Andra fliken"; });
    await saveDraft(coordinator, form);
    // The same form saved again is based on an older version of the draft.
    await expect(saveDraft(coordinator, form)).rejects.toBeInstanceOf(StaleEditError);
    // A second "new draft" while one exists.
    await expect(saveDraft(coordinator, { ...form, draftId: "", expectedVersion: 0 })).rejects.toBeInstanceOf(StaleEditError);
    await expect(publishDraft(coordinator, { draftId: first.id, expectedVersion: first.version })).rejects.toBeInstanceOf(StaleEditError);
    expect((await getPreview(coordinator, "sv")).title).toBe("Andra fliken");

    const v2 = await ownerDb().publicContent.findUniqueOrThrow({ where: { locale_versionNumber: { locale: "sv", versionNumber: 2 } } });
    await expect(rollbackToVersion(coordinator, { targetId: v2.id, expectedPublishedVersion: 2 })).rejects.toBeInstanceOf(StaleEditError);
    const current = await loadPublishedPage("sv");
    await expect(rollbackToVersion(coordinator, { targetId: current!.id, expectedPublishedVersion: current!.versionNumber }))
      .rejects.toBeInstanceOf(DomainRuleError);
    expect((await loadPublishedPage("sv"))?.versionNumber).toBe(current!.versionNumber);
  });

  it("keeps markup as text: what the coordinator types is stored as typed, never as HTML", async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { values } = await getDraftForEditing(coordinator, "sv");
    const draft = draftSchema.parse({ ...values, intro: hostile });
    await saveDraft(coordinator, draft);
    expect((await getPreview(coordinator, "sv")).intro).toBe(hostile);
  });

  it("refuses a division head every editing use case", async () => {
    const { values } = await getDraftForEditing(coordinator, "en");
    const contact = await ownerDb().publicContact.findFirstOrThrow();
    await expect(getEditorOverview(divisionHead)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getDraftForEditing(divisionHead, "en")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getPreview(divisionHead, "en")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(saveDraft(divisionHead, draftSchema.parse(values))).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(publishDraft(divisionHead, { draftId: contact.id, expectedVersion: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(rollbackToVersion(divisionHead, { targetId: contact.id, expectedPublishedVersion: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(markContactVerified(divisionHead, { contactId: contact.id, expectedVersion: contact.version })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(updateReviewInterval(divisionHead, { months: 3, expectedVersion: 0 })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await ownerDb().publicContent.count({ where: { locale: "en" } })).toBe(1);
  });
});

describe("contact freshness", () => {
  it("shows the plan's contacts as unverified, with a note on the old support-line number", async () => {
    const overview = await getEditorOverview(coordinator);
    expect(overview.reviewAfterMonths).toBe(6);
    expect(overview.contacts.every((c) => c.needsReview && c.lastVerifiedAt === null)).toBe(true);
    expect(overview.contacts.find((c) => c.key === "support-line")?.reviewNote).toMatch(/2016/);
  });

  it("marks a contact verified, audited, and refuses a stale second click", async () => {
    const police = await ownerDb().publicContact.findUniqueOrThrow({ where: { key: "police" } });
    await markContactVerified(coordinator, { contactId: police.id, expectedVersion: police.version });
    await expect(markContactVerified(coordinator, { contactId: police.id, expectedVersion: police.version }))
      .rejects.toBeInstanceOf(StaleEditError);
    const overview = await getEditorOverview(coordinator);
    expect(overview.contacts.find((c) => c.key === "police")).toMatchObject({ needsReview: false });
    expect(await ownerDb().auditEvent.count({ where: { action: "publicContact.verify", entityId: police.id } })).toBe(1);
  });

  it("names an owner for a contact: an active account, audited, by the coordinator only", async () => {
    const contact = await ownerDb().publicContact.findUniqueOrThrow({ where: { key: "parental-support" } });
    const former = await createUser(ownerDb(), { role: "NETWORK_MEMBER", active: false });
    await expect(assignContactOwner(coordinator, { contactId: contact.id, ownerId: former.id, expectedVersion: contact.version }))
      .rejects.toMatchObject({ messageKey: "public.validation.owner", field: "ownerId" });
    await expect(assignContactOwner(divisionHead, { contactId: contact.id, ownerId: divisionHead.id, expectedVersion: contact.version }))
      .rejects.toBeInstanceOf(AccessDeniedError);
    await assignContactOwner(coordinator, { contactId: contact.id, ownerId: divisionHead.id, expectedVersion: contact.version });
    const overview = await getEditorOverview(coordinator);
    expect(overview.contacts.find((c) => c.key === "parental-support")).toMatchObject({ owner: divisionHead.name, ownerId: divisionHead.id });
    expect(overview.possibleOwners.map((o) => o.id)).not.toContain(former.id);
    expect(await ownerDb().auditEvent.count({ where: { action: "publicContact.assignOwner", entityId: contact.id } })).toBe(1);
  });

  it("uses the configured review interval", async () => {
    const police = await ownerDb().publicContact.findUniqueOrThrow({ where: { key: "police" } });
    await ownerDb().publicContact.update({
      where: { id: police.id },
      data: { lastVerifiedAt: new Date(Date.now() - 100 * 24 * 3600 * 1000) },
    });
    expect((await getEditorOverview(coordinator)).contacts.find((c) => c.key === "police")?.needsReview).toBe(false);
    const { reviewSettingVersion } = await getEditorOverview(coordinator);
    await updateReviewInterval(coordinator, { months: 3, expectedVersion: reviewSettingVersion });
    const after = await getEditorOverview(coordinator);
    expect(after.reviewAfterMonths).toBe(3);
    expect(after.contacts.find((c) => c.key === "police")?.needsReview).toBe(true);
    await expect(updateReviewInterval(coordinator, { months: 4, expectedVersion: reviewSettingVersion }))
      .rejects.toBeInstanceOf(StaleEditError);
  });
});
