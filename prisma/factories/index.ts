// Factories for seed and test data: one place that knows what a valid record of every model
// looks like. Each takes a Prisma client (or transaction), the ids of the parents it cannot
// exist without, and overrides; defaults are realistic. They live beside the schema, not under
// tests/, because the seed uses them and a production start must not depend on the test tree.
import type { Prisma } from "@/lib/server/generated/prisma/client";
import type { Db } from "@/lib/server/db";
import type { Role } from "@/lib/access/permissions";
import { hashPassword } from "@/lib/server/password";

type Tx = Db | Prisma.TransactionClient;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export function daysFromNow(days: number): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}

export async function createDivision(db: Tx, data: Partial<Prisma.DivisionCreateInput> = {}) {
  const id = unique();
  return db.division.create({ data: { code: `D${id}`, name: `Division ${id}`, ...data } });
}

export async function createDistrict(db: Tx, data: Partial<Prisma.DistrictCreateInput> = {}) {
  return db.district.create({ data: { name: `Område ${unique()}`, ...data } });
}

export async function createStaffCategory(db: Tx, data: Partial<Prisma.StaffCategoryCreateInput> = {}) {
  return db.staffCategory.create({ data: { name: `Personalkategori ${unique()}`, ...data } });
}

type UserInput = {
  role: Role;
  divisionIds?: string[];
  email?: string;
  name?: string;
  password?: string | null;
  active?: boolean;
};

export async function createUser(db: Tx, { role, divisionIds = [], email, name, password, active }: UserInput) {
  const id = unique();
  return db.user.create({
    data: {
      email: (email ?? `user-${id}@test.example`).toLowerCase(),
      name: name ?? `Användare ${id}`,
      role,
      active: active ?? true,
      passwordHash: password === null ? null : await hashPassword(password ?? "test-password-123"),
      divisions: { create: divisionIds.map((divisionId) => ({ divisionId })) },
    },
  });
}

export async function createTrainingNeed(
  db: Tx,
  data: { divisionId: string; staffCategoryId: string; createdById: string } & Partial<Prisma.TrainingNeedUncheckedCreateInput>,
) {
  return db.trainingNeed.create({
    data: { level: "BASIC", headcount: 10, priority: "MEDIUM", wantedBy: daysFromNow(90), ...data },
  });
}

export async function createMeasure(
  db: Tx,
  data: { ownerDivisionId: string } & Partial<Prisma.MeasureUncheckedCreateInput>,
) {
  return db.measure.create({
    data: {
      title: `Insats ${unique()}`,
      level: "GENERAL",
      targetGroup: "Alla barn och unga",
      status: "ONGOING",
      nextReviewDate: daysFromNow(60),
      ...data,
    },
  });
}

export async function createSituationEntry(
  db: Tx,
  data: { divisionId: string; createdById: string } & Partial<Prisma.SituationEntryUncheckedCreateInput>,
) {
  return db.situationEntry.create({
    data: {
      observedOn: daysFromNow(-7),
      environment: "RIGHT_WING",
      activityType: "PROPAGANDA",
      source: "OPEN_SOURCES",
      reliability: "PROBABLE",
      genderPerspective: "Främst unga män syns i aktiviteten.",
      description: "Klistermärken med vit makt-symbolik vid en busshållplats.",
      ...data,
    },
  });
}

/**
 * The database keeps these counts itself (a trigger on SituationEntry, decision 025): the
 * factory makes an entry and returns the count row it produced, so the counts never disagree
 * with the entries.
 */
export async function createSituationEntryMonthCount(
  db: Tx,
  data: { divisionId: string; createdById: string } & Partial<Prisma.SituationEntryUncheckedCreateInput>,
) {
  const entry = await createSituationEntry(db, data);
  return db.situationEntryMonthCount.findFirstOrThrow({
    where: {
      divisionId: entry.divisionId,
      month: new Date(Date.UTC(entry.observedOn.getUTCFullYear(), entry.observedOn.getUTCMonth(), 1)),
      environment: entry.environment,
      districtKey: entry.districtId ?? "00000000-0000-0000-0000-000000000000",
      status: entry.status,
    },
  });
}

export async function createActionItem(
  db: Tx,
  data: { ownerId: string } & Partial<Prisma.ActionItemUncheckedCreateInput>,
) {
  return db.actionItem.create({
    data: { title: `Åtgärd ${unique()}`, dueDate: daysFromNow(30), ...data },
  });
}

export async function createPlanSection(db: Tx, data: Partial<Prisma.PlanSectionCreateInput> = {}) {
  // Plan sections are numbered 1–9 in the plan; test ones start high so they never collide.
  const number = data.number ?? 1000 + (Number.parseInt(unique(), 36) % 1_000_000);
  return db.planSection.create({
    data: { number, title: `Avsnitt ${number}`, summary: "Sammanfattning av avsnittet.", ...data },
  });
}

export async function createSetting(db: Tx, data: { key?: string; value?: Prisma.InputJsonValue } = {}) {
  return db.setting.create({ data: { key: data.key ?? `test.${unique()}`, value: data.value ?? 1 } });
}

export async function createUserSession(
  db: Tx,
  data: { userId: string } & Partial<Prisma.UserSessionUncheckedCreateInput>,
) {
  return db.userSession.create({
    data: { method: "credentials", expiresAt: new Date(Date.now() + 8 * 60 * 60 * 1000), ...data },
  });
}

export async function createSignInThrottle(db: Tx, data: Partial<Prisma.SignInThrottleCreateInput> = {}) {
  return db.signInThrottle.create({ data: { key: `account:${unique()}@test.example`, failures: 1, ...data } });
}

export async function createDivisionMembership(
  db: Tx,
  data: { userId: string; divisionId: string } & Partial<Prisma.DivisionMembershipUncheckedCreateInput>,
) {
  return db.divisionMembership.create({ data });
}

export async function createNetworkMembership(
  db: Tx,
  data: { userId: string; divisionId: string } & Partial<Prisma.NetworkMembershipUncheckedCreateInput>,
) {
  return db.networkMembership.create({ data: { responsibilities: ["KNOWLEDGE_GATHERING"], ...data } });
}

export async function createNetworkMeeting(db: Tx, data: Partial<Prisma.NetworkMeetingUncheckedCreateInput> = {}) {
  return db.networkMeeting.create({
    data: { title: `VBE-nätverket ${unique()}`, scheduledAt: daysFromNow(14), location: "Stadshuset", ...data },
  });
}

export async function createMeetingAttendance(
  db: Tx,
  data: { meetingId: string; userId: string } & Partial<Prisma.MeetingAttendanceUncheckedCreateInput>,
) {
  return db.meetingAttendance.create({ data });
}

export async function createMeetingDecision(
  db: Tx,
  data: { meetingId: string } & Partial<Prisma.MeetingDecisionUncheckedCreateInput>,
) {
  return db.meetingDecision.create({ data: { text: "Nätverket beslutade att följa upp frågan.", ...data } });
}

export async function createSituationReport(db: Tx, data: Partial<Prisma.SituationReportUncheckedCreateInput> = {}) {
  return db.situationReport.create({
    data: {
      title: `Lägesbild ${unique()}`,
      periodStart: daysFromNow(-180),
      periodEnd: daysFromNow(-1),
      ...data,
    },
  });
}

export async function createSituationReportSection(
  db: Tx,
  data: { reportId: string } & Partial<Prisma.SituationReportSectionUncheckedCreateInput>,
) {
  return db.situationReportSection.create({
    data: { environment: "RIGHT_WING", summary: "Aktiviteten har varit oförändrad under perioden.", ...data },
  });
}

/** A final report's frozen copy of a cited entry. */
export async function createSituationReportCitation(
  db: Tx,
  data: { reportId: string } & Partial<Prisma.SituationReportCitationUncheckedCreateInput>,
) {
  return db.situationReportCitation.create({
    data: {
      entryId: crypto.randomUUID(),
      divisionName: "Barn och utbildning",
      observedOn: daysFromNow(-7),
      environment: "RIGHT_WING",
      activityType: "PROPAGANDA",
      source: "OPEN_SOURCES",
      reliability: "PROBABLE",
      genderPerspective: "Främst unga män syns i aktiviteten.",
      description: "Klistermärken med vit makt-symbolik vid en busshållplats.",
      ...data,
    },
  });
}

export async function createLegalBasis(db: Tx, data: Partial<Prisma.LegalBasisCreateInput> = {}) {
  return db.legalBasis.create({ data: { label: `OSL 10 kap. ${unique()} §`, note: "Ska kontrolleras av kommunens jurist.", ...data } });
}

/** That a (final) report was shared; needs the report, the basis and who shared it. */
export async function createSituationReportShare(
  db: Tx,
  data: { reportId: string; legalBasisId: string; sharedById: string } & Partial<Prisma.SituationReportShareUncheckedCreateInput>,
) {
  return db.situationReportShare.create({
    data: { recipient: "Polisen, lokalpolisområde Nyköping", sharedOn: daysFromNow(-1), sharedByName: "Samordnare", legalBasisLabel: "OSL 10 kap. 2 §", ...data },
  });
}

export async function createContactLogEntry(
  db: Tx,
  data: { divisionId: string; createdById: string } & Partial<Prisma.ContactLogEntryUncheckedCreateInput>,
) {
  return db.contactLogEntry.create({
    data: { contactedOn: daysFromNow(-3), channel: "PHONE", requester: "RELATIVE", ...data },
  });
}

export async function createCompetencePlan(db: Tx, data: Partial<Prisma.CompetencePlanUncheckedCreateInput> = {}) {
  // The year is unique; test plans take far-future years so they never meet a real one.
  const year = data.year ?? 3000 + (Number.parseInt(unique(), 36) % 1_000_000);
  return db.competencePlan.create({ data: { year, title: `Kompetensplan ${year}`, ...data } });
}

export async function createCompetencePlanVersion(
  db: Tx,
  data: { planId: string; approvedById: string } & Partial<Prisma.CompetencePlanVersionUncheckedCreateInput>,
) {
  const last = await db.competencePlanVersion.aggregate({ where: { planId: data.planId }, _max: { number: true } });
  return db.competencePlanVersion.create({
    data: { number: (last._max.number ?? 0) + 1, snapshot: { year: 3000, title: "Kompetensplan", goals: "", events: [] }, ...data },
  });
}

export async function createTrainingEvent(db: Tx, data: Partial<Prisma.TrainingEventUncheckedCreateInput> = {}) {
  return db.trainingEvent.create({
    data: {
      title: `Utbildning ${unique()}`,
      level: "BASIC",
      startsAt: daysFromNow(30),
      provider: "Center mot våldsbejakande extremism",
      capacity: 30,
      ...data,
    },
  });
}

export async function createTrainingAttendance(
  db: Tx,
  data: { eventId: string; divisionId: string } & Partial<Prisma.TrainingAttendanceUncheckedCreateInput>,
) {
  return db.trainingAttendance.create({ data: { registered: 5, attended: 0, ...data } });
}

export async function createPartner(db: Tx, data: Partial<Prisma.PartnerUncheckedCreateInput> = {}) {
  return db.partner.create({
    data: { name: `Samverkanspart ${unique()}`, kind: "EXTERNAL", category: "POLICE", ...data },
  });
}

export async function createPartnerContact(
  db: Tx,
  data: { partnerId: string } & Partial<Prisma.PartnerContactUncheckedCreateInput>,
) {
  return db.partnerContact.create({ data: { name: `Kontaktperson ${unique()}`, ...data } });
}

export async function createRecommendation(db: Tx, data: Partial<Prisma.RecommendationUncheckedCreateInput> = {}) {
  const number = data.number ?? 1000 + (Number.parseInt(unique(), 36) % 1_000_000);
  return db.recommendation.create({ data: { number, title: `Rekommendation ${number}`, ...data } });
}

export async function createRecommendationMeasure(db: Tx, data: { recommendationId: string; measureId: string }) {
  return db.recommendationMeasure.create({ data });
}

export async function createMeasureFinding(
  db: Tx,
  data: { measureId: string; reportId: string } & Partial<Prisma.MeasureFindingUncheckedCreateInput>,
) {
  return db.measureFinding.create({ data: { note: "Lägesbilden visar ökad propaganda på skolor.", ...data } });
}

export async function createYearlyEvaluation(db: Tx, data: Partial<Prisma.YearlyEvaluationUncheckedCreateInput> = {}) {
  const year = data.year ?? 3000 + (Number.parseInt(unique(), 36) % 1_000_000);
  return db.yearlyEvaluation.create({ data: { year, sectionTexts: { "1": "Arbetet har fortsatt enligt planen." }, ...data } });
}

export async function createFollowUpCycle(db: Tx, data: Partial<Prisma.FollowUpCycleUncheckedCreateInput> = {}) {
  return db.followUpCycle.create({
    data: {
      title: `Uppföljning ${unique()}`,
      year: new Date().getUTCFullYear(),
      periodStart: daysFromNow(-365),
      periodEnd: daysFromNow(-1),
      dueDate: daysFromNow(30),
      ...data,
    },
  });
}

export async function createFollowUp(
  db: Tx,
  data: { cycleId: string; divisionId: string } & Partial<Prisma.FollowUpUncheckedCreateInput>,
) {
  return db.followUp.create({ data });
}

export async function createFollowUpItem(
  db: Tx,
  data: { followUpId: string } & Partial<Prisma.FollowUpItemUncheckedCreateInput>,
) {
  return db.followUpItem.create({ data });
}

export async function createPublicContent(db: Tx, data: Partial<Prisma.PublicContentUncheckedCreateInput> = {}) {
  const locale = data.locale ?? "sv";
  const versionNumber = data.versionNumber ?? 1000 + (Number.parseInt(unique(), 36) % 1_000_000);
  return db.publicContent.create({
    data: {
      locale,
      versionNumber,
      title: "Stöd för anhöriga",
      sections: [{ key: "intro", heading: "Till dig som är orolig", body: "Du är inte ensam." }],
      ...data,
    },
  });
}

export async function createPublicContact(db: Tx, data: Partial<Prisma.PublicContactUncheckedCreateInput> = {}) {
  return db.publicContact.create({
    data: { key: `kontakt-${unique()}`, name: "Socialtjänsten", phone: "0155-24 80 00", ...data },
  });
}

/**
 * An audit event written as the application writes them (the trigger chains it); for tests
 * that need history without running a use case. UPDATE and DELETE are refused afterwards.
 */
export async function createAuditEvent(db: Tx, data: Partial<Prisma.AuditEventUncheckedCreateInput> = {}) {
  return db.auditEvent.create({ data: { occurredAt: new Date(), action: "test.event", entityType: "Test", ...data } });
}

/** A coordinator's pending decision on a content role an administrator asked for (decision 010). */
export async function createGrantRequest(
  db: Tx,
  data: { userId: string; requestedById: string } & Partial<Prisma.GrantRequestUncheckedCreateInput>,
) {
  return db.grantRequest.create({ data: { role: "NETWORK_MEMBER", divisionIds: [], ...data } });
}

/** A one-time set-password link; only the token's hash is stored, so any unique string will do here. */
export async function createPasswordToken(
  db: Tx,
  data: { userId: string } & Partial<Prisma.PasswordTokenUncheckedCreateInput>,
) {
  return db.passwordToken.create({
    data: { tokenHash: `test-${unique()}`, expiresAt: new Date(Date.now() + 24 * 60 * 60 * 1000), ...data },
  });
}

export async function createAuditThrottle(db: Tx, data: Partial<Prisma.AuditThrottleCreateInput> = {}) {
  const minute = new Date();
  minute.setUTCSeconds(0, 0);
  return db.auditThrottle.create({ data: { actorKey: `user:${unique()}`, kind: "access.denied", minute, ...data } });
}

let checkpointId = 1000;
/** The app keeps one checkpoint (id 1); other ids are for tests that need more than one row. */
export async function createAuditCheckpoint(db: Tx, data: Partial<Prisma.AuditCheckpointCreateInput> = {}) {
  return db.auditCheckpoint.create({
    data: { id: checkpointId++, chainSeq: BigInt(0), hash: "0".repeat(64), events: 0, verifiedAt: new Date(), ...data },
  });
}

let chainHeadId = 1000;
/** The sealer keeps one chain head (id 1); other ids are for tests that need more than one row. */
export async function createAuditChainHead(db: Tx, data: Partial<Prisma.AuditChainHeadCreateInput> = {}) {
  return db.auditChainHead.create({ data: { id: chainHeadId++, chainSeq: BigInt(0), legacyEnd: BigInt(0), ...data } });
}

/** An in-app notification for one user (a reminder of a follow-up by default). */
export async function createNotification(
  db: Tx,
  data: { userId: string } & Partial<Prisma.NotificationUncheckedCreateInput>,
) {
  return db.notification.create({
    data: {
      kind: "followUpDueSoon",
      params: { cycle: "VT 2027", division: "Barn och utbildning", dueDate: "2027-05-31" },
      link: "/uppfoljning",
      dedupeKey: `test:${unique()}`,
      ...data,
    },
  });
}

/** An e-mail waiting in the outbox. */
export async function createEmailOutbox(db: Tx, data: Partial<Prisma.EmailOutboxUncheckedCreateInput> = {}) {
  return db.emailOutbox.create({
    data: { toAddress: `mottagare-${unique()}@kommun.test`, subject: "Värna: påminnelse", text: "Hej!", kind: "test", ...data },
  });
}
