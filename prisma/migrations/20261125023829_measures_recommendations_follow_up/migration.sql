-- CreateEnum
CREATE TYPE "SpecialInvestigationStatus" AS ENUM ('NOT_STARTED', 'ONGOING', 'COMPLETED');

-- CreateEnum
CREATE TYPE "EvaluationStatus" AS ENUM ('DRAFT', 'ISSUED');

-- AlterTable
ALTER TABLE "FollowUpItem" ADD COLUMN     "reportedStatus" TEXT;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "investigationStatus" "SpecialInvestigationStatus";

-- AlterTable
ALTER TABLE "Recommendation" ADD COLUMN     "isParaphrase" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "RecommendationMeasure" (
    "recommendationId" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationMeasure_pkey" PRIMARY KEY ("recommendationId","measureId")
);

-- CreateTable
CREATE TABLE "MeasureFinding" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "reportId" UUID NOT NULL,
    "sectionId" UUID,
    "note" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "YearlyEvaluation" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "EvaluationStatus" NOT NULL DEFAULT 'DRAFT',
    "sectionTexts" JSONB NOT NULL DEFAULT '{}',
    "snapshot" JSONB,
    "issuedAt" TIMESTAMP(3),
    "issuedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "YearlyEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecommendationMeasure_measureId_idx" ON "RecommendationMeasure"("measureId");

-- CreateIndex
CREATE INDEX "MeasureFinding_reportId_idx" ON "MeasureFinding"("reportId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureFinding_measureId_reportId_sectionId_key" ON "MeasureFinding"("measureId", "reportId", "sectionId");

-- CreateIndex
CREATE UNIQUE INDEX "YearlyEvaluation_year_key" ON "YearlyEvaluation"("year");

-- AddForeignKey
ALTER TABLE "RecommendationMeasure" ADD CONSTRAINT "RecommendationMeasure_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "Recommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationMeasure" ADD CONSTRAINT "RecommendationMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureFinding" ADD CONSTRAINT "MeasureFinding_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureFinding" ADD CONSTRAINT "MeasureFinding_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "SituationReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureFinding" ADD CONSTRAINT "MeasureFinding_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "SituationReportSection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ═══════════════════════════ Hand-written: the walls of the new tables ═══════════════════════════
-- Mirrors lib/access/permissions.ts like the policies of 20261124233919_database_walls_and_audit_chain.

-- Recommendation ↔ measure: a link is seen with its measure (Measure's own policies decide
-- which: the coordinator all, a division's own measures for its head and members); only the
-- coordinator, who keeps the checklist (recommendation.update), writes links.
ALTER TABLE "RecommendationMeasure" ENABLE ROW LEVEL SECURITY;
CREATE POLICY recommendation_measure_select ON "RecommendationMeasure" FOR SELECT TO varna_app
  USING (EXISTS (SELECT 1 FROM "Measure" m WHERE m.id = "measureId"));
CREATE POLICY recommendation_measure_insert ON "RecommendationMeasure" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY recommendation_measure_update ON "RecommendationMeasure" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY recommendation_measure_delete ON "RecommendationMeasure" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

-- Measure ↔ situation-report finding: reports are the coordinator's (observers read only FINAL
-- reports as documents, never the links to a division's measures), so are these links.
ALTER TABLE "MeasureFinding" ENABLE ROW LEVEL SECURITY;
CREATE POLICY measure_finding_select ON "MeasureFinding" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}'));
CREATE POLICY measure_finding_insert ON "MeasureFinding" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY measure_finding_update ON "MeasureFinding" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY measure_finding_delete ON "MeasureFinding" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

-- The yearly evaluation: the coordinator drafts it; once ISSUED it is frozen (no update, no
-- delete) and observers may read it, like a FINAL situation report.
ALTER TABLE "YearlyEvaluation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY yearly_evaluation_select ON "YearlyEvaluation" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR (varna_is('{OBSERVER}') AND status = 'ISSUED'));
CREATE POLICY yearly_evaluation_insert ON "YearlyEvaluation" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') AND status = 'DRAFT');
CREATE POLICY yearly_evaluation_update ON "YearlyEvaluation" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') AND status = 'DRAFT') WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY yearly_evaluation_delete ON "YearlyEvaluation" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') AND status = 'DRAFT');
