-- CreateEnum
CREATE TYPE "ContactGender" AS ENUM ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "ContactAgeBand" AS ENUM ('UNDER_13', 'AGE_13_17', 'AGE_18_25', 'AGE_26_PLUS', 'UNKNOWN');

-- AlterTable
ALTER TABLE "ContactLogEntry" ADD COLUMN     "ageBand" "ContactAgeBand" NOT NULL DEFAULT 'UNKNOWN',
ADD COLUMN     "gender" "ContactGender" NOT NULL DEFAULT 'UNKNOWN';

-- AlterTable
ALTER TABLE "SituationReport" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "figures" JSONB;

-- CreateTable
CREATE TABLE "SituationReportCitation" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "divisionName" TEXT NOT NULL,
    "districtName" TEXT,
    "observedOn" DATE NOT NULL,
    "environment" "ExtremistEnvironment" NOT NULL,
    "activityType" "ActivityType" NOT NULL,
    "source" "InformationSource" NOT NULL,
    "reliability" "Reliability" NOT NULL,
    "genderPerspective" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "SituationReportCitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LegalBasis" (
    "id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "toBeCheckedByLawyer" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LegalBasis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SituationReportShare" (
    "id" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "sharedOn" DATE NOT NULL,
    "sharedById" UUID NOT NULL,
    "sharedByName" TEXT NOT NULL,
    "legalBasisId" UUID NOT NULL,
    "legalBasisLabel" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SituationReportShare_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SituationReportCitation_reportId_entryId_key" ON "SituationReportCitation"("reportId", "entryId");

-- CreateIndex
CREATE UNIQUE INDEX "LegalBasis_label_key" ON "LegalBasis"("label");

-- CreateIndex
CREATE INDEX "SituationReportShare_reportId_sharedOn_idx" ON "SituationReportShare"("reportId", "sharedOn");

-- AddForeignKey
ALTER TABLE "SituationReportCitation" ADD CONSTRAINT "SituationReportCitation_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "SituationReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationReportShare" ADD CONSTRAINT "SituationReportShare_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "SituationReport"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SituationReportShare" ADD CONSTRAINT "SituationReportShare_legalBasisId_fkey" FOREIGN KEY ("legalBasisId") REFERENCES "LegalBasis"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ═══════════════════════════ Hand-written: the walls of the new tables ═══════════════════════════
-- Per role and command, as lib/access/permissions.ts grants them (decision 011);
-- tests/integration/row-level-security.test.ts checks every role × command.

-- A final report's frozen copies of the entries it cites: entry text, so the coordinator's
-- alone (observers read the report's figures, never an entry). Copies are added only while
-- the report is still a draft (finalizing adds them, then sets FINAL in the same
-- transaction) and are never changed: no UPDATE or DELETE policy.
ALTER TABLE "SituationReportCitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_report_citation_select ON "SituationReportCitation" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}'));
CREATE POLICY situation_report_citation_insert ON "SituationReportCitation" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}')
              AND EXISTS (SELECT 1 FROM "SituationReport" r WHERE r.id = "reportId" AND r.status = 'DRAFT'));

-- The list of legal grounds for sharing: the coordinator keeps it (resource legalBasis).
ALTER TABLE "LegalBasis" ENABLE ROW LEVEL SECURITY;
CREATE POLICY legal_basis_select ON "LegalBasis" FOR SELECT TO varna_app USING (varna_is('{COORDINATOR}'));
CREATE POLICY legal_basis_insert ON "LegalBasis" FOR INSERT TO varna_app WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY legal_basis_update ON "LegalBasis" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY legal_basis_delete ON "LegalBasis" FOR DELETE TO varna_app USING (varna_is('{COORDINATOR}'));

-- Sharing records (situationReport.share): the coordinator records, in their own name, that a
-- FINAL report was shared; a record is never changed or removed (no UPDATE or DELETE policy).
ALTER TABLE "SituationReportShare" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_report_share_select ON "SituationReportShare" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}'));
CREATE POLICY situation_report_share_insert ON "SituationReportShare" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') AND "sharedById" = varna_user_id()
              AND EXISTS (SELECT 1 FROM "SituationReport" r WHERE r.id = "reportId" AND r.status = 'FINAL'));

-- A final report is a record: it may not be deleted, only a draft (the use case refuses too).
DROP POLICY situation_report_delete ON "SituationReport";
CREATE POLICY situation_report_delete ON "SituationReport" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') AND status = 'DRAFT');

-- The starting list, to be checked by the municipality's lawyer before it is relied on.
INSERT INTO "LegalBasis" ("id", "label", "note", "toBeCheckedByLawyer", "updatedAt") VALUES
  (gen_random_uuid(), 'OSL 10 kap. 2 § – nödvändigt utlämnande', 'Utlämnande som är nödvändigt för att kommunen ska kunna fullgöra sin verksamhet. Ska kontrolleras av kommunens jurist.', true, CURRENT_TIMESTAMP),
  (gen_random_uuid(), 'OSL 10 kap. 27 § – generalklausulen', 'Uppenbart att intresset av att uppgiften lämnas ut har företräde framför det intresse sekretessen ska skydda. Ska kontrolleras av kommunens jurist.', true, CURRENT_TIMESTAMP);
