// The access matrix of issue 9's use cases, at their gate: for every role, each use case is
// either refused (AccessDeniedError) or gets past the permission check (whatever it then finds,
// e.g. NotFound for a made-up id). What is expected is read from tests/fixtures/access-expectations.ts
// (written from PRODUCT.md), never from the permission table the code uses.
import { beforeAll, describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
import { ROLES, type Action, type Resource, type Role } from "@/lib/access/permissions";
import type { Viewer } from "@/lib/access/viewer";
import { AccessDeniedError } from "@/lib/server/errors";
import { EXPECTED } from "@/tests/fixtures/access-expectations";
import { actionItemListSchema, meetingListSchema, partnerListSchema } from "@/lib/schemas/network";
import { parseDateOnly } from "@/lib/network/stockholm-time";
import { addNetworkMember } from "@/lib/server/network/add-member";
import { removeNetworkMember } from "@/lib/server/network/remove-member";
import { getRoster, listMemberCandidates } from "@/lib/server/network/roster";
import { planMeeting, updateMeetingPlan } from "@/lib/server/network/plan-meeting";
import { recordMeeting } from "@/lib/server/network/record-meeting";
import { cancelMeeting } from "@/lib/server/network/cancel-meeting";
import { listMeetings } from "@/lib/server/network/list-meetings";
import { getMeeting } from "@/lib/server/network/get-meeting";
import { getMeetingInvitation } from "@/lib/server/network/meeting-invitation";
import { inviteMembersByEmail } from "@/lib/server/network/invite-members-by-email";
import { createActionItem } from "@/lib/server/network/create-action-item";
import { editActionItem, reportActionItemProgress } from "@/lib/server/network/edit-action-item";
import { countOverdueActionItems, listActionItems, listMyOpenActionItems } from "@/lib/server/network/list-action-items";
import { getActionItem } from "@/lib/server/network/get-action-item";
import { exportActionItems } from "@/lib/server/network/export-action-items";
import { createPartner, updatePartner } from "@/lib/server/partners/create-partner";
import { addPartnerContact, removePartnerContact, updatePartnerContact, verifyPartnerContact } from "@/lib/server/partners/partner-contacts";
import { exportPartners, getPartner, listPartners } from "@/lib/server/partners/list-partners";
import { createDivision, createUser } from "@/prisma/factories";

const GHOST = "00000000-0000-4000-8000-00000000dead";
const TODAY = parseDateOnly("2026-03-10")!;
const meetingInput = { title: "M", scheduledAt: "2026-12-01T09:00", durationMinutes: 60, location: "Rum", videoUrl: "", agenda: "" };
const itemInput = { title: "X", description: "", comment: "", ownerId: GHOST, divisionId: null, dueDate: "2026-04-01" };
const contactInput = { name: "K", title: "", email: "", phone: "", lastVerifiedAt: "" };

/** Each use case: the permission (resource, action) PRODUCT.md's expectations are read for, and a call. */
const USE_CASES: Record<string, { needs: [Resource, Action][]; call: (v: Viewer) => Promise<unknown> }> = {
  getRoster: { needs: [["networkMeeting", "list"]], call: (v) => getRoster(v) },
  listMemberCandidates: { needs: [["networkMeeting", "create"]], call: (v) => listMemberCandidates(v) },
  addNetworkMember: { needs: [["networkMeeting", "create"]], call: (v) => addNetworkMember(v, { userId: GHOST, divisionId: GHOST, responsibilities: ["KNOWLEDGE_GATHERING"] }) },
  removeNetworkMember: { needs: [["networkMeeting", "delete"]], call: (v) => removeNetworkMember(v, { id: GHOST, version: 1 }) },
  listMeetings: { needs: [["networkMeeting", "list"]], call: (v) => listMeetings(v, meetingListSchema.parse({})) },
  getMeeting: { needs: [["networkMeeting", "read"]], call: (v) => getMeeting(v, GHOST) },
  getMeetingInvitation: { needs: [["networkMeeting", "read"]], call: (v) => getMeetingInvitation(v, GHOST) },
  planMeeting: { needs: [["networkMeeting", "create"]], call: (v) => planMeeting(v, meetingInput) },
  updateMeetingPlan: { needs: [["networkMeeting", "update"]], call: (v) => updateMeetingPlan(v, { ...meetingInput, id: GHOST, version: 1 }) },
  recordMeeting: { needs: [["networkMeeting", "update"]], call: (v) => recordMeeting(v, { id: GHOST, version: 1, minutes: "m", attendance: [], decisions: "" }) },
  cancelMeeting: { needs: [["networkMeeting", "update"]], call: (v) => cancelMeeting(v, { id: GHOST, version: 1, reason: "" }) },
  inviteMembersByEmail: { needs: [["networkMeeting", "update"]], call: (v) => inviteMembersByEmail(v, { id: GHOST, invitationsSent: 0 }) },
  createActionItem: { needs: [["actionItem", "create"]], call: (v) => createActionItem(v, { ...itemInput, meetingId: null, decisionId: null }) },
  editActionItem: { needs: [["actionItem", "create"], ["actionItem", "update"]], call: (v) => editActionItem(v, { ...itemInput, id: GHOST, version: 1, status: "OPEN" }) },
  reportActionItemProgress: { needs: [["actionItem", "update"]], call: (v) => reportActionItemProgress(v, { id: GHOST, version: 1, status: "DONE", comment: "" }) },
  listActionItems: { needs: [["actionItem", "list"]], call: (v) => listActionItems(v, actionItemListSchema.parse({}), TODAY) },
  countOverdueActionItems: { needs: [["actionItem", "list"]], call: (v) => countOverdueActionItems(v, TODAY) },
  listMyOpenActionItems: { needs: [["actionItem", "list"]], call: (v) => listMyOpenActionItems(v, TODAY) },
  getActionItem: { needs: [["actionItem", "read"]], call: (v) => getActionItem(v, GHOST, TODAY) },
  exportActionItems: { needs: [["actionItem", "export"]], call: (v) => exportActionItems(v, actionItemListSchema.parse({}), TODAY, "csv") },
  listPartners: { needs: [["partner", "list"]], call: (v) => listPartners(v, partnerListSchema.parse({}), TODAY) },
  getPartner: { needs: [["partner", "read"]], call: (v) => getPartner(v, GHOST, TODAY) },
  exportPartners: { needs: [["partner", "export"]], call: (v) => exportPartners(v, partnerListSchema.parse({}), TODAY, "csv") },
  createPartner: { needs: [["partner", "create"]], call: (v) => createPartner(v, { name: `P ${v.id}`, kind: "EXTERNAL", category: "OTHER", description: "" }) },
  updatePartner: { needs: [["partner", "update"]], call: (v) => updatePartner(v, { id: GHOST, version: 1, name: "P", kind: "EXTERNAL", category: "OTHER", description: "", active: true }) },
  addPartnerContact: { needs: [["partner", "update"]], call: (v) => addPartnerContact(v, { ...contactInput, partnerId: GHOST }) },
  updatePartnerContact: { needs: [["partner", "update"]], call: (v) => updatePartnerContact(v, { ...contactInput, id: GHOST, version: 1 }) },
  verifyPartnerContact: { needs: [["partner", "update"]], call: (v) => verifyPartnerContact(v, { id: GHOST, version: 1 }, new Date()) },
  removePartnerContact: { needs: [["partner", "update"]], call: (v) => removePartnerContact(v, { id: GHOST, version: 1 }) },
};

const viewers = {} as Record<Role, Viewer>;

beforeAll(async () => {
  const division = (await createDivision(ownerDb())).id;
  for (const role of ROLES) {
    const divisionIds = role === "DIVISION_HEAD" || role === "NETWORK_MEMBER" ? [division] : [];
    const user = await createUser(ownerDb(), { role, divisionIds, password: null });
    viewers[role] = { id: user.id, role, divisionIds, name: user.name, email: user.email };
  }
});

/** Allowed when PRODUCT.md's expectations grant the role every action needed on its own division's records. */
const allowed = (role: Role, needs: [Resource, Action][]) => needs.every(([resource, action]) => (EXPECTED[role][resource]?.[0] ?? []).includes(action));

describe("access matrix: the network's use cases (issue 9)", () => {
  for (const role of ROLES) {
    for (const [name, spec] of Object.entries(USE_CASES)) {
      it(`${role} × ${name}`, async () => {
        const outcome = await spec.call(viewers[role]).then(
          () => "allowed",
          (error) => (error instanceof AccessDeniedError ? "denied" : "allowed"), // NotFound, a domain rule: past the gate
        );
        expect(outcome).toBe(allowed(role, spec.needs) ? "allowed" : "denied");
      });
    }
  }

  it("lets nobody but the coordinator create or change meetings, members or partners", () => {
    const writes = ["addNetworkMember", "removeNetworkMember", "planMeeting", "updateMeetingPlan", "recordMeeting", "cancelMeeting", "createPartner", "updatePartner", "addPartnerContact", "updatePartnerContact", "verifyPartnerContact", "removePartnerContact", "createActionItem", "editActionItem"];
    for (const role of ROLES) {
      for (const name of writes) expect(allowed(role, USE_CASES[name]!.needs), `${role} × ${name}`).toBe(role === "COORDINATOR");
    }
  });
});
