-- DropForeignKey
ALTER TABLE "FollowUpItem" DROP CONSTRAINT "FollowUpItem_measureId_fkey";

-- DropForeignKey
ALTER TABLE "MeasureFinding" DROP CONSTRAINT "MeasureFinding_measureId_fkey";

-- DropForeignKey
ALTER TABLE "RecommendationMeasure" DROP CONSTRAINT "RecommendationMeasure_measureId_fkey";

-- AddForeignKey
ALTER TABLE "RecommendationMeasure" ADD CONSTRAINT "RecommendationMeasure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureFinding" ADD CONSTRAINT "MeasureFinding_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUpItem" ADD CONSTRAINT "FollowUpItem_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Whether a measure is referenced by a follow-up line, a recommendation's link or a situation
-- report's finding — in any division's follow-up and in the coordinator's findings, which the
-- division head deleting the measure may not read. Only yes or no, never what: the use case
-- (lib/server/measures/delete-measure.ts) asks it for a measure already found in the viewer's
-- scope, to refuse the delete with a Swedish message; the RESTRICT foreign keys above are the
-- wall behind it (a cascade would bypass row-level security).
CREATE FUNCTION varna_measure_in_use(measure uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT EXISTS (SELECT 1 FROM "FollowUpItem" WHERE "measureId" = measure)
        OR EXISTS (SELECT 1 FROM "RecommendationMeasure" WHERE "measureId" = measure)
        OR EXISTS (SELECT 1 FROM "MeasureFinding" WHERE "measureId" = measure)
  $$;
