-- AlterTable
ALTER TABLE "SituationEntry" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "reviewComment" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "search" tsvector;

-- CreateIndex
CREATE INDEX "SituationEntry_search_idx" ON "SituationEntry" USING GIN ("search");

-- ═══════════════════════════ Hand-written ═══════════════════════════
-- Full-text search over description + gender perspective with PostgreSQL's Swedish
-- configuration (stemming: "skolorna" finds "skola"), kept by a trigger rather than a
-- generated column so that a row copied whole (INSERT … SELECT *) still gets its own vector.
-- Indexed by the GIN index above; queried with websearch_to_tsquery('swedish', …) in
-- lib/server/situation/entry-query.ts.
CREATE FUNCTION situation_entry_search() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.search := to_tsvector('swedish'::regconfig, coalesce(NEW.description, '') || ' ' || coalesce(NEW."genderPerspective", ''));
  RETURN NEW;
END $$;

CREATE TRIGGER situation_entry_search BEFORE INSERT OR UPDATE ON "SituationEntry"
  FOR EACH ROW EXECUTE FUNCTION situation_entry_search();

UPDATE "SituationEntry" SET search = to_tsvector('swedish'::regconfig, description || ' ' || "genderPerspective");

-- A network member works on drafts only: edits, submits (DRAFT → SUBMITTED) or deletes its
-- own division's DRAFT entries. A submitted entry waits for the coordinator, who reviews it,
-- returns it (SUBMITTED → DRAFT) or archives it; a reviewed one is no longer the member's to
-- change (decision 013).
DROP POLICY situation_entry_update ON "SituationEntry";
DROP POLICY situation_entry_delete ON "SituationEntry";
CREATE POLICY situation_entry_update ON "SituationEntry" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR}') OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND status = 'DRAFT'))
  WITH CHECK (varna_is('{COORDINATOR}')
              OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND status IN ('DRAFT', 'SUBMITTED')
                  AND "reviewedById" IS NULL));
CREATE POLICY situation_entry_delete ON "SituationEntry" FOR DELETE TO varna_app
  USING (varna_is('{COORDINATOR}') OR (varna_own('{NETWORK_MEMBER}', "divisionId") AND status = 'DRAFT'));
