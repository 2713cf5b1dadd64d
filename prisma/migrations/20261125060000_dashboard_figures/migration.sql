-- ───────────── The observers' dashboard: grouped counts with their totals, small ones suppressed ─────────────
-- One statement per figure block, each a single GROUP BY GROUPING SETS scan, so the margins
-- (row, column and grand totals) come from the same rows as the cells. `k1`/`k2` are the
-- group's keys, '*' where the grouping set leaves a key out (a total). For an observer every
-- value below the suppression threshold (Setting `aggregates.suppressionThreshold`, default 5)
-- is NULL: the database suppresses the small counts (decision 011); the app's pure module
-- (lib/aggregates/suppression.ts) adds the secondary suppression of totals (decision 021).
-- Runs as the owner past row-level security, so it checks the caller's role first.
CREATE FUNCTION varna_dashboard_figures(p_from date, p_to date, p_today date)
  RETURNS TABLE (section text, k1 text, k2 text, value bigint)
  LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
  DECLARE
    threshold bigint;
    year_start date := date_trunc('year', p_today)::date;
    year_next date := (date_trunc('year', p_today) + interval '1 year')::date;
  BEGIN
    IF NOT varna_is('{COORDINATOR,OBSERVER}') THEN
      RAISE EXCEPTION 'Åtkomst nekad: sammanställda siffror' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT (s.value #>> '{}')::bigint INTO threshold FROM "Setting" s WHERE s.key = 'aggregates.suppressionThreshold';
    threshold := coalesce(threshold, 5);
    RETURN QUERY
      SELECT f.section, f.k1, f.k2, CASE WHEN varna_is('{OBSERVER}') AND f.value < threshold THEN NULL ELSE f.value END
      FROM (
        -- Situation entries observed in the window, by environment × month.
        SELECT 'entries' AS section,
               CASE WHEN grouping(e.environment) = 1 THEN '*' ELSE e.environment::text END AS k1,
               CASE WHEN grouping(date_trunc('month', e."observedOn")) = 1 THEN '*' ELSE to_char(date_trunc('month', e."observedOn"), 'YYYY-MM') END AS k2,
               count(*)::bigint AS value
          FROM "SituationEntry" e
         WHERE e."observedOn" >= p_from AND e."observedOn" <= p_to
         GROUP BY GROUPING SETS ((e.environment, date_trunc('month', e."observedOn")), (e.environment), (date_trunc('month', e."observedOn")), ())
        UNION ALL
        -- The same entries by district ('' = the whole municipality, no district).
        SELECT 'districts',
               CASE WHEN grouping(e."districtId") = 1 THEN '*' ELSE coalesce(e."districtId"::text, '') END,
               '', count(*)::bigint
          FROM "SituationEntry" e
         WHERE e."observedOn" >= p_from AND e."observedOn" <= p_to
         GROUP BY GROUPING SETS ((e."districtId"), ())
        UNION ALL
        -- Measures by level × status.
        SELECT 'measures',
               CASE WHEN grouping(m.level) = 1 THEN '*' ELSE m.level::text END,
               CASE WHEN grouping(m.status) = 1 THEN '*' ELSE m.status::text END,
               count(*)::bigint
          FROM "Measure" m
         GROUP BY GROUPING SETS ((m.level, m.status), (m.level), (m.status), ())
        UNION ALL
        -- Training this year per division: staff to train (needs wanted by a date in the year,
        -- cancelled ones left out) and staff who attended events held in the year.
        SELECT 'trainingNeeded',
               CASE WHEN grouping(n."divisionId") = 1 THEN '*' ELSE n."divisionId"::text END, '',
               coalesce(sum(n.headcount), 0)::bigint
          FROM "TrainingNeed" n
         WHERE n."wantedBy" >= year_start AND n."wantedBy" < year_next AND n.status <> 'CANCELLED'
         GROUP BY GROUPING SETS ((n."divisionId"), ())
        UNION ALL
        SELECT 'trainingAttended',
               CASE WHEN grouping(a."divisionId") = 1 THEN '*' ELSE a."divisionId"::text END, '',
               coalesce(sum(a.attended), 0)::bigint
          FROM "TrainingAttendance" a JOIN "TrainingEvent" ev ON ev.id = a."eventId"
         WHERE ev."startsAt" >= year_start AND ev."startsAt" < year_next AND ev.status = 'HELD'
         GROUP BY GROUPING SETS ((a."divisionId"), ())
      ) f
      UNION ALL
      SELECT 'threshold', '', '', threshold;
  END
  $$;

-- The dashboard's trend and district figures read the entries of twelve months: an index whose
-- leading column is the date and that carries the grouped columns lets them be counted from
-- the index alone.
CREATE INDEX "SituationEntry_observedOn_environment_districtId_divisionId_idx" ON "SituationEntry"("observedOn", "environment", "districtId", "divisionId");
