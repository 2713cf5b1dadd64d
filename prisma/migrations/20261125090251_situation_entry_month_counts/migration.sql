-- CreateTable
CREATE TABLE "SituationEntryMonthCount" (
    "divisionId" UUID NOT NULL,
    "month" DATE NOT NULL,
    "environment" "ExtremistEnvironment" NOT NULL,
    "districtKey" UUID NOT NULL,
    "status" "SituationEntryStatus" NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "SituationEntryMonthCount_pkey" PRIMARY KEY ("divisionId","month","environment","districtKey","status")
);

-- CreateIndex
CREATE INDEX "SituationEntryMonthCount_month_idx" ON "SituationEntryMonthCount"("month");

-- ───────────── Kept by the database, read under the entries' own wall (decision 025) ─────────────
-- The app role reads the counts of the divisions whose entries it may read, and nothing else;
-- it never writes them: the trigger below does, as the table's owner, in the same transaction
-- as the change to the entry.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "SituationEntryMonthCount" FROM varna_app, varna_system;
ALTER TABLE "SituationEntryMonthCount" ENABLE ROW LEVEL SECURITY;
CREATE POLICY situation_entry_month_count_select ON "SituationEntryMonthCount" FOR SELECT TO varna_app
  USING (varna_is('{COORDINATOR}') OR varna_own('{DIVISION_HEAD,NETWORK_MEMBER}', "divisionId"));

CREATE FUNCTION varna_situation_month_count() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "SituationEntryMonthCount" SET n = n - 1
     WHERE "divisionId" = OLD."divisionId" AND month = date_trunc('month', OLD."observedOn")::date
       AND environment = OLD.environment AND "districtKey" = coalesce(OLD."districtId", '00000000-0000-0000-0000-000000000000')
       AND status = OLD.status;
    DELETE FROM "SituationEntryMonthCount"
     WHERE "divisionId" = OLD."divisionId" AND month = date_trunc('month', OLD."observedOn")::date
       AND environment = OLD.environment AND "districtKey" = coalesce(OLD."districtId", '00000000-0000-0000-0000-000000000000')
       AND status = OLD.status AND n <= 0;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO "SituationEntryMonthCount" ("divisionId", month, environment, "districtKey", status, n)
    VALUES (NEW."divisionId", date_trunc('month', NEW."observedOn")::date, NEW.environment,
            coalesce(NEW."districtId", '00000000-0000-0000-0000-000000000000'), NEW.status, 1)
    ON CONFLICT ("divisionId", month, environment, "districtKey", status) DO UPDATE SET n = "SituationEntryMonthCount".n + 1;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER situation_entry_month_count
  AFTER INSERT OR DELETE OR UPDATE OF "divisionId", "observedOn", environment, "districtId", status ON "SituationEntry"
  FOR EACH ROW EXECUTE FUNCTION varna_situation_month_count();

-- A TRUNCATE of the entries (tests, restores) empties the counts with them.
CREATE FUNCTION varna_situation_month_count_truncate() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  DELETE FROM "SituationEntryMonthCount";
  RETURN NULL;
END $$;
CREATE TRIGGER situation_entry_month_count_truncate AFTER TRUNCATE ON "SituationEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION varna_situation_month_count_truncate();

-- The entries there are already.
INSERT INTO "SituationEntryMonthCount" ("divisionId", month, environment, "districtKey", status, n)
SELECT "divisionId", date_trunc('month', "observedOn")::date, environment,
       coalesce("districtId", '00000000-0000-0000-0000-000000000000'), status, count(*)::int
  FROM "SituationEntry"
 GROUP BY 1, 2, 3, 4, 5;
