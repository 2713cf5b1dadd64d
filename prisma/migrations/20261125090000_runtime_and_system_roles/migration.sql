-- The second wall for every connection (docs/decisions/023-runtime-role.md).
--
-- The app connects as a login role (varna_runtime) that owns nothing and has no privilege on
-- any table of its own: outside a transaction that switched role it can read and change
-- nothing. It switches, per transaction, into
--   varna_app     the viewer's work (withViewer), under the per-role policies, or
--   varna_system  the system's own work that has no viewer: signing in, sessions, the sign-in
--                 throttle, the reminder sweep, the e-mail outbox, the public page, refusals'
--                 audit events, the audit checkpoint, and the organisation's reference counts
--                 and merges (asSystem, asOrganisation).
-- Migrations, seed, backup and restore run as the owner (DATABASE_OWNER_URL).
--
-- varna_runtime itself is created by whoever runs the database (README; the embedded database
-- and the tests create it): a login role with a password is not a migration's business.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'varna_system') THEN
    CREATE ROLE varna_system NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
  END IF;
  -- The owner runs scripts' system work (e.g. npm run reminders:sweep) through the same path.
  EXECUTE format('GRANT varna_system TO %I', current_user);
  -- Where the runtime role already exists (a server set up by the README), it may switch
  -- into both roles; the embedded database and the tests grant this themselves.
  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'varna_runtime') THEN
    GRANT varna_app TO varna_runtime;
    GRANT varna_system TO varna_runtime;
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO varna_system;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO varna_system;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO varna_system;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO varna_system;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO varna_system;
-- The audit trail stays append-only for the system too; the migration history is the owner's.
REVOKE UPDATE, DELETE, TRUNCATE ON "AuditEvent" FROM varna_system;
DO $$
BEGIN
  IF to_regclass('public._prisma_migrations') IS NOT NULL THEN
    REVOKE ALL ON TABLE "_prisma_migrations" FROM varna_system;
  END IF;
END
$$;

-- Row-level security applies to varna_system (it owns nothing and has no BYPASSRLS): each
-- table with policies gets one explicit policy for it. A new division-scoped table needs one
-- too, or the system's work on it fails closed.
DO $$
DECLARE t record;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relrowsecurity
  LOOP
    EXECUTE format('CREATE POLICY varna_system_all ON %I TO varna_system USING (true) WITH CHECK (true)', t.relname);
  END LOOP;
END
$$;

-- The viewer's settings for one transaction, set by the runtime role before it switches to
-- varna_app. A function of the owner's, so the embedded database can take set_config away from
-- everyone else (docs/decisions/023-runtime-role.md); only `varna.*` settings, transaction-local.
CREATE FUNCTION varna_set_viewer(text, text, text) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT set_config('varna.role', $1, true),
           set_config('varna.division_ids', $2, true),
           set_config('varna.user_id', $3, true);
  $$;
-- Anyone may call it: it sets only what set_config would let them set anyway on a server.
GRANT EXECUTE ON FUNCTION varna_set_viewer(text, text, text) TO PUBLIC;

-- The public page's cache (scripts/public-page-cache.mjs) asks on every request burst which
-- versions are published: one narrow question, answered for anyone (the page is public).
CREATE FUNCTION varna_published_versions() RETURNS TABLE (locale text, version text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
    SELECT locale::text, id::text || ':' || (extract(epoch FROM "updatedAt") * 1000000)::bigint::text
    FROM "PublicContent" WHERE status = 'PUBLISHED'
  $$;
GRANT EXECUTE ON FUNCTION varna_published_versions() TO PUBLIC;
