// The factories are complete: one per model in prisma/schema.prisma, each making a record the
// database accepts (constraints, triggers, defaults). A new model without a factory fails here.
import { describe, expect, it } from "vitest";
import { ownerDb } from "@/tests/setup/owner-db";
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
      const division = await f.createDivision(ownerDb());
      const district = await f.createDistrict(ownerDb());
      const staff = await f.createStaffCategory(ownerDb());
      const section = await f.createPlanSection(ownerDb());
      await f.createSetting(ownerDb());
      const user = await f.createUser(ownerDb(), { role: "NETWORK_MEMBER" });
      await f.createUserSession(ownerDb(), { userId: user.id });
      await f.createSignInThrottle(ownerDb());
      await f.createDivisionMembership(ownerDb(), { userId: user.id, divisionId: division.id });
      await f.createNetworkMembership(ownerDb(), { userId: user.id, divisionId: division.id });
      const meeting = await f.createNetworkMeeting(ownerDb());
      await f.createMeetingAttendance(ownerDb(), { meetingId: meeting.id, userId: user.id });
      await f.createMeetingDecision(ownerDb(), { meetingId: meeting.id });
      const actionItem = await f.createActionItem(ownerDb(), { ownerId: user.id, meetingId: meeting.id, divisionId: division.id });
      await f.createSituationEntry(ownerDb(), { divisionId: division.id, districtId: district.id, createdById: user.id });
      await f.createSituationEntryMonthCount(ownerDb(), { divisionId: division.id, createdById: user.id, observedOn: new Date(Date.UTC(2030 + round, 0, 15)) });
      const report = await f.createSituationReport(ownerDb());
      await f.createSituationReportSection(ownerDb(), { reportId: report.id });
      await f.createSituationReportCitation(ownerDb(), { reportId: report.id });
      const basis = await f.createLegalBasis(ownerDb());
      await f.createSituationReportShare(ownerDb(), { reportId: report.id, legalBasisId: basis.id, sharedById: user.id });
      await f.createContactLogEntry(ownerDb(), { divisionId: division.id, createdById: user.id });
      const plan = await f.createCompetencePlan(ownerDb());
      const need = await f.createTrainingNeed(ownerDb(), {
        divisionId: division.id, staffCategoryId: staff.id, createdById: user.id, competencePlanId: plan.id,
      });
      const event = await f.createTrainingEvent(ownerDb(), { competencePlanId: plan.id });
      await f.createTrainingAttendance(ownerDb(), { eventId: event.id, divisionId: division.id, staffCategoryId: staff.id });
      await f.createCompetencePlanVersion(ownerDb(), { planId: plan.id, approvedById: user.id });
      const measure = await f.createMeasure(ownerDb(), { ownerDivisionId: division.id, planSectionId: section.id });
      const partner = await f.createPartner(ownerDb());
      await f.createPartnerContact(ownerDb(), { partnerId: partner.id });
      const recommendation = await f.createRecommendation(ownerDb(), { planSectionId: section.id, responsibleUserId: user.id });
      await f.createRecommendationMeasure(ownerDb(), { recommendationId: recommendation.id, measureId: measure.id });
      await f.createMeasureFinding(ownerDb(), { measureId: measure.id, reportId: report.id });
      await f.createYearlyEvaluation(ownerDb());
      const cycle = await f.createFollowUpCycle(ownerDb());
      const followUp = await f.createFollowUp(ownerDb(), { cycleId: cycle.id, divisionId: division.id });
      await f.createFollowUpItem(ownerDb(), { followUpId: followUp.id, measureId: measure.id });
      await f.createFollowUpItem(ownerDb(), { followUpId: followUp.id, trainingNeedId: need.id });
      await f.createFollowUpItem(ownerDb(), { followUpId: followUp.id, actionItemId: actionItem.id });
      await f.createPublicContent(ownerDb());
      await f.createPublicContact(ownerDb(), { ownerId: user.id });
      await f.createAuditEvent(ownerDb(), { actorId: user.id, actorRole: user.role });
      await f.createGrantRequest(ownerDb(), { userId: user.id, requestedById: user.id });
      await f.createPasswordToken(ownerDb(), { userId: user.id, createdById: user.id });
      await f.createAuditThrottle(ownerDb());
      await f.createAuditCheckpoint(ownerDb());
      await f.createAuditChainHead(ownerDb());
      await f.createNotification(ownerDb(), { userId: user.id });
      await f.createEmailOutbox(ownerDb(), { userId: user.id });
    }

    for (const model of Object.values(Prisma.ModelName)) {
      const delegate = (ownerDb() as unknown as Record<string, { count: () => Promise<number> }>)[
        model.charAt(0).toLowerCase() + model.slice(1)
      ]!;
      expect(await delegate.count(), model).toBeGreaterThanOrEqual(2);
    }
  });
});
