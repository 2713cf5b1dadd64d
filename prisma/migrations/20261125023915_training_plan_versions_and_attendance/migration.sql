-- CreateEnum
CREATE TYPE "AttendeeGroup" AS ENUM ('STAFF', 'MANAGERS', 'ELECTED_OFFICIALS');

-- DropIndex
DROP INDEX "TrainingAttendance_eventId_divisionId_staffCategoryId_key";

-- AlterTable
ALTER TABLE "TrainingAttendance" ADD COLUMN     "group" "AttendeeGroup" NOT NULL DEFAULT 'STAFF';

-- CreateTable
CREATE TABLE "CompetencePlanVersion" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "approvedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "approvedById" UUID NOT NULL,

    CONSTRAINT "CompetencePlanVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_TrainingEventDivisions" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_TrainingEventDivisions_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateTable
CREATE TABLE "_TrainingEventNeeds" (
    "A" UUID NOT NULL,
    "B" UUID NOT NULL,

    CONSTRAINT "_TrainingEventNeeds_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "CompetencePlanVersion_planId_number_key" ON "CompetencePlanVersion"("planId", "number");

-- CreateIndex
CREATE INDEX "_TrainingEventDivisions_B_index" ON "_TrainingEventDivisions"("B");

-- CreateIndex
CREATE INDEX "_TrainingEventNeeds_B_index" ON "_TrainingEventNeeds"("B");

-- CreateIndex
CREATE UNIQUE INDEX "TrainingAttendance_eventId_divisionId_group_staffCategoryId_key" ON "TrainingAttendance"("eventId", "divisionId", "group", "staffCategoryId");

-- AddForeignKey
ALTER TABLE "CompetencePlanVersion" ADD CONSTRAINT "CompetencePlanVersion_planId_fkey" FOREIGN KEY ("planId") REFERENCES "CompetencePlan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TrainingEventDivisions" ADD CONSTRAINT "_TrainingEventDivisions_A_fkey" FOREIGN KEY ("A") REFERENCES "Division"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TrainingEventDivisions" ADD CONSTRAINT "_TrainingEventDivisions_B_fkey" FOREIGN KEY ("B") REFERENCES "TrainingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TrainingEventNeeds" ADD CONSTRAINT "_TrainingEventNeeds_A_fkey" FOREIGN KEY ("A") REFERENCES "TrainingEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_TrainingEventNeeds" ADD CONSTRAINT "_TrainingEventNeeds_B_fkey" FOREIGN KEY ("B") REFERENCES "TrainingNeed"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- ═══════════════════════════ Hand-written: the competence plan's walls ═══════════════════════════
-- Issue 10. Each policy mirrors the permission table (lib/access/permissions.ts); planning events
-- and recording attendance also need the network's competence-development responsibility for a
-- network member (the role alone is not enough), checked here as in the use cases.

-- The caller is a network member who carries the competence-development responsibility in an
-- active membership — of `division` when given, else of any of their divisions.
CREATE FUNCTION varna_competence_developer(division uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
    SELECT coalesce(varna_is('{NETWORK_MEMBER}') AND EXISTS (
      SELECT 1 FROM "NetworkMembership" m
       WHERE m."userId" = varna_user_id() AND m.active
         AND 'COMPETENCE_DEVELOPMENT' = ANY (m.responsibilities)
         AND m."divisionId" = ANY (varna_division_ids())
         AND (division IS NULL OR m."divisionId" = division)), false)
  $$;

-- ───────────── Attendance: COORDINATOR all; DIVISION_HEAD reads own; NETWORK_MEMBER reads own, writes own with the responsibility ─────────────
DROP POLICY training_attendance_write ON "TrainingAttendance";
CREATE POLICY training_attendance_insert ON "TrainingAttendance" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND varna_competence_developer("divisionId")));
CREATE POLICY training_attendance_update ON "TrainingAttendance" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND varna_competence_developer("divisionId")))
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND varna_competence_developer("divisionId")));
CREATE POLICY training_attendance_delete ON "TrainingAttendance" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND varna_competence_developer("divisionId")));

-- ───────────── Events: read by COORDINATOR, DIVISION_HEAD, NETWORK_MEMBER; planned by the coordinator and competence developers ─────────────
-- Observers read the approved plan's frozen versions, not the working events.
ALTER TABLE "TrainingEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_event_select ON "TrainingEvent" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,DIVISION_HEAD,NETWORK_MEMBER}'));
CREATE POLICY training_event_insert ON "TrainingEvent" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_competence_developer(NULL));
CREATE POLICY training_event_update ON "TrainingEvent" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_competence_developer(NULL))
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_competence_developer(NULL));
CREATE POLICY training_event_delete ON "TrainingEvent" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

-- An event's target divisions: plan data, read and written with the events.
ALTER TABLE "_TrainingEventDivisions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_event_divisions_select ON "_TrainingEventDivisions" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,DIVISION_HEAD,NETWORK_MEMBER}'));
CREATE POLICY training_event_divisions_insert ON "_TrainingEventDivisions" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_competence_developer(NULL));
CREATE POLICY training_event_divisions_delete ON "_TrainingEventDivisions" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_competence_developer(NULL));

-- Which needs an event answers: visible with the need itself (its own policies decide), linked
-- and unlinked by those who plan events, and only for needs they can see.
ALTER TABLE "_TrainingEventNeeds" ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_event_needs_select ON "_TrainingEventNeeds" FOR SELECT TO varna_app
  USING (EXISTS (SELECT 1 FROM "TrainingNeed" n WHERE n.id = "B"));
CREATE POLICY training_event_needs_insert ON "_TrainingEventNeeds" FOR INSERT TO varna_app
  WITH CHECK ((varna_is('{COORDINATOR}') OR varna_competence_developer(NULL))
              AND EXISTS (SELECT 1 FROM "TrainingNeed" n WHERE n.id = "B"));
CREATE POLICY training_event_needs_delete ON "_TrainingEventNeeds" FOR DELETE TO varna_app
  USING ((varna_is('{COORDINATOR}') OR varna_competence_developer(NULL))
         AND EXISTS (SELECT 1 FROM "TrainingNeed" n WHERE n.id = "B"));

-- ───────────── Competence plan: COORDINATOR writes; everyone else reads; OBSERVER only an approved one ─────────────
ALTER TABLE "CompetencePlan" ENABLE ROW LEVEL SECURITY;
CREATE POLICY competence_plan_select ON "CompetencePlan" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,DIVISION_HEAD,NETWORK_MEMBER}') OR (varna_is('{OBSERVER}') AND status = 'ADOPTED'));
CREATE POLICY competence_plan_insert ON "CompetencePlan" FOR INSERT TO varna_app WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY competence_plan_update ON "CompetencePlan" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY competence_plan_delete ON "CompetencePlan" FOR DELETE TO varna_app USING (varna_is('{COORDINATOR}'));

-- Approved versions are frozen: the coordinator adds one, nobody changes or removes one.
ALTER TABLE "CompetencePlanVersion" ENABLE ROW LEVEL SECURITY;
CREATE POLICY competence_plan_version_select ON "CompetencePlanVersion" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,DIVISION_HEAD,NETWORK_MEMBER,OBSERVER}'));
CREATE POLICY competence_plan_version_insert ON "CompetencePlanVersion" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') AND "approvedById" = varna_user_id());
REVOKE UPDATE, DELETE, TRUNCATE ON TABLE "CompetencePlanVersion" FROM varna_app;

-- ───────────── Observers' coverage: per division and level, small counts suppressed ─────────────
-- The same arithmetic as lib/training/coverage.ts, summed over staff categories: identified =
-- head-counts of the plan year's needs (wanted by a date in the year, or linked to one of the
-- plan's events; cancelled ones left out); trained = staff who attended the plan's events of
-- that level. For an observer a figure below the suppression threshold comes back NULL.
CREATE FUNCTION varna_training_coverage(p_plan uuid)
  RETURNS TABLE (division text, sort_order integer, level text, identified bigint, trained bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
    plan_year integer;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    SELECT p.year INTO plan_year FROM "CompetencePlan" p WHERE p.id = p_plan;
    IF plan_year IS NULL THEN RETURN; END IF;
    RETURN QUERY
      WITH needs AS (
        SELECT n."divisionId" AS d, n.level::text AS l, sum(n.headcount)::bigint AS v
          FROM "TrainingNeed" n
         WHERE n.status <> 'CANCELLED'
           AND (extract(year FROM n."wantedBy") = plan_year
                OR EXISTS (SELECT 1 FROM "_TrainingEventNeeds" x JOIN "TrainingEvent" e ON e.id = x."A"
                            WHERE x."B" = n.id AND e."competencePlanId" = p_plan))
         GROUP BY 1, 2
      ), trained AS (
        SELECT a."divisionId" AS d, e.level::text AS l, sum(a.attended)::bigint AS v
          FROM "TrainingAttendance" a JOIN "TrainingEvent" e ON e.id = a."eventId"
         WHERE e."competencePlanId" = p_plan AND e.status <> 'CANCELLED' AND a."group" = 'STAFF'
         GROUP BY 1, 2
      ), cells AS (
        SELECT coalesce(n.d, t.d) AS d, coalesce(n.l, t.l) AS l, coalesce(n.v, 0) AS identified, coalesce(t.v, 0) AS trained
          FROM needs n FULL JOIN trained t ON t.d = n.d AND t.l = n.l
      )
      SELECT dv.name, dv."sortOrder", c.l,
             CASE WHEN varna_is('{OBSERVER}') AND c.identified < threshold THEN NULL ELSE c.identified END,
             CASE WHEN varna_is('{OBSERVER}') AND c.trained < threshold THEN NULL ELSE c.trained END
        FROM cells c JOIN "Division" dv ON dv.id = c.d
       ORDER BY dv."sortOrder", dv.name, c.l;
  END
  $$;
