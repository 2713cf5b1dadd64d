-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "chainSeq" BIGINT;

-- CreateTable
CREATE TABLE "AuditThrottle" (
    "actorKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "minute" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "AuditThrottle_pkey" PRIMARY KEY ("actorKey","kind","minute")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "chainSeq" BIGINT NOT NULL,
    "hash" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "verifiedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditThrottle_minute_idx" ON "AuditThrottle"("minute");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_chainSeq_key" ON "AuditEvent"("chainSeq");

-- ═══════════════════════════ Hand-written: the walls per role and command ═══════════════════════════
-- docs/decisions/011-database-walls-and-audit-chain.md. Every policy below mirrors one row of
-- the permission table (lib/access/permissions.ts); tests/integration/row-level-security.test.ts
-- checks each role × command × own/other division against that table.

CREATE FUNCTION varna_user_id() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('varna.user_id', true), '')::uuid $$;

-- The viewer is one of `roles` and the row belongs to one of the viewer's own divisions.
CREATE FUNCTION varna_own(roles text[], division uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT coalesce(varna_role() = ANY (roles) AND division = ANY (varna_division_ids()), false)
  $$;

CREATE FUNCTION varna_is(roles text[]) RETURNS boolean
  LANGUAGE sql STABLE AS $$ SELECT coalesce(varna_role() = ANY (roles), false) $$;

-- The old policies allowed every command to every role in scope, and observers every row.
DROP POLICY situation_entry_scope ON "SituationEntry";
DROP POLICY contact_log_scope ON "ContactLogEntry";
DROP POLICY situation_report_coordinator ON "SituationReport";
DROP POLICY situation_report_observer ON "SituationReport";
DROP POLICY situation_report_section_via_report ON "SituationReportSection";
DROP POLICY situation_report_entries_coordinator ON "_SituationReportEntries";
DROP POLICY training_need_scope ON "TrainingNeed";
DROP POLICY training_need_observer ON "TrainingNeed";
DROP POLICY measure_scope ON "Measure";
DROP POLICY measure_observer ON "Measure";
DROP POLICY follow_up_scope ON "FollowUp";
DROP POLICY follow_up_observer ON "FollowUp";
DROP POLICY follow_up_item_via_follow_up ON "FollowUpItem";
DROP POLICY training_attendance_scope ON "TrainingAttendance";
DROP POLICY training_attendance_observer ON "TrainingAttendance";
DROP POLICY action_item_scope ON "ActionItem";
DROP POLICY audit_insert ON "AuditEvent";
DROP POLICY audit_read ON "AuditEvent";
DROP FUNCTION varna_in_division_scope(uuid);

-- ───────────── situationEntry: COORDINATOR all; DIVISION_HEAD reads own; NETWORK_MEMBER writes own ─────────────
-- Only the coordinator reviews or archives: a member's row stays DRAFT or SUBMITTED.
CREATE POLICY situation_entry_select ON "SituationEntry" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"));
CREATE POLICY situation_entry_insert ON "SituationEntry" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND status IN ('DRAFT', 'SUBMITTED')
                  AND "createdById" = varna_user_id() AND "reviewedById" IS NULL));
CREATE POLICY situation_entry_update ON "SituationEntry" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{NETWORK_MEMBER}', "divisionId"))
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND status IN ('DRAFT', 'SUBMITTED')));
CREATE POLICY situation_entry_delete ON "SituationEntry" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{NETWORK_MEMBER}', "divisionId"));

-- ───────────── contactLog: COORDINATOR all; DIVISION_HEAD writes and deletes own; NETWORK_MEMBER writes own ─────────────
CREATE POLICY contact_log_select ON "ContactLogEntry" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"));
CREATE POLICY contact_log_insert ON "ContactLogEntry" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId") AND "createdById" = varna_user_id()));
CREATE POLICY contact_log_update ON "ContactLogEntry" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"))
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"));
CREATE POLICY contact_log_delete ON "ContactLogEntry" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"));

-- ───────────── situationReport: COORDINATOR all (a FINAL report is frozen); OBSERVER reads FINAL ─────────────
CREATE POLICY situation_report_select ON "SituationReport" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR (varna_is('{OBSERVER}') AND status = 'FINAL'));
CREATE POLICY situation_report_insert ON "SituationReport" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY situation_report_update ON "SituationReport" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') AND status = 'DRAFT') WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY situation_report_delete ON "SituationReport" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

CREATE POLICY situation_report_section_select ON "SituationReportSection" FOR SELECT TO varna_app
  USING (EXISTS (SELECT 1 FROM "SituationReport" r WHERE r.id = "reportId"));
CREATE POLICY situation_report_section_insert ON "SituationReportSection" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY situation_report_section_update ON "SituationReportSection" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY situation_report_section_delete ON "SituationReportSection" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

-- Which entries a report is built from: the entries themselves, so the coordinator's only.
CREATE POLICY situation_report_entries_all ON "_SituationReportEntries" TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

-- ───────────── trainingNeed, measure: COORDINATOR all; DIVISION_HEAD writes own; NETWORK_MEMBER reads own ─────────────
-- Observers get no rows: their figures come from varna_aggregate_figures() below.
CREATE POLICY training_need_select ON "TrainingNeed" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"));
CREATE POLICY training_need_insert ON "TrainingNeed" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"));
CREATE POLICY training_need_update ON "TrainingNeed" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"))
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"));
CREATE POLICY training_need_delete ON "TrainingNeed" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"));

CREATE POLICY measure_select ON "Measure" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "ownerDivisionId"));
CREATE POLICY measure_insert ON "Measure" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "ownerDivisionId"));
CREATE POLICY measure_update ON "Measure" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "ownerDivisionId"))
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "ownerDivisionId"));
CREATE POLICY measure_delete ON "Measure" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "ownerDivisionId"));

-- Attendance: a division's figures of a training event (read as `aggregates`, as the scope
-- builder does: a division reads its own, the coordinator all; observers only counts); written
-- with the event (trainingEvent: the coordinator).
CREATE POLICY training_attendance_select ON "TrainingAttendance" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"));
CREATE POLICY training_attendance_write ON "TrainingAttendance" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

-- ───────────── followUp: COORDINATOR all; DIVISION_HEAD reads and updates own (never to REVIEWED); OBSERVER reads REVIEWED ─────────────
CREATE POLICY follow_up_select ON "FollowUp" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId")
         OR (varna_is('{OBSERVER}') AND status = 'REVIEWED'));
CREATE POLICY follow_up_insert ON "FollowUp" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY follow_up_update ON "FollowUp" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', "divisionId"))
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{DIVISION_HEAD}', "divisionId") AND status IN ('NOT_STARTED', 'DRAFT', 'SUBMITTED')));
CREATE POLICY follow_up_delete ON "FollowUp" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

-- A follow-up's lines: readable with their follow-up, written by whoever may update it.
CREATE POLICY follow_up_item_select ON "FollowUpItem" FOR SELECT TO varna_app
  USING (EXISTS (SELECT 1 FROM "FollowUp" f WHERE f.id = "followUpId"));
CREATE POLICY follow_up_item_write ON "FollowUpItem" FOR ALL TO varna_app
  USING (EXISTS (SELECT 1 FROM "FollowUp" f WHERE f.id = "followUpId"
                 AND (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', f."divisionId"))))
  WITH CHECK (EXISTS (SELECT 1 FROM "FollowUp" f WHERE f.id = "followUpId"
                      AND (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD}', f."divisionId"))));

-- ───────────── actionItem: COORDINATOR all; DIVISION_HEAD reads own; NETWORK_MEMBER reads and updates own and network-wide ─────────────
CREATE POLICY action_item_select ON "ActionItem" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId")
         OR ("divisionId" IS NULL AND varna_is('{NETWORK_MEMBER}')));
CREATE POLICY action_item_insert ON "ActionItem" FOR INSERT TO varna_app
  WITH CHECK (varna_is('{COORDINATOR}'));
CREATE POLICY action_item_update ON "ActionItem" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{NETWORK_MEMBER}', "divisionId")
         OR ("divisionId" IS NULL AND varna_is('{NETWORK_MEMBER}')))
  WITH CHECK (varna_is('{COORDINATOR}') OR varna_own('{NETWORK_MEMBER}', "divisionId")
              OR ("divisionId" IS NULL AND varna_is('{NETWORK_MEMBER}')));
CREATE POLICY action_item_delete ON "ActionItem" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}'));

-- ───────────── The network's roster (networkMeeting): the coordinator keeps it; members read it ─────────────
ALTER TABLE "NetworkMembership" ENABLE ROW LEVEL SECURITY;
CREATE POLICY network_membership_select ON "NetworkMembership" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR,NETWORK_MEMBER}'));
CREATE POLICY network_membership_write ON "NetworkMembership" FOR ALL TO varna_app
  USING (varna_is('{COORDINATOR}')) WITH CHECK (varna_is('{COORDINATOR}'));

-- ───────────── Observers' figures: grouped counts only, small ones suppressed ─────────────
-- The one way an observer reaches division work: totals, never an id, a title or free text.
-- A count below the suppression threshold (Setting `aggregates.suppressionThreshold`,
-- default 5) comes back as NULL for an observer. Runs as the owner, so it checks the caller.
CREATE FUNCTION varna_aggregate_figures(p_today date)
  RETURNS TABLE (metric text, value bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    RETURN QUERY
      SELECT f.metric, CASE WHEN varna_is('{OBSERVER}') AND f.value < threshold THEN NULL ELSE f.value END
      FROM (
        SELECT 'openTrainingNeeds' AS metric, count(*)::bigint AS value
          FROM "TrainingNeed" WHERE status IN ('REGISTERED', 'PLANNED')
        UNION ALL
        SELECT 'staffToTrain', coalesce(sum(headcount), 0)::bigint
          FROM "TrainingNeed" WHERE status IN ('REGISTERED', 'PLANNED')
        UNION ALL
        SELECT 'activeMeasures', count(*)::bigint FROM "Measure" WHERE status IN ('PLANNED', 'ONGOING')
        UNION ALL
        SELECT 'overdueMeasures', count(*)::bigint
          FROM "Measure" WHERE status IN ('PLANNED', 'ONGOING') AND "nextReviewDate" < p_today
      ) f
      UNION ALL
      SELECT 'suppressionThreshold', threshold;
  END
  $$;

-- ───────────── Audit trail: an event names the transaction's own user ─────────────
CREATE POLICY audit_select ON "AuditEvent" FOR SELECT TO varna_app USING (varna_is('{COORDINATOR}'));
CREATE POLICY audit_insert ON "AuditEvent" FOR INSERT TO varna_app
  WITH CHECK ("actorId" = varna_user_id() AND "actorRole"::text = varna_role());

-- The rate limit and the checkpoint are the owner's: the app role can neither read nor forge them.
REVOKE ALL ON TABLE "AuditThrottle" FROM varna_app;
REVOKE ALL ON TABLE "AuditCheckpoint" FROM varna_app;

-- ───────────── The chain in the order the lock was taken ─────────────
-- Ids come from the column default before the trigger runs, so two inserts can take the lock
-- in the other order than their ids. chainSeq is drawn under the lock; the chain links to the
-- previous chainSeq and is verified in chainSeq order. Existing events keep their order.
ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_no_update;
UPDATE "AuditEvent" e SET "chainSeq" = o.seq
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM "AuditEvent") o WHERE o.id = e.id;
ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_no_update;

CREATE OR REPLACE FUNCTION varna_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    last_seq bigint;
    last_hash text;
  BEGIN
    PERFORM pg_advisory_xact_lock(7660136017);
    SELECT a."chainSeq", a.hash INTO last_seq, last_hash
      FROM "AuditEvent" a WHERE a."chainSeq" IS NOT NULL ORDER BY a."chainSeq" DESC LIMIT 1;
    NEW."chainSeq" := coalesce(last_seq, 0) + 1;
    NEW."prevHash" := last_hash;
    NEW."occurredAt" := coalesce(NEW."occurredAt", now());
    NEW.hash := varna_audit_hash(NEW);
    RETURN NEW;
  END
  $$;
