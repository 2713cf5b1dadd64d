// The factories are complete: one per model in prisma/schema.prisma, each making a record the
// database accepts (constraints, triggers, defaults). A new model without a factory fails here.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { Prisma } from "@/lib/server/generated/prisma/client";
import * as factories from "@/prisma/factories";

describe("factories", () => {
  it("exist for every model in the schema", () => {
    const missing = Object.values(Prisma.ModelName).filter((model) => !(`create${model}` in factories));
    expect(missing).toEqual([]);
  });

  it("make a valid record of every model, twice without colliding", async () => {
    const f = factories;
    for (let round = 0; round < 2; round++) {
      const division = await f.createDivision(db());
      const district = await f.createDistrict(db());
      const staff = await f.createStaffCategory(db());
      const section = await f.createPlanSection(db());
      await f.createSetting(db());
      const user = await f.createUser(db(), { role: "NETWORK_MEMBER" });
      await f.createUserSession(db(), { userId: user.id });
      await f.createSignInThrottle(db());
      await f.createDivisionMembership(db(), { userId: user.id, divisionId: division.id });
      await f.createNetworkMembership(db(), { userId: user.id, divisionId: division.id });
      const meeting = await f.createNetworkMeeting(db());
      await f.createMeetingAttendance(db(), { meetingId: meeting.id, userId: user.id });
      await f.createMeetingDecision(db(), { meetingId: meeting.id });
      const actionItem = await f.createActionItem(db(), { ownerId: user.id, meetingId: meeting.id, divisionId: division.id });
      await f.createSituationEntry(db(), { divisionId: division.id, districtId: district.id, createdById: user.id });
      const report = await f.createSituationReport(db());
      await f.createSituationReportSection(db(), { reportId: report.id });
      await f.createContactLogEntry(db(), { divisionId: division.id, createdById: user.id });
      const plan = await f.createCompetencePlan(db());
      const need = await f.createTrainingNeed(db(), {
        divisionId: division.id, staffCategoryId: staff.id, createdById: user.id, competencePlanId: plan.id,
      });
      const event = await f.createTrainingEvent(db(), { competencePlanId: plan.id });
      await f.createTrainingAttendance(db(), { eventId: event.id, divisionId: division.id, staffCategoryId: staff.id });
      const measure = await f.createMeasure(db(), { ownerDivisionId: division.id, planSectionId: section.id });
      const partner = await f.createPartner(db());
      await f.createPartnerContact(db(), { partnerId: partner.id });
      await f.createRecommendation(db(), { planSectionId: section.id, responsibleUserId: user.id });
      const cycle = await f.createFollowUpCycle(db());
      const followUp = await f.createFollowUp(db(), { cycleId: cycle.id, divisionId: division.id });
      await f.createFollowUpItem(db(), { followUpId: followUp.id, measureId: measure.id });
      await f.createFollowUpItem(db(), { followUpId: followUp.id, trainingNeedId: need.id });
      await f.createFollowUpItem(db(), { followUpId: followUp.id, actionItemId: actionItem.id });
      await f.createPublicContent(db());
      await f.createPublicContact(db(), { ownerId: user.id });
      await f.createAuditEvent(db(), { actorId: user.id, actorRole: user.role });
      await f.createGrantRequest(db(), { userId: user.id, requestedById: user.id });
      await f.createPasswordToken(db(), { userId: user.id, createdById: user.id });
      await f.createAuditThrottle(db());
      await f.createAuditCheckpoint(db());
    }

    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = (db() as unknown as Record<string, { count: () => Promise<number> }>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ]!;
      expect(await delegate.count(), model).toBeGreaterThanOrEqual(2);
    }
  });
});
