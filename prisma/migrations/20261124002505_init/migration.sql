-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COORDINATOR', 'DIVISION_HEAD', 'NETWORK_MEMBER', 'OBSERVER', 'ADMIN');

-- CreateEnum
CREATE TYPE "NetworkResponsibility" AS ENUM ('ENVIRONMENT_SCANNING', 'KNOWLEDGE_GATHERING', 'COMPETENCE_DEVELOPMENT', 'INFORMATION_SHARING');

-- CreateEnum
CREATE TYPE "MeetingStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ActionItemStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ExtremistEnvironment" AS ENUM ('RIGHT_WING', 'LEFT_WING', 'ISLAMIST', 'OTHER_UNCLEAR');

-- CreateEnum
CREATE TYPE "ActivityType" AS ENUM ('PROPAGANDA', 'RECRUITMENT', 'GATHERING', 'THREAT', 'VIOLENCE', 'ONLINE', 'TRAVEL_TO_CONFLICT_ZONE', 'OTHER');

-- CreateEnum
CREATE TYPE "InformationSource" AS ENUM ('POLICE', 'SCHOOL', 'SOCIAL_SERVICES', 'LEISURE', 'CIVIL_SOCIETY', 'OPEN_SOURCES');

-- CreateEnum
CREATE TYPE "Reliability" AS ENUM ('CONFIRMED', 'PROBABLE', 'POSSIBLE', 'UNCONFIRMED');

-- CreateEnum
CREATE TYPE "SituationEntryStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'REVIEWED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "SituationReportStatus" AS ENUM ('DRAFT', 'FINAL');

-- CreateEnum
CREATE TYPE "ContactChannel" AS ENUM ('PHONE', 'EMAIL', 'VISIT', 'DIGITAL', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactRequester" AS ENUM ('RELATIVE', 'PROFESSIONAL', 'YOUNG_PERSON', 'OTHER');

-- CreateEnum
CREATE TYPE "ContactReferral" AS ENUM ('NONE', 'SUPPORT_LINE', 'POLICE', 'SOCIAL_SERVICES', 'PARENTAL_SUPPORT', 'OTHER');

-- CreateEnum
CREATE TYPE "TrainingLevel" AS ENUM ('BASIC', 'ADVANCED');

-- CreateEnum
CREATE TYPE "Priority" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateEnum
CREATE TYPE "TrainingNeedStatus" AS ENUM ('REGISTERED', 'PLANNED', 'MET', 'CANCELLED');

-- CreateEnum
CREATE TYPE "CompetencePlanStatus" AS ENUM ('DRAFT', 'ADOPTED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "TrainingEventStatus" AS ENUM ('PLANNED', 'HELD', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PreventionLevel" AS ENUM ('GENERAL', 'SPECIFIC', 'INDIVIDUAL');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('PLANNED', 'ONGOING', 'COMPLETED', 'PAUSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('INTERNAL_FORUM', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "PartnerCategory" AS ENUM ('MUNICIPAL_FORUM', 'POLICE', 'SECURITY_SERVICE', 'COUNTY_BOARD', 'HOUSING', 'RELIGIOUS_COMMUNITY', 'SPORTS', 'YOUTH_ORGANISATION', 'CIVIL_SOCIETY', 'OTHER_MUNICIPALITY', 'NATIONAL_AUTHORITY', 'OTHER');

-- CreateEnum
CREATE TYPE "RecommendationStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'FULFILLED', 'NOT_APPLICABLE');

-- CreateEnum
CREATE TYPE "FollowUpCycleStatus" AS ENUM ('PLANNED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('NOT_STARTED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'REVIEWED');

-- CreateEnum
CREATE TYPE "Assessment" AS ENUM ('ON_TRACK', 'AT_RISK', 'OFF_TRACK');

-- CreateEnum
CREATE TYPE "PublicContentStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'ARCHIVED');

-- CreateTable
CREATE TABLE "Division" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "isCoordinating" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Division_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffCategory" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffCategory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanSection" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlanSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "locale" TEXT NOT NULL DEFAULT 'sv',
    "lastLoginAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DivisionMembership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "isDelegate" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DivisionMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMembership" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "responsibilities" "NetworkResponsibility"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "joinedAt" DATE NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkMembership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkMeeting" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "scheduledAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "agenda" TEXT NOT NULL DEFAULT '',
    "minutes" TEXT NOT NULL DEFAULT '',
    "status" "MeetingStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NetworkMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingAttendance" (
    "meetingId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "present" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "MeetingAttendance_pkey" PRIMARY KEY ("meetingId","userId")
);

-- CreateTable
CREATE TABLE "MeetingDecision" (
    "id" UUID NOT NULL,
    "meetingId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionItem" (
    "id" UUID NOT NULL,
    "meetingId" UUID,
    "divisionId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" UUID NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "ActionItemStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SituationEntry" (
    "id" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "districtId" UUID,
    "observedOn" DATE NOT NULL,
    "environment" "ExtremistEnvironment" NOT NULL,
    "activityType" "ActivityType" NOT NULL,
    "source" "InformationSource" NOT NULL,
    "reliability" "Reliability" NOT NULL,
    "genderPerspective" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "status" "SituationEntryStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SituationEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SituationReport" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "status" "SituationReportStatus" NOT NULL DEFAULT 'DRAFT',
    "madeWithPolice" BOOLEAN NOT NULL DEFAULT true,
    "trends" TEXT NOT NULL DEFAULT '',
    "assessment" TEXT NOT NULL DEFAULT '',
    "recommendedMeasures" TEXT NOT NULL DEFAULT '',
    "finalizedAt" TIMESTAMP(3),
    "finalizedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SituationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SituationReportSection" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "environment" "ExtremistEnvironment" NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "presence" TEXT NOT NULL DEFAULT '',
    "activities" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "SituationReportSection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactLogEntry" (
    "id" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "contactedOn" DATE NOT NULL,
    "channel" "ContactChannel" NOT NULL,
    "requester" "ContactRequester" NOT NULL,
    "environment" "ExtremistEnvironment",
    "referral" "ContactReferral" NOT NULL DEFAULT 'NONE',
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingNeed" (
    "id" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "staffCategoryId" UUID NOT NULL,
    "competencePlanId" UUID,
    "level" "TrainingLevel" NOT NULL,
    "headcount" INTEGER NOT NULL,
    "material" TEXT,
    "priority" "Priority" NOT NULL DEFAULT 'MEDIUM',
    "wantedBy" DATE NOT NULL,
    "status" "TrainingNeedStatus" NOT NULL DEFAULT 'REGISTERED',
    "comment" TEXT NOT NULL DEFAULT '',
    "createdById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingNeed_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CompetencePlan" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "goals" TEXT NOT NULL DEFAULT '',
    "status" "CompetencePlanStatus" NOT NULL DEFAULT 'DRAFT',
    "adoptedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CompetencePlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingEvent" (
    "id" UUID NOT NULL,
    "competencePlanId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "level" "TrainingLevel" NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3),
    "provider" TEXT NOT NULL,
    "location" TEXT,
    "capacity" INTEGER NOT NULL,
    "material" TEXT,
    "status" "TrainingEventStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "id" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "staffCategoryId" UUID,
    "registered" INTEGER NOT NULL DEFAULT 0,
    "attended" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "ownerDivisionId" UUID NOT NULL,
    "planSectionId" UUID,
    "responsibleUserId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "level" "PreventionLevel" NOT NULL,
    "isSpecial" BOOLEAN NOT NULL DEFAULT false,
    "targetGroup" TEXT NOT NULL,
    "status" "MeasureStatus" NOT NULL DEFAULT 'PLANNED',
    "resources" TEXT NOT NULL DEFAULT '',
    "genderPerspective" TEXT NOT NULL DEFAULT '',
    "startDate" DATE,
    "endDate" DATE,
    "nextReviewDate" DATE NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "category" "PartnerCategory" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PartnerContact" (
    "id" UUID NOT NULL,
    "partnerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "title" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PartnerContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Recommendation" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "planSectionId" UUID,
    "status" "RecommendationStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "evidence" TEXT NOT NULL DEFAULT '',
    "responsibleUserId" UUID,
    "dueDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Recommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpCycle" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "FollowUpCycleStatus" NOT NULL DEFAULT 'PLANNED',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" UUID NOT NULL,
    "cycleId" UUID NOT NULL,
    "divisionId" UUID NOT NULL,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "assessment" "Assessment",
    "comment" TEXT NOT NULL DEFAULT '',
    "genderPerspective" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "submittedById" UUID,
    "reviewedAt" TIMESTAMP(3),
    "reviewedById" UUID,
    "reviewComment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUpItem" (
    "id" UUID NOT NULL,
    "followUpId" UUID NOT NULL,
    "measureId" UUID,
    "trainingNeedId" UUID,
    "actionItemId" UUID,
    "assessment" "Assessment",
    "comment" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUpItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicContent" (
    "id" UUID NOT NULL,
    "locale" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "status" "PublicContentStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "sections" JSONB NOT NULL,
    "contacts" JSONB NOT NULL DEFAULT '[]',
    "createdById" UUID,
    "publishedAt" TIMESTAMP(3),
    "publishedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicContent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicContact" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "hours" TEXT,
    "url" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "ownerId" UUID,
    "lastVerifiedAt" TIMESTAMP(3),
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicContact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorRole" "Role",
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "divisionId" UUID,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT,
    "hash" TEXT,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_TrainingEventTargetGroups" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_TrainingEventTargetGroups_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_SituationReportEntries" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_SituationReportEntries_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Division_code_key" ON "Division"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Division_name_key" ON "Division"("name");

-- CreateIndex
CREATE UNIQUE INDEX "District_name_key" ON "District"("name");

-- CreateIndex
CREATE UNIQUE INDEX "StaffCategory_name_key" ON "StaffCategory"("name");

-- CreateIndex
CREATE UNIQUE INDEX "PlanSection_number_key" ON "PlanSection"("number");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "DivisionMembership_divisionId_idx" ON "DivisionMembership"("divisionId");

-- CreateIndex
CREATE UNIQUE INDEX "DivisionMembership_userId_divisionId_key" ON "DivisionMembership"("userId", "divisionId");

-- CreateIndex
CREATE INDEX "NetworkMembership_divisionId_idx" ON "NetworkMembership"("divisionId");

-- CreateIndex
CREATE UNIQUE INDEX "NetworkMembership_userId_divisionId_key" ON "NetworkMembership"("userId", "divisionId");

-- CreateIndex
CREATE INDEX "NetworkMeeting_scheduledAt_idx" ON "NetworkMeeting"("scheduledAt");

-- CreateIndex
CREATE INDEX "MeetingDecision_meetingId_idx" ON "MeetingDecision"("meetingId");

-- CreateIndex
CREATE INDEX "ActionItem_divisionId_idx" ON "ActionItem"("divisionId");

-- CreateIndex
CREATE INDEX "ActionItem_status_dueDate_idx" ON "ActionItem"("status", "dueDate");

-- CreateIndex
CREATE INDEX "SituationEntry_divisionId_status_idx" ON "SituationEntry"("divisionId", "status");

-- CreateIndex
CREATE INDEX "SituationEntry_observedOn_idx" ON "SituationEntry"("observedOn");

-- CreateIndex
CREATE INDEX "SituationReport_periodEnd_idx" ON "SituationReport"("periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "SituationReportSection_reportId_environment_key" ON "SituationReportSection"("reportId", "environment");

-- CreateIndex
CREATE INDEX "ContactLogEntry_divisionId_contactedOn_idx" ON "ContactLogEntry"("divisionId", "contactedOn");

-- CreateIndex
CREATE INDEX "TrainingNeed_divisionId_status_idx" ON "TrainingNeed"("divisionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CompetencePlan_year_key" ON "CompetencePlan"("year");

-- CreateIndex
CREATE INDEX "TrainingEvent_startsAt_idx" ON "TrainingEvent"("startsAt");

-- CreateIndex
CREATE INDEX "TrainingAttendance_divisionId_idx" ON "TrainingAttendance"("divisionId");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_eventId_divisionId_staffCategoryId_key" ON "TrainingAttendance"("eventId", "divisionId", "staffCategoryId");

-- CreateIndex
CREATE INDEX "Measure_ownerDivisionId_status_idx" ON "Measure"("ownerDivisionId", "status");

-- CreateIndex
CREATE INDEX "Measure_nextReviewDate_idx" ON "Measure"("nextReviewDate");

-- CreateIndex
CREATE UNIQUE INDEX "Partner_name_key" ON "Partner"("name");

-- CreateIndex
CREATE INDEX "PartnerContact_partnerId_idx" ON "PartnerContact"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Recommendation_number_key" ON "Recommendation"("number");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUpCycle_year_title_key" ON "FollowUpCycle"("year", "title");

-- CreateIndex
CREATE INDEX "FollowUp_divisionId_idx" ON "FollowUp"("divisionId");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_cycleId_divisionId_key" ON "FollowUp"("cycleId", "divisionId");

-- CreateIndex
CREATE INDEX "FollowUpItem_followUpId_idx" ON "FollowUpItem"("followUpId");

-- CreateIndex
CREATE INDEX "PublicContent_locale_status_idx" ON "PublicContent"("locale", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PublicContent_locale_versionNumber_key" ON "PublicContent"("locale", "versionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PublicContact_key_key" ON "PublicContact"("key");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_idx" ON "AuditEvent"("actorId");

-- CreateIndex
CREATE INDEX "_TrainingEventTargetGroups_B_index" ON "_TrainingEventTargetGroups"("B");

-- CreateIndex
CREATE INDEX "_SituationReportEntries_B_index" ON "_SituationReportEntries"("B");

-- AddForeignKey
ALTER TABLE "DivisionMembership" ADD CONSTRAINT "DivisionMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DivisionMembership" ADD CONSTRAINT "DivisionMembership_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkMembership" ADD CONSTRAINT "NetworkMembership_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "NetworkMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingAttendance" ADD CONSTRAINT "MeetingAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "NetworkMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "NetworkMeeting"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionItem" ADD CONSTRAINT "ActionItem_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationEntry" ADD CONSTRAINT "SituationEntry_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationEntry" ADD CONSTRAINT "SituationEntry_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationReportSection" ADD CONSTRAINT "SituationReportSection_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "SituationReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLogEntry" ADD CONSTRAINT "ContactLogEntry_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_staffCategoryId_fkey" FOREIGN KEY ("staffCategoryId") REFERENCES "StaffCategory"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingNeed" ADD CONSTRAINT "TrainingNeed_competencePlanId_fkey" FOREIGN KEY ("competencePlanId") REFERENCES "CompetencePlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingEvent" ADD CONSTRAINT "TrainingEvent_competencePlanId_fkey" FOREIGN KEY ("competencePlanId") REFERENCES "CompetencePlan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "TrainingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_staffCategoryId_fkey" FOREIGN KEY ("staffCategoryId") REFERENCES "StaffCategory"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_ownerDivisionId_fkey" FOREIGN KEY ("ownerDivisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planSectionId_fkey" FOREIGN KEY ("planSectionId") REFERENCES "PlanSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_responsibleUserId_fkey" FOREIGN KEY ("responsibleUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PartnerContact" ADD CONSTRAINT "PartnerContact_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_planSectionId_fkey" FOREIGN KEY ("planSectionId") REFERENCES "PlanSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Recommendation" ADD CONSTRAINT "Recommendation_responsibleUserId_fkey" FOREIGN KEY ("responsibleUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "FollowUpCycle"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_divisionId_fkey" FOREIGN KEY ("divisionId") REFERENCES "Division"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_followUpId_fkey" FOREIGN KEY ("followUpId") REFERENCES "FollowUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_trainingNeedId_fkey" FOREIGN KEY ("trainingNeedId") REFERENCES "TrainingNeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_actionItemId_fkey" FOREIGN KEY ("actionItemId") REFERENCES "ActionItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicContact" ADD CONSTRAINT "PublicContact_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TrainingEventTargetGroups" ADD CONSTRAINT "_TrainingEventTargetGroups_A_fkey" FOREIGN KEY ("A") REFERENCES "StaffCategory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TrainingEventTargetGroups" ADD CONSTRAINT "_TrainingEventTargetGroups_B_fkey" FOREIGN KEY ("B") REFERENCES "TrainingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SituationReportEntries" ADD CONSTRAINT "_SituationReportEntries_A_fkey" FOREIGN KEY ("A") REFERENCES "SituationEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_SituationReportEntries" ADD CONSTRAINT "_SituationReportEntries_B_fkey" FOREIGN KEY ("B") REFERENCES "SituationReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
