-- Row-level security: the database's own wall around each division's records, and the
-- audit trail made append-only and hash-chained by the database itself.
--
-- The app runs every scoped query inside a transaction that first sets
--   varna.role, varna.division_ids (comma-separated), varna.user_id   (set_config(…, true))
-- and then `SET LOCAL ROLE varna_app`. varna_app is not a superuser, does not own the
-- tables and has no BYPASSRLS, so the policies below apply to it. Without the settings the
-- helper functions return NULL / an empty list and every policy denies: it fails closed.

-- ───────────── The app role (cluster-wide, so created only once per server) ─────────────
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'varna_app') THEN
    CREATE ROLE varna_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
  -- The connecting (migrating) user must be allowed to SET ROLE varna_app.
  EXECUTE format('GRANT varna_app TO %I', current_user);
END
$$;

GRANT USAGE ON SCHEMA public TO varna_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO varna_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO varna_app;
-- Tables made by later migrations get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO varna_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO varna_app;
-- The migration history is not the app's business (absent where a diff replays the scripts).
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM varna_app;
  END IF;
END
$$;

-- ───────────── The viewer, as the transaction describes it ─────────────
CREATE FUNCTION varna_role() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('varna.role', true), '') $$;

CREATE FUNCTION varna_division_ids() RETURNS uuid[]
  LANGUAGE sql STABLE AS $$
    SELECT coalesce(string_to_array(nullif(current_setting('varna.division_ids', true), ''), ',')::uuid[], '{}'::uuid[])
  $$;

-- A division's records: the coordinator sees every division, division heads and network
-- members only their own; observers and IT administrators none (observers read aggregates
-- only where a table's policy says so below).
CREATE FUNCTION varna_in_division_scope(division uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT coalesce(
      varna_role() = 'COORDINATOR'
      OR (varna_role() IN ('DIVISION_HEAD', 'NETWORK_MEMBER') AND division = ANY (varna_division_ids())),
      false)
  $$;

-- ───────────── Situation picture: never for observers or IT administrators ─────────────
ALTER TABLE "SituationEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_entry_scope ON "SituationEntry" TO varna_app
  USING (varna_in_division_scope("divisionId")) WITH CHECK (varna_in_division_scope("divisionId"));

ALTER TABLE "ContactLogEntry" ENABLE ROW LEVEL SECURITY;
CREATE POLICY contact_log_scope ON "ContactLogEntry" TO varna_app
  USING (varna_in_division_scope("divisionId")) WITH CHECK (varna_in_division_scope("divisionId"));

-- Compiled reports: the coordinator's; observers read finished ones.
ALTER TABLE "SituationReport" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_report_coordinator ON "SituationReport" TO varna_app
  USING (varna_role() = 'COORDINATOR') WITH CHECK (varna_role() = 'COORDINATOR');
CREATE POLICY situation_report_observer ON "SituationReport" FOR SELECT TO varna_app
  USING (varna_role() = 'OBSERVER' AND status = 'FINAL');

ALTER TABLE "SituationReportSection" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_report_section_via_report ON "SituationReportSection" TO varna_app
  USING (EXISTS (SELECT 1 FROM "SituationReport" r WHERE r.id = "reportId"))
  WITH CHECK (varna_role() = 'COORDINATOR');

ALTER TABLE "_SituationReportEntries" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_report_entries_coordinator ON "_SituationReportEntries" TO varna_app
  USING (varna_role() = 'COORDINATOR') WITH CHECK (varna_role() = 'COORDINATOR');

-- ───────────── Division work: observers may read (for aggregates), never write ─────────────
ALTER TABLE "TrainingNeed" ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_need_scope ON "TrainingNeed" TO varna_app
  USING (varna_in_division_scope("divisionId")) WITH CHECK (varna_in_division_scope("divisionId"));
CREATE POLICY training_need_observer ON "TrainingNeed" FOR SELECT TO varna_app
  USING (varna_role() = 'OBSERVER');

ALTER TABLE "Measure" ENABLE ROW LEVEL SECURITY;
CREATE POLICY measure_scope ON "Measure" TO varna_app
  USING (varna_in_division_scope("ownerDivisionId")) WITH CHECK (varna_in_division_scope("ownerDivisionId"));
CREATE POLICY measure_observer ON "Measure" FOR SELECT TO varna_app
  USING (varna_role() = 'OBSERVER');

ALTER TABLE "FollowUp" ENABLE ROW LEVEL SECURITY;
CREATE POLICY follow_up_scope ON "FollowUp" TO varna_app
  USING (varna_in_division_scope("divisionId")) WITH CHECK (varna_in_division_scope("divisionId"));
CREATE POLICY follow_up_observer ON "FollowUp" FOR SELECT TO varna_app
  USING (varna_role() = 'OBSERVER' AND status = 'REVIEWED');

ALTER TABLE "FollowUpItem" ENABLE ROW LEVEL SECURITY;
CREATE POLICY follow_up_item_via_follow_up ON "FollowUpItem" TO varna_app
  USING (EXISTS (SELECT 1 FROM "FollowUp" f WHERE f.id = "followUpId"))
  WITH CHECK (EXISTS (SELECT 1 FROM "FollowUp" f WHERE f.id = "followUpId" AND varna_in_division_scope(f."divisionId")));

ALTER TABLE "TrainingAttendance" ENABLE ROW LEVEL SECURITY;
CREATE POLICY training_attendance_scope ON "TrainingAttendance" TO varna_app
  USING (varna_in_division_scope("divisionId")) WITH CHECK (varna_in_division_scope("divisionId"));
CREATE POLICY training_attendance_observer ON "TrainingAttendance" FOR SELECT TO varna_app
  USING (varna_role() = 'OBSERVER');

-- Network action items: a division's items as above; network-wide items (no division) are
-- the coordinator's and the network members'.
ALTER TABLE "ActionItem" ENABLE ROW LEVEL SECURITY;
CREATE POLICY action_item_scope ON "ActionItem" TO varna_app
  USING (varna_in_division_scope("divisionId")
         OR ("divisionId" IS NULL AND varna_role() IN ('COORDINATOR', 'NETWORK_MEMBER')))
  WITH CHECK (varna_in_division_scope("divisionId")
              OR ("divisionId" IS NULL AND varna_role() = 'COORDINATOR'));

-- ───────────── Audit trail: append-only, hash-chained ─────────────
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM varna_app;
ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
CREATE POLICY audit_insert ON "AuditEvent" FOR INSERT TO varna_app WITH CHECK (true);
CREATE POLICY audit_read ON "AuditEvent" FOR SELECT TO varna_app USING (varna_role() = 'COORDINATOR');

-- What a hash covers. audit:verify recomputes it with this same function.
CREATE FUNCTION varna_audit_hash(e "AuditEvent") RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
      coalesce(e."prevHash", ''),
      e.id::text,
      to_char(e."occurredAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS'),
      coalesce(e."actorId"::text, ''),
      coalesce(e."actorRole"::text, ''),
      e.action,
      e."entityType",
      coalesce(e."entityId", ''),
      coalesce(e."divisionId"::text, ''),
      coalesce(e.ip, ''),
      coalesce(e."userAgent", ''),
      e.details::text), 'UTF8')), 'hex')
  $$;

-- Runs as the table owner (SECURITY DEFINER) so it can read the chain's last link whatever
-- the inserting role may see; the advisory lock makes concurrent inserts queue for it.
CREATE FUNCTION varna_audit_chain() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
  BEGIN
    PERFORM pg_advisory_xact_lock(7660136017);
    SELECT a.hash INTO NEW."prevHash" FROM "AuditEvent" a ORDER BY a.id DESC LIMIT 1;
    NEW."occurredAt" := coalesce(NEW."occurredAt", now());
    NEW.hash := varna_audit_hash(NEW);
    RETURN NEW;
  END
  $$;
CREATE TRIGGER audit_chain BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION varna_audit_chain();

-- Even the owner cannot change history through ordinary statements.
CREATE FUNCTION varna_audit_immutable() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'Granskningsloggen kan inte ändras eller tas bort (%).', TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END
  $$;
CREATE TRIGGER audit_no_update BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION varna_audit_immutable();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION varna_audit_immutable();
