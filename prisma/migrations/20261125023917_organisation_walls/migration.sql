-- ═══════════════════════════ Hand-written: the organisation's walls ═══════════════════════════
-- Issue 16 (docs/decisions/016-organisation-as-data.md). Divisions, districts, staff categories
-- and settings are the organisation as data: everyone signed in reads them (names in lists,
-- choices in forms, the municipality's name); only the IT administrator and the coordinator
-- (permission `organisation`) write them. Nobody deletes a setting. Without settings on the
-- transaction (no viewer) every policy denies: it fails closed.
-- Merging two divisions and counting what points at one run as the owner, after the use case's
-- authorize(…, "organisation", …): they must see every division's records, whatever the role.

ALTER TABLE "Division" ENABLE ROW LEVEL SECURITY;
CREATE POLICY division_select ON "Division" FOR SELECT TO varna_app USING (varna_role() IS NOT NULL);
CREATE POLICY division_insert ON "Division" FOR INSERT TO varna_app WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY division_update ON "Division" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR,ADMIN}')) WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY division_delete ON "Division" FOR DELETE TO varna_app USING (varna_is('{COORDINATOR,ADMIN}'));

ALTER TABLE "District" ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_select ON "District" FOR SELECT TO varna_app USING (varna_role() IS NOT NULL);
CREATE POLICY district_insert ON "District" FOR INSERT TO varna_app WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY district_update ON "District" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR,ADMIN}')) WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY district_delete ON "District" FOR DELETE TO varna_app USING (varna_is('{COORDINATOR,ADMIN}'));

ALTER TABLE "StaffCategory" ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_category_select ON "StaffCategory" FOR SELECT TO varna_app USING (varna_role() IS NOT NULL);
CREATE POLICY staff_category_insert ON "StaffCategory" FOR INSERT TO varna_app WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY staff_category_update ON "StaffCategory" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR,ADMIN}')) WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY staff_category_delete ON "StaffCategory" FOR DELETE TO varna_app USING (varna_is('{COORDINATOR,ADMIN}'));

-- Settings: the public page's review interval is also the coordinator's through the editor
-- (publicContent), which the coordinator holds anyway. A setting is changed, never deleted.
ALTER TABLE "Setting" ENABLE ROW LEVEL SECURITY;
CREATE POLICY setting_select ON "Setting" FOR SELECT TO varna_app USING (varna_role() IS NOT NULL);
CREATE POLICY setting_insert ON "Setting" FOR INSERT TO varna_app WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
CREATE POLICY setting_update ON "Setting" FOR UPDATE TO varna_app
  USING (varna_is('{COORDINATOR,ADMIN}')) WITH CHECK (varna_is('{COORDINATOR,ADMIN}'));
REVOKE DELETE, TRUNCATE ON "Setting" FROM varna_app;
